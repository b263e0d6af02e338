// EndNote's tagged text (the Refer format: `.enw` files, Google Scholar's "EndNote" link, EndNote's
// Export → Text): "%0 Journal Article" opens a record, each line is "%<tag> value", one author or keyword
// per line, a blank line ends the record. A record's id is its DOI, else a key made from its content, as RIS.
import { problemAt } from './locate.ts';
import { keywordsAndHeadings } from './mesh-headings.ts';
import type { InputProblem, RawRecord, Reader } from './reader.ts';
import { finishedRecord, joinedValue, type TaggedRecord, taggedReader, valuesByTag } from './tagged-records.ts';
import { invertName } from './values.ts';

// "%" and one character, then a space (or nothing): "%A Lovelace, Ada", "%@ 0028-0836". Prose such as
// "% of cases" or "%50" is not a tag line.
const TAG_LINE = /^%([0-9A-Z@!#$&()*+\-./:;<=>?[\]^_{|}~])(?:[ \t]+(.*))?$/;

/** Tags that fill paper fields; every other tag is kept as metadata (see METADATA). */
const FIELD_TAGS = new Set(['T', 'X', 'A', 'D', 'J', 'B', 'K', 'R', 'U', '+']);
/** Names of the tags kept as metadata, as EndNote labels them; any other tag keeps its own ("%Q"). */
const METADATA: Record<string, string> = {
  '0': 'entryType',
  E: 'editors',
  Y: 'tertiaryAuthors',
  '?': 'subsidiaryAuthors',
  H: 'translatedAuthors',
  S: 'seriesTitle',
  V: 'volume',
  N: 'issue',
  P: 'pages',
  I: 'publisher',
  C: 'place',
  '@': 'issn',
  '8': 'date',
  '7': 'edition',
  '9': 'typeOfWork',
  '!': 'shortTitle',
  Q: 'translatedTitle',
  G: 'language',
  M: 'accessionNumber',
  F: 'label',
  L: 'callNumber',
  Z: 'notes',
  W: 'databaseProvider',
  '~': 'databaseName',
  '>': 'attachments',
  '<': 'researchNotes',
  '&': 'section',
};
/** Tags written once per item (an author, an editor, a keyword): never joined, never a repeat to report. */
const LIST_TAGS = new Set(['A', 'E', 'Y', '?', 'H', 'K', 'U', '+', '>']);
/** Person tags: "Last, First" becomes "First Last", as the other readers write names. */
const NAME_TAGS = new Set(['A', 'E', 'Y', '?', 'H']);

/** Reads EndNote tagged text; a "%0" line or a blank line starts each record. */
export const readEndnoteTagged: Reader = taggedReader(
  {
    tagOf: (line) => {
      const match = TAG_LINE.exec(line);
      return match ? { tag: match[1] ?? '', value: (match[2] ?? '').trim() } : null;
    },
    opening: new Set(['0']),
    example: '%0 Journal Article',
    name: 'EndNote tagged text',
  },
  toRecord,
);

function toRecord(record: TaggedRecord, location: { file: string; line: number; record: number }): RawRecord {
  const byTag = valuesByTag(record);
  const repairs: InputProblem[] = [];
  // A single-valued tag written twice usually means two records ran together (no blank line between them).
  const one = (tag: string): string | undefined => {
    const values = (byTag.get(tag) ?? []).filter((value) => joinedValue(value) !== '');
    if (values.length > 1) {
      const lines = values.map((value) => value.line).join(', ');
      const message = `%${tag} appears ${values.length} times (lines ${lines}); the first was used, the others kept as metadata`;
      repairs.push(problemAt(location.file, values[1]!.line, location.record, `%${tag}`, message));
    }
    return values[0] === undefined ? undefined : joinedValue(values[0]);
  };
  const rest = (tag: string): string[] =>
    (byTag.get(tag) ?? [])
      .map(joinedValue)
      .filter((value) => value !== '')
      .slice(1);
  // Each line of a list tag is one item, continuation lines included (EndNote writes keywords that way).
  const items = (tag: string): string[] =>
    (byTag.get(tag) ?? []).flatMap((value) => [value.value, ...value.continued]).filter((item) => item.trim() !== '');

  const urls = items('U');
  // EndNote's export of a record imported from PubMed gives its MeSH headings as keywords.
  const keywords = keywordsAndHeadings(items('K').flatMap((line) => line.split(';')));
  const thesis = /^\s*thesis\s*$/i.test(byTag.get('0')?.[0]?.value ?? '');
  // A journal article names its journal with %J; %B is then the series or book it appeared in, and the venue of
  // a record whose %J is blank or missing (a book section's book, a conference paper's proceedings). A thesis names
  // its university with %I (publisher) and its department with %B: as a BibTeX thesis's, its venue is the journal
  // (%J) it appeared in, else its university, else its department; %I stays the publisher, %B the department.
  // A record with neither takes its publisher (%I) as its venue only when it is a kind that appears inside nothing
  // else (a book, a report, a generic record: record-kind.ts); a journal article's or a conference paper's stays metadata.
  const journal = one('J');
  const secondary = one('B');
  const department = thesis ? secondary : undefined;
  const venue = thesis ? journal || one('I') || department : journal || secondary;
  const fields: Record<string, unknown> = {
    // A record saved with only its short title (%!, "BERT") is known by it, as a Zotero item is.
    title: one('T') || one('!'),
    abstract: one('X'),
    authors: items('A').map(invertName),
    year: one('D'),
    venue,
    doi: one('R'),
    url: urls[0],
    tags: keywords.tags,
    affiliations: items('+'),
  };
  const extra: Record<string, unknown> = {};
  for (const [tag, text] of [
    ['T', 'otherTitles'],
    ['X', 'otherAbstracts'],
    ['D', 'otherYears'],
    ['R', 'otherDois'],
  ] as const) {
    if (rest(tag).length > 0) extra[text] = rest(tag);
  }
  if (thesis) {
    if (department && venue !== department) extra.department = department;
  } else if (journal && secondary) extra.secondaryTitle = secondary;
  if (keywords.meshHeadings.length > 0) extra.meshHeadings = keywords.meshHeadings;
  if (urls.length > 1) extra.urls = urls;
  for (const [tag, values] of byTag) {
    if (FIELD_TAGS.has(tag)) continue;
    const name = METADATA[tag] ?? `%${tag}`;
    if (LIST_TAGS.has(tag)) extra[name] = NAME_TAGS.has(tag) ? items(tag).map(invertName) : items(tag);
    else {
      const texts = values.map(joinedValue).filter((value) => value !== '');
      extra[name] = texts.length === 1 ? texts[0] : texts;
    }
  }
  // Refer has no citation key: a record without a DOI gets one made from its content, not its position.
  return finishedRecord(fields, extra, urls, location, repairs);
}
