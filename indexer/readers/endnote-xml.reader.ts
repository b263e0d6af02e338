// EndNote XML, as EndNote exports a library (File → Export → XML): <xml><records><record>…, each field's
// text in one or more <style> runs (a title with an italic word is three runs). A record's id is its DOI
// (its Electronic Resource Number when that is one, else a doi.org link among its URLs),
// else a key made from its content, as for RIS: EndNote's record numbers are local to one library. Its URL is
// the first of its related URLs (EndNote's) and web URLs (Zotero's and JabRef's); its PDF, text and image URLs
// name files attached to it (internal-pdf://…, a path on the exporting computer), not where it is published.
import { problemAt } from './locate.ts';
import { keywordsAndHeadings } from './mesh-headings.ts';
import type { RawRecord, Reader } from './reader.ts';
import { contentKey, doiFromLink, invertName, withoutBlanks } from './values.ts';
import { salvageChildren } from './xml-children-salvage.ts';
import { elementLocations, listOf, parseXml, rootOf, textOf, type XmlNode } from './xml-document.ts';

const LISTS = new Set(['record', 'author', 'keyword', 'url', 'style']);
const RECORDS: ReadonlySet<string> = new Set(['record']);
/** EndNote's conference kinds: "Conference Proceedings" (Zotero's conferencePaper) and "Conference Paper". */
const CONFERENCE_TYPES = /^\s*conference\s+(?:proceedings|paper)\s*$/i;
const DOI_IN_TEXT = /^\s*(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)?10\.\d{4,9}\/\S+\s*$/i;

/** Reads an EndNote XML export; one <record> is one paper. */
export const readEndnoteXml: Reader = (text, file) => {
  const parsed = parseXml(text, file, LISTS, { keepSpace: true });
  if ('problems' in parsed) {
    // Cut short or damaged: the records that parse alone are read, the others reported at the line and column of
    // their damage.
    const salvaged = salvageChildren(text, file, parsed.problems, recordOf, {
      roots: ['xml'],
      within: ['records'],
      records: RECORDS,
      unit: 'record',
    });
    const records = salvaged.children.map(({ value, location }) => ({ fields: recordFields(value), location }));
    return { records, problems: salvaged.problems };
  }
  const root = parsed.document.xml;
  const recordsNode = root !== null && typeof root === 'object' ? (root as XmlNode).records : undefined;
  if (recordsNode === undefined) {
    const message = `expected an EndNote <xml><records> export, found <${rootOf(parsed.document)}>`;
    return { records: [], problems: [problemAt(file, 1, null, null, message)] };
  }
  const entries =
    recordsNode !== null && typeof recordsNode === 'object' ? listOf((recordsNode as XmlNode).record) : [];
  const locations = elementLocations(text, file, 'record', entries.length);
  const records: RawRecord[] = entries.map((entry, index) => ({
    fields: recordFields(entry as XmlNode),
    location: locations[index]!,
  }));
  return { records, problems: [] };
};

/** The <record> of an export holding it alone, or why there is none. */
function recordOf(wrapped: string): { value: XmlNode } | { reason: string } {
  const parsed = parseXml(wrapped, '', LISTS, { keepSpace: true });
  if ('problems' in parsed) return { reason: parsed.problems[0]?.message ?? 'could not be read' };
  const [record] = listOf(child(child(parsed.document.xml, 'records'), 'record'));
  return record !== null && typeof record === 'object' ? { value: record as XmlNode } : { reason: 'is empty' };
}

/** A field's text: its <style> runs joined, or its own text when it has none (older exports). */
function styled(node: unknown): string {
  if (node !== null && typeof node === 'object' && !Array.isArray(node) && 'style' in node) {
    return listOf((node as XmlNode).style)
      .map(textOf)
      .join('')
      .trim();
  }
  return textOf(node).trim();
}

/** The year a date written any way holds ("2020-07-05", "Jul 5, 2020"), or "". */
function yearIn(date: string): string {
  return /\b(1[5-9]\d\d|20\d\d)\b/.exec(date)?.[1] ?? '';
}

function child(node: unknown, name: string): unknown {
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as XmlNode)[name] : undefined;
}

function recordFields(record: XmlNode): Record<string, unknown> {
  const titles = record.titles;
  // "Silva, Ana" is written "Ana Silva", as the RIS reader writes it (and before the key is made from it).
  const authors = listOf(child(child(record.contributors, 'authors'), 'author'))
    .map(styled)
    .filter(Boolean)
    .map(invertName);
  const urlsOf = (kind: string) =>
    listOf(child(child(record.urls, kind), 'url'))
      .map(styled)
      .filter(Boolean);
  const relatedUrls = urlsOf('related-urls');
  const urls = [...new Set([...relatedUrls, ...urlsOf('web-urls')])];
  // EndNote's Electronic Resource Number holds the DOI, but an imported record may hold a PII or another id there.
  const resourceNumber = styled(record['electronic-resource-num']);
  const doiOf = (links: string[]) => links.map(doiFromLink).find((found) => found !== undefined);
  const doi = DOI_IN_TEXT.test(resourceNumber) ? resourceNumber : (doiOf(relatedUrls) ?? doiOf(urls) ?? '');
  // Web URLs were not read before: a DOI found in one alone does not change the id a record was indexed under.
  const doiFromWebUrl = doi !== '' && doi !== resourceNumber && doiOf(relatedUrls) === undefined;
  const keywords = keywordsAndHeadings(
    listOf(child(record.keywords, 'keyword'))
      .flatMap((keyword) => styled(keyword).split(/[\r\n]+/))
      .map((keyword) => keyword.trim())
      .filter(Boolean),
  );
  const entryType = textOf(child(record['ref-type'], '@_name'));
  const secondaryTitle = styled(child(titles, 'secondary-title'));
  const journal = styled(child(record.periodical, 'full-title'));
  const publisher = styled(record.publisher);
  // A thesis's secondary title is its department and its publisher its university: as a BibTeX thesis's, its venue
  // is the journal it appeared in, else its university, else its department (kept as metadata when not the venue).
  const thesis = /^\s*thesis\s*$/i.test(entryType);
  // Zotero's export writes a conference paper's conference as its secondary title and its proceedings as custom3, a
  // field EndNote leaves to each library (so custom3 is read only from Zotero's export). As Zotero's own fields are
  // read (zotero-fields.ts), the proceedings are the venue before the conference, which stays as conferenceName.
  const proceedings =
    CONFERENCE_TYPES.test(entryType) && textOf(child(record['source-app'], '@_name')).trim() === 'Zotero'
      ? styled(record.custom3)
      : '';
  const venue = thesis ? journal || publisher || secondaryTitle : proceedings || secondaryTitle || journal;
  const fields = withoutBlanks({
    // A record saved with only its short title ("BERT") is known by it, as a Zotero item is.
    title: styled(child(titles, 'title')) || styled(child(titles, 'short-title')),
    abstract: styled(record.abstract),
    authors,
    // The Year field, else a year in the Date field ("2020-07-05"), which EndNote writes as pub-dates.
    year: styled(child(record.dates, 'year')) || yearIn(styled(child(child(record.dates, 'pub-dates'), 'date'))),
    venue,
    department: thesis && venue !== secondaryTitle ? secondaryTitle : '',
    conferenceName: proceedings !== '' && venue !== secondaryTitle ? secondaryTitle : '',
    doi,
    url: urls[0] ?? '',
    urls: urls.length > 1 ? urls : [],
    electronicResourceNumber: doi === resourceNumber ? '' : resourceNumber,
    // A keyword field of several lines (one keyword each) is written as one <keyword> with line breaks;
    // keywords from PubMed are MeSH headings ("Escherichia coli/*physiology"), read as their descriptors.
    tags: keywords.tags,
    meshHeadings: keywords.meshHeadings,
    // Several addresses are one field, a line each.
    affiliations: styled(record['auth-address'])
      .split(/[\r\n]+/)
      .map((line) => line.trim())
      .filter(Boolean),
    entryType,
    volume: styled(record.volume),
    issue: styled(record.number),
    pages: styled(record.pages),
    publisher,
    isbn: styled(record.isbn),
    accessionNumber: styled(record['accession-num']),
    language: styled(record.language),
  });
  if (fields.doi === undefined || doiFromWebUrl) {
    const key = contentKey(fields);
    if (key !== null) fields.id = key;
  }
  return fields;
}
