// RefWorks tagged text (RefWorks' own export and import format): "RT Journal Article" opens a record, each
// line is a two-letter tag, a space and a value ("A1 Lovelace, Ada"), one author or keyword per line, and a
// blank line ends the record. Only RefWorks' own tags count as tag lines, so a wrapped abstract line that
// starts with a capitalised word continues the abstract. A record's id is its DOI, else made from its content.
import { problemAt } from './locate.ts';
import type { InputProblem, RawRecord, Reader } from './reader.ts';
import { finishedRecord, joinedValue, type TaggedRecord, taggedReader, valuesByTag } from './tagged-records.ts';
import { invertName } from './values.ts';

/** Metadata names of RefWorks' tags; the tags that fill paper fields are FIELD_TAGS. */
const METADATA: Record<string, string> = {
  RT: 'entryType',
  SR: 'sourceType',
  ID: 'referenceId',
  FD: 'date',
  VO: 'volume',
  IS: 'issue',
  SP: 'startPage',
  OP: 'otherPages',
  NO: 'notes',
  A2: 'editors',
  A3: 'tertiaryAuthors',
  A4: 'quaternaryAuthors',
  A5: 'quinaryAuthors',
  A6: 'websiteEditors',
  T2: 'secondaryTitle',
  T3: 'tertiaryTitle',
  ED: 'edition',
  PB: 'publisher',
  PP: 'place',
  SN: 'issn',
  AV: 'availability',
  AN: 'accessionNumber',
  LA: 'language',
  CL: 'classification',
  SF: 'subfile',
  OT: 'originalTitle',
  LK: 'links',
  CN: 'callNumber',
  DB: 'database',
  DS: 'dataSource',
  IP: 'identifyingPhrase',
  RD: 'retrievedDate',
  ST: 'shortTitle',
  U1: 'user1',
  U2: 'user2',
  U3: 'user3',
  U4: 'user4',
  U5: 'user5',
  SL: 'sponsoringLibrary',
  LL: 'sponsoringLibraryLocation',
  CR: 'citedReferences',
  WT: 'websiteTitle',
  WV: 'websiteVersion',
  WP: 'electronicPublicationDate',
  OL: 'outputLanguage',
  PMID: 'pmid',
  PMCID: 'pmcid',
};
const FIELD_TAGS = new Set(['T1', 'AB', 'A1', 'YR', 'JF', 'JO', 'K1', 'DO', 'UL', 'AD']);
const TAGS = new Set([...FIELD_TAGS, ...Object.keys(METADATA)]);
/** Tags written once per item: an author, a keyword, an address, a link, a cited reference. */
const LIST_TAGS = new Set(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'K1', 'AD', 'UL', 'LK', 'CR']);
const NAME_TAGS = new Set(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
const TAG_LINE = /^([A-Z][A-Z0-9]{1,4})(?:[ \t]+(.*))?$/;

/** The start of a RefWorks export: an "RT <type>" line, then another of its tags (RIS and WoS have no RT). */
export const REFWORKS_START = /^\uFEFF?RT[ \t]+\S[^\n]*\r?\n(?:SR|ID|A1|T1|JF|JO|YR)[ \t]/;

/** Reads RefWorks tagged text; an "RT" line or a blank line starts each record. */
export const readRefworks: Reader = taggedReader(
  {
    tagOf: (line) => {
      const match = TAG_LINE.exec(line);
      return match?.[1] && TAGS.has(match[1]) ? { tag: match[1], value: (match[2] ?? '').trim() } : null;
    },
    opening: new Set(['RT']),
    example: 'RT Journal Article',
    name: 'RefWorks tagged text',
  },
  toRecord,
);

function toRecord(record: TaggedRecord, location: { file: string; line: number; record: number }): RawRecord {
  const byTag = valuesByTag(record);
  const repairs: InputProblem[] = [];
  const extra: Record<string, unknown> = {};
  // A single-valued tag written twice usually means two records ran together (no blank line between them).
  const one = (tag: string, otherName: string): string | undefined => {
    const values = (byTag.get(tag) ?? []).map(joinedValue).filter((value) => value !== '');
    if (values.length > 1) {
      const at = (byTag.get(tag) ?? []).filter((value) => joinedValue(value) !== '').map((value) => value.line);
      const message = `${tag} appears ${values.length} times (lines ${at.join(', ')}); the first was used, the others kept as metadata`;
      repairs.push(problemAt(location.file, at[1] ?? location.line, location.record, tag, message));
      extra[otherName] = values.slice(1);
    }
    return values[0];
  };
  // Each line of a list tag is one item; some exports put several on one line, separated by ";".
  const items = (tag: string, separator: RegExp | null = null): string[] =>
    (byTag.get(tag) ?? [])
      .flatMap((value) => [value.value, ...value.continued])
      .flatMap((item) => (separator ? item.split(separator) : [item]))
      .map((item) => item.trim())
      .filter((item) => item !== '');

  const urls = items('UL');
  // The journal's full name, else its abbreviation: a blank JF line (an empty field exported) names neither.
  const fullJournal = one('JF', 'otherJournals');
  const fields: Record<string, unknown> = {
    title: one('T1', 'otherTitles'),
    abstract: one('AB', 'otherAbstracts'),
    authors: items('A1', /;/).map(invertName),
    year: one('YR', 'otherYears'),
    venue: fullJournal ?? one('JO', 'otherJournals'),
    doi: one('DO', 'otherDois'),
    url: urls[0],
    tags: items('K1', /;/),
    affiliations: items('AD'),
  };
  if (urls.length > 1) extra.urls = urls;
  // A journal's abbreviation when its full name is the venue; a book section's book when no journal is named.
  if (fullJournal !== undefined && byTag.has('JO')) extra.journalAbbreviation = joinedValue(byTag.get('JO')![0]!);
  const book = (byTag.get('T2') ?? []).map(joinedValue).find((value) => value !== '');
  const bookAsVenue = fields.venue === undefined && book !== undefined;
  if (bookAsVenue) fields.venue = book;
  for (const [tag, values] of byTag) {
    if (FIELD_TAGS.has(tag) || (tag === 'T2' && bookAsVenue)) continue;
    const name = METADATA[tag] ?? tag;
    if (LIST_TAGS.has(tag)) extra[name] = NAME_TAGS.has(tag) ? items(tag, /;/).map(invertName) : items(tag);
    else {
      const texts = values.map(joinedValue).filter((value) => value !== '');
      extra[name] = texts.length === 1 ? texts[0] : texts;
    }
  }
  // RefWorks' ID is a number local to one account: a record without a DOI gets a key made from its content.
  return finishedRecord(fields, extra, urls, location, repairs);
}
