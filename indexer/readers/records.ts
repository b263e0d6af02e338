// Turns raw records into validated Papers: takes their fields (record-fields.ts), fills a missing title and id,
// validates with zPaper, repairs or refuses, and reports every problem with its file, line, record and field.
import path from 'node:path';
import type { z } from 'zod';
import { canonicalArxivId } from '../../core/paper-identifiers.ts';
import { MAX_TEXT_CHARS, type Paper, type PaperInput, zPaper } from '../paper.schema.ts';
import { arxivIdOf, arxivIdOfDoi } from './arxiv-ids.ts';
import { describeKind, problemAt } from './locate.ts';
import { preprintOfVenue } from './preprint-venue.ts';
import type { InputProblem, LocatedPaper, RawRecord, ReadResult, RecordLocation } from './reader.ts';
import { coerceField, type Field, mapFields } from './record-fields.ts';
import { recordKind } from './record-kind.ts';
import { repairValue, shapeProblem } from './record-repairs.ts';
import { fillTitle } from './record-title.ts';
import { VENUE_FROM_PUBLISHER } from './same-work.ts';
import { coerceDoi, doiFromLink } from './values.ts';

export { DERIVED_TITLE_CHARS, titleFromText } from './record-title.ts';

/**
 * Bumped whenever a record's bytes could become a different Paper: a change to a reader, to the field mapping
 * and coercion (record-fields.ts), to the rules here, or to zPaper. It is part of every record fingerprint, so
 * records indexed under other rules are read again instead of being taken as unchanged. The latest changes
 * (earlier ones: `git log -L` on this constant): 11: a lone KW line shaped as an inverted MeSH heading
 * ("Leukemia, Myeloid, Acute") is one keyword; BibTeX's braced, quoted and numeric months read as its month macros ("{mar}", "3" → "March"), and
 * a citation key that is a DOI is the DOI of an entry without one; CSL-JSON's event-title (or event) is the venue
 * when there is no container-title; every reader takes arXiv ids, without version, by one grammar (arxiv-ids.ts),
 * from BibTeX eprints ("arXiv:2301.01234v2" is "2301.01234"), CSL-JSON URLs and numbers and arXiv DOIs too.
 * 12: BibTeX's crossref is applied (an entry takes the fields it lacks from its parent, a cross-referenced
 * @proceedings or @book without an abstract is no paper); an old-style arXiv id is stored in arXiv's canonical
 * form, without its subject class ("math.AG/0301001" is "math/0301001"), by every reader.
 * 13: BibLaTeX's venue (where the event was held) is metadata eventVenue, not the venue; eventtitle is the venue
 * of an entry without a journal or booktitle; a lone KW line is an inverted MeSH heading only when its modifiers
 * read as MeSH's (adjectives, not nouns, acronyms or terms with digits); CSL-JSON keeps its own venue over event-title.
 * 14: the .bib files of one run are read together (a crossref's parent and a @string may stand in another of them);
 * an arXiv id given as a field loses its version ("2401.01234v3" is "2401.01234"); IEEE Xplore rows without a DOI
 * are keyed by content, and Semantic Scholar answers asked for a few fields (in the API's shapes) and its bulk
 * dataset's lines get "s2:" ids (a paper an earlier version stored under the old id takes the new one:
 * indexer/build/unstable-ids.ts); a lone KW line of a few nouns ending in "-ic" ("Graph Theory, Logic, Music")
 * is a list; a BibTeX journal or RIS T2 naming only a preprint ("arXiv preprint arXiv:1810.04805") makes the venue "arXiv";
 * LaTeX's \par and \newline are spaces; a "%" comment inside a BibTeX entry is passed over.
 * 15: a venue naming only a preprint server is stored under its one name, by every reader ("ArXiv", "arXiv.org",
 * "arXiv e-prints", DBLP's "CoRR" are "arXiv"; "BioRxiv" is "bioRxiv"), the arXiv id it names is the record's (taken
 * after its id is made: no id changes; a RIS id still only from "arXiv:<id>"), and a BibTeX entry's CoRR volume
 * "abs/<id>" is its arXiv id; a BibTeX thesis's school (or institution) is its venue, and an EndNote thesis's journal
 * (%J, <periodical>), else its university (%I, <publisher>), else its department; Semantic Scholar's batch answers
 * (their nulls counted in a notice) and recommendations answers are read.
 * 16: a Crossref work's author keeps a suffix ("Jr.") and a {literal} name; a blank EndNote %J (RefWorks JF) no longer
 * hides the %B book or proceedings (JO abbreviation); a RIS thesis's venue is its university (PB) before the
 * department EndNote writes as T2; a CSL-JSON title or container title written as a list is its first entry; a
 * publisher is the venue only of a kind that appears inside nothing else (a book, a report; never a journal article,
 * conference paper or chapter: record-kind.ts); a BibTeX report's institution is its venue, and arXiv the venue of an
 * entry whose eprint is an arXiv id and that names no journal or booktitle (arXiv's own export); a RIS conference
 * paper's venue is its proceedings (C3, as Zotero writes it) before T2, kept as conferenceName unless the same; a
 * classic BibTeX @inbook without booktitle is a book; a RIS J1 is a venue after JA; a Zotero item's publicationTitle,
 * proceedingsTitle and abstractNote are its venue and abstract in JSON too; Zotero's web API answers are read, and a
 * Zotero item in JSON is read as the Zotero database's are (zotero-fields.ts: conferenceName, repository, university
 * as venues, archiveID as the arXiv id, notes and attachments passed over, editors no authors unless no one else is);
 * the Zotero database's venue fields not taken stay metadata; RIS ENCYC/DICT, EndNote Encyclopedia/Dictionary and CSL
 * entry take no publisher as venue; Zotero's EndNote XML conference paper takes custom3 (its proceedings) before its
 * secondary title (then kept as conferenceName); the publisher a record of no stated kind takes as its venue stays
 * metadata too, marked venueFromPublisher; a JSON record with an itemType is a Zotero item only with Zotero's creators
 * (objects) and keeps the venue, year, abstract, DOI and authors it names itself; an Archive ID that is no arXiv id
 * stays metadata; a JSON Lines line holding a Zotero item (an API answer or a bare item) is read as one in a JSON array
 * (its notes and attachments passed over), and an API answer asked for CSL JSON alone ({key, csljson}) as a Zotero item
 * whose fields are CSL-JSON's (its attachments and child notes, told by their links, passed over); a user's record
 * wrapping a Zotero item keeps the id, title and paper fields it names beside it, and a note record with a title or
 * authors is the user's, not Zotero's; a Zotero item an earlier version stored under its bare key (read with key and
 * version) takes its place as "zotero:<key>" (indexer/build/unstable-ids.ts); an EndNote XML record's web URL
 * (<web-urls>) is its url, a DOI link there its DOI (its id unchanged). Version 16 has not shipped, so these join it
 * rather than raise it.
 */
export const RECORD_RULES_VERSION = 16;

/**
 * The outcome for one record: a Paper when it is usable, every problem that refused it, and every repair
 * made to keep it. `locationBound` says the paper's id was made from its file name and record number.
 */
export type RecordOutcome = {
  paper: Paper | null;
  problems: InputProblem[];
  repairs: InputProblem[];
  locationBound: boolean;
};

/**
 * How records are validated. `repair` (the default of `citelens index`) keeps every record with a title or
 * an abstract, dropping invalid values and making up missing ids, and reports each repair; without it, any
 * problem refuses the record (`--strict`).
 */
export type ValidateOptions = { repair: boolean };

const REPAIR_PASSES = 3;

/**
 * Validates one raw record. Keys match FIELD_ALIASES case-insensitively (the first non-blank alias wins);
 * unknown keys go into `metadata`. A blank title is taken from the abstract's first sentence; a missing id
 * becomes `doi:…`, `arxiv:…`, or `<file name>-<record number>`. Title, abstract and venue are cleaned
 * of markup (cleanText) before they are stored.
 */
export function validateRecord(raw: RawRecord, options: ValidateOptions = { repair: false }): RecordOutcome {
  const { location } = raw;
  const problems: InputProblem[] = [];
  const repairs: InputProblem[] = [];
  const report = (field: string | null, message: string) =>
    problems.push(problemAt(location.file, location.line, location.record, field, message));
  // A value that cannot be used is dropped and the paper kept, when repairing; otherwise it refuses the record.
  const drop = (field: string | null, message: string) => {
    if (options.repair) repairs.push(problemAt(location.file, location.line, location.record, field, message));
    else report(field, message);
  };
  for (const repair of raw.repairs ?? []) {
    if (options.repair) repairs.push(repair);
    else problems.push(repair);
  }

  const { chosen, sourceKey, metadata } = mapFields(raw.fields);
  const input: Record<string, unknown> = {};
  const failed = new Set<Field>();
  for (const [field, value] of chosen) {
    const result = coerceField(field, value, { latex: !raw.latexCleaned });
    if (result === null) continue;
    if (result.ok) {
      if (result.value !== undefined) input[field] = result.value;
      if (result.copyright !== null && !Object.hasOwn(metadata, 'copyright')) metadata.copyright = result.copyright;
    } else if (options.repair) {
      drop(`${sourceKey.get(field)}${result.path}`, `${result.message}; the value was dropped`);
    } else {
      failed.add(field);
      report(`${sourceKey.get(field)}${result.path}`, result.message);
    }
  }

  const extra = chosen.get('metadata');
  if (extra !== undefined && (extra === null || typeof extra !== 'object' || Array.isArray(extra))) {
    drop(sourceKey.get('metadata') ?? 'metadata', `expected an object, got ${describeKind(extra)}`);
  } else if (extra !== undefined) {
    for (const [key, value] of Object.entries(extra)) {
      if (key !== '__proto__' && !Object.hasOwn(metadata, key)) metadata[key] = value;
    }
  }
  for (const [key, value] of Object.entries(metadata)) {
    const shape = shapeProblem(value);
    if (shape !== null) {
      if (options.repair) delete metadata[key];
      drop(key, options.repair ? `${shape}; the value was dropped` : shape);
    } else if (typeof value === 'string' && value.length > MAX_TEXT_CHARS) {
      const length = `is ${value.length.toLocaleString('en-US')} characters long; at most ${MAX_TEXT_CHARS.toLocaleString('en-US')} are allowed`;
      if (options.repair) delete metadata[key];
      drop(key, options.repair ? `${length}; the value was dropped` : length);
    }
  }

  if (input.doi === undefined && typeof input.url === 'string') {
    // An export that gives the DOI only as its link ("UR  - https://doi.org/10.…") still gives the DOI.
    const link = doiFromLink(input.url.trim());
    const doi = link ? coerceDoi(link) : null;
    if (doi?.ok) input.doi = doi.value;
  }
  if (typeof input.arxivId === 'string') {
    // An arXiv id given as a field (JSON Lines, CSV) is read by the one function every reader uses: canonical and
    // without its version ("2401.01234v3" is "2401.01234", "math.AG/0301001" is "math/0301001"), also when written
    // "arXiv:…" or as an arxiv.org address; a value in no arXiv id's shape is kept as written.
    const given = input.arxivId.trim();
    const id = arxivIdOf(given) ?? canonicalArxivId(given);
    if (id !== given) input.arxivId = id;
  }
  // A JSON, JSON Lines or CSV "url" at arxiv.org gives no arXiv id: such a record may be another thing about the
  // paper (model cards "BERT-base" and "BERT-large" both link 1810.04805), and an id would merge them into one.
  if (!failed.has('title') && !fillTitle(input, metadata, sourceKey, report)) failed.add('title');
  let locationBound = !failed.has('id') && fillId(input, location);
  if (typeof input.doi === 'string' && input.arxivId === undefined) {
    const arxiv = arxivIdOfDoi(input.doi);
    if (arxiv !== undefined) input.arxivId = arxiv;
  }
  // A venue naming only an arXiv preprint ("arXiv preprint arXiv:1810.04805", "CoRR abs/2101.00001") is stored as
  // "arXiv" (coerceField): the preprint's id is kept as the arXiv id. Taken after the id is made, as the DOI's
  // is, so that no record's id changes with it.
  const venue = chosen.get('venue');
  if (input.arxivId === undefined && typeof venue === 'string') {
    const arxiv = preprintOfVenue(venue);
    if (arxiv !== undefined) input.arxivId = arxiv;
  }
  // A publisher is the venue of a record of no stated kind only for want of a better one: it stays in metadata too,
  // and the venue is marked as taken from it, so that merging the record into a preprint's paper does not take it for
  // where the work was published (same-work.ts). A journal of the publisher's name ("BMJ") is a venue of its own.
  const venueKey = sourceKey.get('venue');
  if (venueKey?.toLowerCase() === 'publisher' && typeof input.venue === 'string' && !recordKind(raw.fields)) {
    metadata[venueKey] = input.venue;
    metadata[VENUE_FROM_PUBLISHER] = true;
  }
  input.metadata = metadata;

  let parsed = zPaper.safeParse(input as PaperInput, { reportInput: true });
  for (let pass = 0; options.repair && !parsed.success && failed.size === 0 && pass < REPAIR_PASSES; pass++) {
    for (const issue of parsed.error.issues) {
      const at = issuePath(issue.path, sourceKey);
      const fixed = repairValue(input, issue, () => fillId(input, location, true));
      if (fixed === null) continue;
      if (fixed === 'id') locationBound = true;
      drop(at, `${issueMessage(issue)}; ${fixed === 'id' ? 'an id was made up for the paper' : fixed}`);
    }
    parsed = zPaper.safeParse(input as PaperInput, { reportInput: true });
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // A field whose value was already reported as wrong would only be reported again, less clearly.
      if (failed.has(issue.path[0] as Field)) continue;
      report(issuePath(issue.path, sourceKey), issueMessage(issue));
    }
  }
  const paper = parsed.success && problems.length === 0 ? parsed.data : null;
  return { paper, problems, repairs: paper ? repairs : [], locationBound };
}

/** Validates many records in order: the valid ones as located Papers, and every problem. */
export function validateRecords(
  records: readonly RawRecord[],
  options: ValidateOptions = { repair: false },
): ReadResult {
  const papers: LocatedPaper[] = [];
  const problems: InputProblem[] = [];
  const repairs: InputProblem[] = [];
  for (const record of records) {
    let outcome: RecordOutcome;
    try {
      outcome = validateRecord(record, options);
    } catch (error) {
      // A record built to exhaust memory or the stack is one invalid record, not the end of the run.
      if (!(error instanceof RangeError)) throw error;
      const { file, line, record: number } = record.location;
      const message = `is too large or too deeply nested to read (${error.message})`;
      outcome = {
        paper: null,
        problems: [problemAt(file, line, number, null, message)],
        repairs: [],
        locationBound: false,
      };
    }
    if (outcome.paper) {
      // A repaired record is read again every run, so its repairs are reported again (and --strict refuses it).
      const fingerprint = outcome.locationBound || outcome.repairs.length > 0 ? null : (record.fingerprint ?? null);
      papers.push({ paper: outcome.paper, location: record.location, fingerprint });
    }
    problems.push(...outcome.problems);
    repairs.push(...outcome.repairs);
  }
  return { papers, problems, repairs };
}

/**
 * The start of the id a record without one gets from its place: "<file name without extension>-<record number>"
 * ("refs-3" for the third record of refs.jsonl).
 */
export function positionIdStem(file: string): string {
  return path.basename(file, path.extname(file));
}

/** Fills a missing id; true when it had to be made from the record's location (always, when `byLocation`). */
function fillId(input: Record<string, unknown>, location: RecordLocation, byLocation = false): boolean {
  if (typeof input.id === 'string' && input.id.trim() !== '') return false;
  if (byLocation) {
    input.id = `${positionIdStem(location.file)}-${location.record}`;
    return true;
  }
  if (typeof input.doi === 'string' && input.doi.trim() !== '') input.id = `doi:${input.doi.trim()}`;
  else if (typeof input.arxivId === 'string' && input.arxivId.trim() !== '') input.id = `arxiv:${input.arxivId.trim()}`;
  else {
    input.id = `${positionIdStem(location.file)}-${location.record}`;
    return true;
  }
  return false;
}

function issuePath(issuePath: readonly PropertyKey[], sourceKey: Map<Field, string>): string | null {
  if (issuePath.length === 0) return null;
  const [head, ...rest] = issuePath;
  let text = sourceKey.get(head as Field) ?? String(head);
  for (const part of rest) text += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  return text;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  const count = (n: number | bigint) => n.toLocaleString('en-US');
  if (issue.code === 'too_big' && issue.origin === 'string' && typeof issue.input === 'string') {
    return `is ${count(issue.input.length)} characters long; at most ${count(issue.maximum)} are allowed`;
  }
  if (issue.code === 'too_big' && issue.origin === 'array' && Array.isArray(issue.input)) {
    return `has ${count(issue.input.length)} entries; at most ${count(issue.maximum)} are allowed`;
  }
  if (issue.code === 'too_big' && issue.origin === 'number')
    return `must be at most ${issue.maximum}, got ${issue.input}`;
  if (issue.code === 'too_small' && issue.origin === 'number')
    return `must be at least ${issue.minimum}, got ${issue.input}`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty';
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, got ${describeKind(issue.input)}`;
  return issue.message;
}
