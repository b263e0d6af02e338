// PubMed's MEDLINE format (.nbib, or .txt from "Save → PubMed format"): records start at "PMID- ", each line
// is a tag of up to four letters padded to four, "- ", and a value; lines indented six spaces continue it.
import { problemAt } from './locate.ts';
import { medlineFullName, medlineShortName } from './medline-names.ts';
import { pubmedTitle } from './pubmed-title.ts';
import type { InputProblem, RawRecord, Reader } from './reader.ts';

const TAG_LINE = /^([A-Z][A-Z0-9]{0,3}) {0,3}- ?(.*)$/;
const CONTINUATION = /^ {2,}\S/;
const DOI_ID = /^(\S+)\s*\[doi\]$/i;
/** Tags kept as metadata under readable names; other tags keep their own. */
const METADATA: Record<string, string> = {
  PT: 'publicationTypes',
  LA: 'language',
  VI: 'volume',
  IP: 'issue',
  PG: 'pages',
  PMC: 'pmcid',
  TA: 'journalAbbreviation',
  IS: 'issn',
  PL: 'place',
};

/** Tags that fill paper fields (or are read into them), not kept again as metadata. */
const FILLED = [
  'PMID',
  'TI',
  'BTI',
  'TT',
  'AB',
  'FAU',
  'AU',
  'CN',
  'FED',
  'ED',
  'DP',
  'JT',
  'MH',
  'OT',
  'AD',
  'LID',
  'AID',
];

/** Reads MEDLINE records; each "PMID- " line starts one. */
export const readMedline: Reader = (input, file) => {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  let current: { tags: [string, string][]; line: number } | null = null;
  const finish = () => {
    if (current) records.push(toRecord(current.tags, { file, line: current.line, record: records.length + 1 }));
    current = null;
  };
  for (const [index, raw] of lines.entries()) {
    const text = raw.replace(/^\uFEFF/, '');
    if (current && CONTINUATION.test(text)) {
      const last = current.tags.at(-1);
      if (last) last[1] = `${last[1]} ${text.trim()}`;
      continue;
    }
    const match = TAG_LINE.exec(text);
    if (!match) {
      if (text.trim() !== '' && current === null && records.length === 0 && problems.length === 0) {
        problems.push(
          problemAt(
            file,
            index + 1,
            null,
            null,
            'expected a MEDLINE tag line such as "PMID- 12345"; text before the first record was ignored',
          ),
        );
      }
      continue;
    }
    const tag = match[1] ?? '';
    const value = (match[2] ?? '').trim();
    if (tag === 'PMID') {
      finish();
      current = { tags: [], line: index + 1 };
    }
    current?.tags.push([tag, value]);
  }
  finish();
  return { records, problems };
};

function toRecord(tags: [string, string][], location: { file: string; line: number; record: number }): RawRecord {
  const all = (name: string) =>
    tags
      .filter(([tag]) => tag === name)
      .map(([, value]) => value)
      .filter((value) => value !== '');
  const one = (name: string) => all(name)[0];
  const fields: Record<string, unknown> = {};
  const pmid = one('PMID');
  if (pmid) {
    fields.id = `pmid:${pmid}`;
    fields.pmid = pmid;
  }
  // PubMed's closing period and the brackets of an English translation are taken off ("[Titel]." → "Titel");
  // with no English title ("[Not Available].") the title in the original language (TT) stands in.
  // A book chapter has its own title (TI) and its book's (BTI): the book is where it was published.
  const title = pubmedTitle(one('TI') ?? one('BTI'));
  const bookTitle = one('TI') === undefined ? undefined : pubmedTitle(one('BTI')).title;
  const vernacularTitle = pubmedTitle(one('TT')).title;
  fields.title = title.title ?? vernacularTitle;
  if (title.translated) fields.titleTranslated = true;
  fields.vernacularTitle = vernacularTitle;
  fields.abstract = all('AB').join(' ');
  // A collective author ("CN  - COVID-19 Genomics UK Consortium") stands among the people, in its place.
  const nameTag = tags.some(([tag]) => tag === 'FAU') ? 'FAU' : 'AU';
  fields.authors = tags
    .filter(([tag, value]) => (tag === nameTag || tag === 'CN') && value !== '')
    .map(([tag, value]) => (tag === 'CN' ? value : tag === 'AU' ? medlineShortName(value) : medlineFullName(value)));
  // A book's editors (FED, else ED); an edited book without authors is by its editors, as citation styles name it.
  const editors = all('FED').length > 0 ? all('FED').map(medlineFullName) : all('ED').map(medlineShortName);
  if (editors.length > 0) fields.editors = editors;
  if ((fields.authors as string[]).length === 0) fields.authors = editors;
  fields.year = one('DP');
  fields.venue = one('JT') ?? one('TA') ?? bookTitle;
  // MeSH headings mark major topics with "*" and add qualifiers after "/": "Neoplasms/*drug therapy". The
  // descriptor is the tag, as PubMed XML's DescriptorName is; the whole headings are kept as metadata.
  const headings = all('MH').map((term) => term.replaceAll('*', ''));
  fields.tags = [...headings.map((heading) => heading.split('/')[0]!.trim()), ...all('OT')];
  if (headings.length > 0) fields.meshHeadings = headings;
  fields.affiliations = all('AD');
  for (const id of [...all('LID'), ...all('AID')]) {
    const doi = DOI_ID.exec(id);
    if (doi?.[1] && fields.doi === undefined) fields.doi = doi[1];
  }
  const used = new Set(FILLED);
  for (const [tag] of tags) {
    if (used.has(tag)) continue;
    used.add(tag);
    const values = all(tag);
    if (values.length > 0) fields[METADATA[tag] ?? tag] = values.length === 1 ? values[0] : values;
  }
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  return { fields, location };
}
