// arXiv API Atom feeds: each <entry> becomes a record with id "arxiv:<number>", authors, year,
// categories as tags, DOI and links; the line of each <entry> is kept.
import { arxivReference } from './arxiv-ids.ts';
import { problemAt } from './locate.ts';
import type { InputProblem, RawRecord, Reader } from './reader.ts';
import { collapseSpace } from './values.ts';
import { elementLocations, listOf, type XmlNode as Node, parseXml, rootOf, textOf } from './xml-document.ts';
import { rootNameOf } from './xml-spans.ts';

const LISTS = new Set(['entry', 'author', 'category', 'link']);

/** Reads an arXiv API response (an Atom <feed>); one <entry> is one paper. */
export const readArxivAtom: Reader = (text, file) => {
  const parsed = parseXml(text, file, LISTS);
  if ('problems' in parsed) return { records: [], problems: parsed.problems };
  const { document } = parsed;
  if (!('feed' in document)) {
    // A ".xml" file whose root is none of the XML exports Citelens reads comes here: say which those are.
    const found = rootNameOf(text) ?? rootOf(document);
    const message = `expected an Atom <feed> (an arXiv API response), a PubMed <PubmedArticleSet>, an EndNote <xml><records>, a MODS <modsCollection> or a Zotero RDF export (an <rdf:RDF> declaring Zotero's namespaces), found <${found}>`;
    return { records: [], problems: [problemAt(file, 1, null, null, message)] };
  }

  // An empty <feed></feed> parses as a string, not an object.
  const feed = document.feed;
  const entries = feed !== null && typeof feed === 'object' ? (((feed as Node).entry as Node[] | undefined) ?? []) : [];
  const locations = elementLocations(text, file, 'entry', entries.length);
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  for (const [index, entry] of entries.entries()) {
    const location = locations[index]!;
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
  // The entry's <id> is its abstract page's address, versioned: "http://arxiv.org/abs/hep-th/9901001v2".
  const abs = arxivReference(idText);
  const arxivId = abs?.id ?? null;
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
  if (abs?.version) fields.version = abs.version;
  if (entry.updated !== undefined) fields.updated = textOf(entry.updated);
  if (entry.comment !== undefined) fields.comment = collapseSpace(textOf(entry.comment));
  if (pdf) fields.pdfUrl = textOf(pdf['@_href']);
  return fields;
}
