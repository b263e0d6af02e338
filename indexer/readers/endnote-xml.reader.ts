// EndNote XML, as EndNote exports a library (File → Export → XML): <xml><records><record>…, each field's
// text in one or more <style> runs (a title with an italic word is three runs). A record's id is its DOI,
// else a key made from its content, as for RIS: EndNote's record numbers are local to one library.
import { problemAt } from './locate.ts';
import type { RawRecord, Reader } from './reader.ts';
import { contentKey, invertName, withoutBlanks } from './values.ts';
import { elementLocations, listOf, parseXml, rootOf, textOf, type XmlNode } from './xml-document.ts';

const LISTS = new Set(['record', 'author', 'keyword', 'url', 'style']);

/** Reads an EndNote XML export; one <record> is one paper. */
export const readEndnoteXml: Reader = (text, file) => {
  const parsed = parseXml(text, file, LISTS, { keepSpace: true });
  if ('problems' in parsed) return { records: [], problems: parsed.problems };
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
  const fields = withoutBlanks({
    title: styled(child(titles, 'title')),
    abstract: styled(record.abstract),
    authors,
    year: styled(child(record.dates, 'year')),
    venue: styled(child(titles, 'secondary-title')) || styled(child(record.periodical, 'full-title')),
    doi: styled(record['electronic-resource-num']),
    url:
      listOf(child(child(record.urls, 'related-urls'), 'url'))
        .map(styled)
        .find(Boolean) ?? '',
    tags: listOf(child(record.keywords, 'keyword')).map(styled).filter(Boolean),
    entryType: textOf(child(record['ref-type'], '@_name')),
    volume: styled(record.volume),
    issue: styled(record.number),
    pages: styled(record.pages),
    publisher: styled(record.publisher),
  });
  if (fields.doi === undefined) {
    const key = contentKey(fields);
    if (key !== null) fields.id = key;
  }
  return fields;
}
