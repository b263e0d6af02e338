// The readers' public entry: reads paper files of any supported format (and a Zotero library) into
// validated Papers, with every record-level problem and repair (bad values, repeated ids) returned as data.
import { AppError } from '../../core/errors.ts';
import { readArxivAtom } from './arxiv-atom.reader.ts';
import { type BibtexInput, readBibtex, readBibtexFiles } from './bibtex.reader.ts';
import { readCslJson } from './csl-json.reader.ts';
import { readCsv, readTsv } from './csv.reader.ts';
import { decodeInput, documentKind, type Encoding } from './decode-text.ts';
import { detectFormat, formatFromExtension } from './detect-format.ts';
import { readEndnoteTagged } from './endnote-tagged.reader.ts';
import { readEndnoteXml } from './endnote-xml.reader.ts';
import { IdRegistry } from './id-registry.ts';
import { readBounded, withInputFile } from './input-file.ts';
import { readJson } from './json.reader.ts';
import { readJsonl, readJsonlBytes, readJsonlFile } from './jsonl.reader.ts';
import { problemAt } from './locate.ts';
import { readMedline } from './medline.reader.ts';
import { readModsXml } from './mods-xml.reader.ts';
import { readPubmedXml } from './pubmed-xml.reader.ts';
import type {
  Format,
  IndexedRecord,
  InputProblem,
  KnownFingerprints,
  LocatedPaper,
  RawRecord,
  Reader,
  RecordLocation,
} from './reader.ts';
import { validateRecord, validateRecords } from './records.ts';
import { readRefworks } from './refworks.reader.ts';
import { readRis } from './ris.reader.ts';
import { readWos } from './wos.reader.ts';
import { readZotero } from './zotero.reader.ts';
import { readZoteroRdf } from './zotero-rdf.reader.ts';

export { decodeDocument, ENCODINGS, type Encoding } from './decode-text.ts';
export { detectFormat } from './detect-format.ts';
export { READ_LIMITS } from './input-file.ts';
export {
  FORMATS,
  type Format,
  type IndexedRecord,
  type InputProblem,
  type KnownFingerprints,
  type LocatedPaper,
  type ReadResult,
  type RecordLocation,
} from './reader.ts';
export { positionIdStem } from './records.ts';
export { filledFrom, filledIn, worksOf } from './same-work.ts';
export { defaultZoteroFolder } from './zotero.reader.ts';

const READERS: Record<Exclude<Format, 'zotero'>, Reader> = {
  jsonl: readJsonl,
  json: readJson,
  csv: readCsv,
  tsv: readTsv,
  bibtex: readBibtex,
  'csl-json': readCslJson,
  'arxiv-atom': readArxivAtom,
  'pubmed-xml': readPubmedXml,
  'endnote-xml': readEndnoteXml,
  'endnote-tagged': readEndnoteTagged,
  refworks: readRefworks,
  ris: readRis,
  medline: readMedline,
  wos: readWos,
  'zotero-rdf': readZoteroRdf,
  mods: readModsXml,
};

/**
 * What readPaperFiles gives: usable papers, records the index already holds (not parsed again), problems
 * (records refused), repairs (records kept after a fix, each fix located), notices about how files
 * were read (an encoding guessed, the CSV columns used), and the records merged into another paper of their
 * work (by the id each was read under).
 */
export type PaperFilesRead = {
  papers: LocatedPaper[];
  indexed: IndexedRecord[];
  problems: InputProblem[];
  repairs: InputProblem[];
  notices: string[];
  /** Always given by readPaperFiles; optional for a run's input made by other means. */
  merged?: MergedRecord[];
};

/** A record merged into the paper of its work kept in the run: the id it was read under, that paper's id, and where. */
export type MergedRecord = { id: string; into: string; location: RecordLocation };

export type ReadOptions = {
  /** Every file's format; by default each file's is detected. */
  format?: Format;
  known?: KnownFingerprints;
  /** Refuse any record with a problem instead of repairing it (`--strict`). */
  strict?: boolean;
  /** The text encoding of every file; by default UTF-8, or what a byte order mark or the bytes make clear. */
  encoding?: Encoding;
};

/**
 * Reads paper files (each in `options.format`, or the format detected per file) into validated Papers.
 * Records are repaired where they can be (see validateRecord) unless `options.strict`; of two papers with
 * one id, an identical second is merged into the first and a different one is kept under "<id>-2" (under
 * --strict, it is a problem and the first is kept). JSON Lines records whose fingerprint `options.known`
 * recognizes come back in `indexed` instead of `papers`, unparsed. The BibTeX files are read together, so an entry
 * may use a @string or cross-reference an entry of another of them (see readBibtexFiles).
 * @throws AppError UNREADABLE_FILE for a missing, unreadable, empty, binary or non-regular file, or text in
 *   no clear encoding; FILE_TOO_LARGE for a file past READ_LIMITS; UNKNOWN_FORMAT when a format cannot be told.
 */
export async function readPaperFiles(files: readonly string[], options: ReadOptions = {}): Promise<PaperFilesRead> {
  const repair = !options.strict;
  const read: PaperFilesRead = { papers: [], indexed: [], problems: [], repairs: [], notices: [], merged: [] };
  const ids = new IdRegistry(repair, read);
  // The .bib files are parsed first and read together: an entry may use a @string or a crossref of
  // another of them. Every other file is parsed when its turn comes and let go once validated.
  const formatOf = (file: string) => {
    // A Zotero database is one whatever --format says of the files beside it.
    const byExtension = formatFromExtension(file);
    return byExtension === 'zotero' ? byExtension : (options.format ?? byExtension);
  };
  const bibFiles = new Map<string, FileRead>();
  for (const file of files) {
    if (formatOf(file) === 'bibtex' && !bibFiles.has(file))
      bibFiles.set(file, await readOneFile(file, 'bibtex', options));
  }
  readBibtexTogether([...bibFiles.values()]);
  for (const file of files) {
    const format = formatOf(file);
    const parsed =
      bibFiles.get(file) ??
      (format === 'zotero' ? { ...readZotero(file), indexed: [], file } : await readOneFile(file, format, options));
    // A file told to be BibTeX by its content alone is read by itself.
    readBibtexTogether([parsed]);
    read.problems.push(...parsed.problems);
    read.notices.push(...(parsed.decodeNotices ?? []), ...(parsed.notices ?? []));
    const known = parsed.indexed;
    const opener = parsed.format === undefined ? undefined : RECORD_OPENERS[parsed.format];
    const said = parsed.problems.length > 0 || (parsed.notices?.length ?? 0) > 0;
    if (parsed.records.length === 0 && !said && known.length === 0 && opener) {
      // A .ris or .bib in which no record opens would otherwise add nothing and say nothing (a file whose reader
      // said something, such as a .bib of proceedings that lent their fields, is not silent). A notice, not a
      // problem: a .bib of @string macros alone is given beside the entries that use them, also under --strict.
      read.notices.push(`${file}: holds no ${opener}`);
    }
    const validated = validateRecords(parsed.records, { repair });
    read.problems.push(...validated.problems);
    read.repairs.push(...validated.repairs);
    // In record order, so that of two records with one id the first is kept, parsed or not.
    let k = 0;
    const takeKnownBefore = (record: number) => {
      for (; k < known.length && known[k]!.location.record < record; k++) {
        if (ids.claimIndexed(known[k]!)) read.indexed.push(known[k]!);
      }
    };
    for (const located of validated.papers) {
      takeKnownBefore(located.location.record);
      const kept = ids.claim(located);
      if (kept) read.papers.push(kept);
    }
    takeKnownBefore(Number.POSITIVE_INFINITY);
  }
  return read;
}

/**
 * A file parsed, not yet validated: its records (none yet for a .bib file, whose text is kept in `bibtex` until the
 * run's .bib files are read together) and the notice its text's decoding gave, if any.
 */
type FileRead = ReturnType<Reader> & {
  file: string;
  indexed: IndexedRecord[];
  format?: Format;
  decodeNotices?: string[];
  bibtex?: BibtexInput;
};

/** Reads the run's .bib files together (readBibtexFiles), filling in each one's records, problems and notices. */
function readBibtexTogether(parsedFiles: FileRead[]): void {
  const bibFiles = parsedFiles.filter((parsed) => parsed.bibtex !== undefined);
  const results = readBibtexFiles(bibFiles.map((parsed) => parsed.bibtex!));
  for (const [index, parsed] of bibFiles.entries()) {
    Object.assign(parsed, results[index]!);
    delete parsed.bibtex;
  }
}

/** What opens a record in the formats whose files are named by their extension: said when a file holds none. */
const RECORD_OPENERS: Partial<Record<Format, string>> = {
  ris: 'RIS record: no line starts "TY  - " or "TY - " (the type tag, then a dash), as each record of a RIS export does',
  bibtex: 'BibTeX entry: no "@article{key," or other "@type{" entry starts in it',
  medline: 'MEDLINE record: no line starts "PMID- ", as each record of a PubMed .nbib export does',
  'endnote-tagged': 'EndNote record: no line starts "%0 " or "%T ", as each record of an EndNote tagged export does',
  'zotero-rdf':
    'Zotero item: no node in it has a z:itemType or a class read as an item (bib:Article, bib:Book…), so it is no "Zotero RDF" export',
  mods: 'MODS record: no <mods> element stands in its <modsCollection>',
};

async function readOneFile(file: string, extensionFormat: Format | undefined, options: ReadOptions): Promise<FileRead> {
  const decodeNotices: string[] = [];
  return { ...(await parseFile(file, extensionFormat, options, decodeNotices)), file, decodeNotices };
}

async function parseFile(
  file: string,
  extensionFormat: Format | undefined,
  options: ReadOptions,
  notices: string[],
): Promise<Omit<FileRead, 'file'>> {
  // JSON Lines in UTF-8 is read line by line from the file's bytes, so lines the index holds are never decoded.
  if (extensionFormat === 'jsonl' && (options.encoding === undefined || options.encoding === 'utf-8')) {
    try {
      return await withInputFile(file, (handle) => readJsonlFile(handle, file, options.known));
    } catch (error) {
      const encodingTrouble = (error as AppError).details as { encoding?: boolean } | undefined;
      if (!(error instanceof AppError) || !encodingTrouble?.encoding || options.encoding === 'utf-8') throw error;
    }
  }
  const bytes = await withInputFile(file, (handle) => readBounded(handle, file));
  const kind = documentKind(bytes);
  if (kind !== null) {
    const what = kind === 'pdf' ? 'a PDF' : "a word processor's file or another archive";
    throw new AppError(
      'NOT_TEXT',
      `${file} is ${what}: Citelens indexes papers' titles and abstracts as your reference manager exports them (BibTeX, RIS, CSL JSON), or a Zotero library (--zotero), not the papers' documents`,
      { file },
    );
  }
  const { text, notice } = decodeInput(file, bytes, options.encoding);
  if (notice) notices.push(notice);
  const format = extensionFormat ?? detectFormat(file, text);
  if (format === 'zotero')
    throw new AppError('UNKNOWN_FORMAT', `${file}: a Zotero database is read with --zotero`, { file });
  if (format === 'jsonl') {
    const utf8 = notice === null ? bytes : Buffer.from(text, 'utf8');
    return readJsonlBytes(utf8, file, options.known);
  }
  // Parsed with the run's other .bib files (readBibtexTogether).
  if (format === 'bibtex') return { records: [], problems: [], indexed: [], format, bibtex: { text, file } };
  try {
    return { ...READERS[format](text, file), indexed: [], format };
  } catch (error) {
    // A parser that recurses (XML) can exhaust the stack on input nested a million deep: one located problem.
    if (!(error instanceof RangeError)) throw error;
    const message = `could not be read: it is nested too deeply or is too large (${error.message})`;
    return { records: [], problems: [problemAt(file, null, null, null, message)], indexed: [] };
  }
}

/**
 * Formats whose text says what it is: a reference list given in one of them is read as records (the web names them:
 * PASTED_FORMATS in web/src/inputs/input-formats.ts, kept in step by a test).
 */
export const SELF_DESCRIBING: ReadonlySet<Format> = new Set<Exclude<Format, 'zotero'>>([
  'bibtex',
  'ris',
  'csl-json',
  'medline',
  'endnote-tagged',
  'endnote-xml',
  'refworks',
  'pubmed-xml',
  'zotero-rdf',
  'mods',
]);

/**
 * The papers of a reference manager's export given as text rather than as a file (a draft's
 * BibTeX or RIS references), repaired as `index` repairs them, each with the line it starts on;
 * null when the text is in none of the formats that say what they are (a plain reference list).
 */
export function papersOfExport(text: string, name: string): LocatedPaper[] | null {
  let format: Format;
  try {
    format = detectFormat(name, text);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
  if (!SELF_DESCRIBING.has(format)) return null;
  let records: RawRecord[];
  try {
    records = READERS[format as Exclude<Format, 'zotero'>](text, name).records;
  } catch (error) {
    // XML nested too deeply for the parser to recurse through is read as a plain list instead.
    if (error instanceof RangeError) return null;
    throw error;
  }
  return records.flatMap((raw) => {
    const { paper } = validateRecord(raw, { repair: true });
    return paper ? [{ paper, location: raw.location, fingerprint: null }] : [];
  });
}

/** One line for a person: "file:line (record N) field: message", leaving out the parts that are unknown. */
export function formatProblem(problem: InputProblem): string {
  const line = problem.line === null ? '' : `:${problem.line}`;
  const record = problem.record === null ? '' : ` (record ${problem.record})`;
  const field = problem.field === null ? '' : ` ${problem.field}`;
  return `${problem.file}${line}${record}${field}: ${problem.message}`;
}
