// arXiv API Atom feeds: each <entry> becomes a record with id "arxiv:<number>", authors, year,
// categories as tags, DOI and links; the line of each <entry> is kept.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineOf, lineStarts, problemAt } from './locate.ts';
import type { InputProblem, RawRecord, Reader } from './reader.ts';
import { collapseSpace } from './values.ts';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  isArray: (name) => name === 'entry' || name === 'author' || name === 'category' || name === 'link',
});

const ABS_ID = /arxiv\.org\/abs\/(.+?)(v\d+)?$/;
const ENTRY_TAG = /<(?:[\w-]+:)?entry[\s>/]/g;

/** Reads an arXiv API response (an Atom <feed>); one <entry> is one paper. */
export const readArxivAtom: Reader = (text, file) => {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const message = `is not well-formed XML: ${valid.err.msg} (column ${valid.err.col})`;
    return { records: [], problems: [problemAt(file, valid.err.line, null, null, message)] };
  }
  let document: Node;
  try {
    document = parser.parse(text) as Node;
  } catch (error) {
    // The validator passes some DOCTYPE declarations the parser then refuses (bad entity names, too many entities).
    const message = `could not be read as XML: ${error instanceof Error ? error.message : String(error)}`;
    return { records: [], problems: [problemAt(file, 1, null, null, message)] };
  }
  if (!('feed' in document)) {
    const root = Object.keys(document).find((name) => !name.startsWith('?')) ?? 'nothing';
    const message = `expected an Atom <feed> (an arXiv API response), found <${root}>`;
    return { records: [], problems: [problemAt(file, 1, null, null, message)] };
  }

  const starts = lineStarts(text);
  const entryLines = [...text.matchAll(ENTRY_TAG)].map((match) => lineOf(starts, match.index));
  // An empty <feed></feed> parses as a string, not an object.
  const feed = document.feed;
  const entries = feed !== null && typeof feed === 'object' ? (((feed as Node).entry as Node[] | undefined) ?? []) : [];
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  for (const [index, entry] of entries.entries()) {
    const location = {
      file,
      line: entryLines.length === entries.length ? (entryLines[index] ?? null) : null,
      record: index + 1,
    };
    const idText = textOf(entry.id);
    if (idText.includes('arxiv.org/api/errors')) {
      problems.push({ ...location, field: null, message: `the arXiv API returned an error: ${textOf(entry.summary)}` });
      continue;
    }
    records.push({ fields: entryFields(entry, idText), location });
  }
  return { records, problems };
};

function entryFields(entry: Node, idText: string): Record<string, unknown> {
  const abs = ABS_ID.exec(idText);
  const arxivId = abs?.[1] ?? null;
  const authors = (entry.author as Node[] | undefined) ?? [];
  const categories = ((entry.category as Node[] | undefined) ?? []).map((category) => textOf(category['@_term']));
  const primary = textOf((entry.primary_category as Node | undefined)?.['@_term']);
  const links = (entry.link as Node[] | undefined) ?? [];
  const pdf = links.find((link) => link['@_title'] === 'pdf' || link['@_type'] === 'application/pdf');
  const page = links.find((link) => link['@_rel'] === 'alternate');
  const fields: Record<string, unknown> = {
    id: arxivId ? `arxiv:${arxivId}` : idText,
    title: collapseSpace(textOf(entry.title)),
    abstract: collapseSpace(textOf(entry.summary)),
    authors: authors.map((author) => collapseSpace(textOf(author.name))),
    affiliations: [...new Set(authors.flatMap((author) => listOf(author.affiliation).map(textOf)))],
    year: textOf(entry.published),
    tags: [...new Set([primary, ...categories].filter((tag) => tag !== ''))],
    url: textOf(page?.['@_href']) || idText,
    doi: textOf(entry.doi),
    arxivId,
    venue: collapseSpace(textOf(entry.journal_ref)),
  };
  if (abs?.[2]) fields.version = abs[2];
  if (entry.updated !== undefined) fields.updated = textOf(entry.updated);
  if (entry.comment !== undefined) fields.comment = collapseSpace(textOf(entry.comment));
  if (pdf) fields.pdfUrl = textOf(pdf['@_href']);
  return fields;
}

/** The text of a node: a plain value, or the "#text" of an element that has attributes. */
function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) return textOf((node as Node)['#text']);
  if (Array.isArray(node)) return textOf(node[0]);
  return '';
}

function listOf(node: unknown): unknown[] {
  if (node === undefined) return [];
  return Array.isArray(node) ? node : [node];
}
