// PubMed XML, as the E-utilities (efetch) and PubMed's XML export write it: a <PubmedArticleSet> of
// <PubmedArticle>s and, for Bookshelf records (GeneReviews, StatPearls), <PubmedBookArticle>s. Each becomes
// "pmid:<PMID>" (as the MEDLINE reader names it) with its title, its abstract (labelled sections as "LABEL:
// text"), authors and their affiliations, journal (a chapter's book), year, DOI, MeSH headings and keywords.
import { problemAt } from './locate.ts';
import { pubmedTitle } from './pubmed-title.ts';
import type { RawRecord, Reader } from './reader.ts';
import { withoutBlanks } from './values.ts';
import { salvageChildren } from './xml-children-salvage.ts';
import { elementLocations, listOf, parseXml, rootOf, textOf, type XmlNode } from './xml-document.ts';

const ARTICLE = 'PubmedArticle';
const BOOK = 'PubmedBookArticle';
const RECORDS: ReadonlySet<string> = new Set([ARTICLE, BOOK]);
const LISTS = new Set([
  ARTICLE,
  BOOK,
  'AbstractText',
  'Author',
  'AffiliationInfo',
  'MeshHeading',
  'Keyword',
  'ArticleId',
  'ELocationID',
]);
// Titles and abstracts hold markup (<i>, <sup>); it is kept as written and cleaned with the rest of the text.
const RAW = ['*.ArticleTitle', '*.AbstractText', '*.BookTitle'];
const YEAR = /\b(\d{4})\b/;

/** Reads a PubMed XML document; one <PubmedArticle> or <PubmedBookArticle> is one paper, in the file's order. */
export const readPubmedXml: Reader = (text, file) => {
  const parsed = parseXml(text, file, LISTS, { raw: RAW });
  if ('problems' in parsed) {
    // Cut short or damaged: the articles and books that parse alone are read, numbered by their place in the file, as
    // the problems with the others are, each at the line and column of its damage.
    const salvaged = salvageChildren(text, file, parsed.problems, recordOf, {
      roots: ['PubmedArticleSet'],
      records: RECORDS,
      unit: 'record',
    });
    const records = salvaged.children.map(({ value, name, location }) => ({
      fields: name === BOOK ? bookFields(value) : articleFields(value),
      location,
    }));
    return { records, problems: salvaged.problems };
  }
  const set = parsed.document.PubmedArticleSet;
  if (set === undefined) {
    const message = `expected a PubMed <PubmedArticleSet>, found <${rootOf(parsed.document)}>`;
    return { records: [], problems: [problemAt(file, 1, null, null, message)] };
  }
  const node = set !== null && typeof set === 'object' ? (set as XmlNode) : {};
  const read = (tag: string, fieldsOf: (node: XmlNode) => Record<string, unknown>): RawRecord[] => {
    const elements = listOf(node[tag]);
    const locations = elementLocations(text, file, tag, elements.length);
    return elements.map((element, index) => ({ fields: fieldsOf(element as XmlNode), location: locations[index]! }));
  };
  return { records: inFileOrder([...read(ARTICLE, articleFields), ...read(BOOK, bookFields)]), problems: [] };
};

/** The article or book of an article set holding it alone, or why there is none. */
function recordOf(wrapped: string): { value: XmlNode } | { reason: string } {
  const parsed = parseXml(wrapped, '', LISTS, { raw: RAW });
  if ('problems' in parsed) return { reason: parsed.problems[0]?.message ?? 'could not be read' };
  const set = parsed.document.PubmedArticleSet;
  const node = set !== null && typeof set === 'object' ? (set as XmlNode) : {};
  const [record] = [...listOf(node[ARTICLE]), ...listOf(node[BOOK])];
  return record !== null && typeof record === 'object' ? { value: record as XmlNode } : { reason: 'is empty' };
}

/** Articles and books of a whole document, read apart, numbered in the order the file holds them (by line, when known). */
function inFileOrder(records: RawRecord[]): RawRecord[] {
  const sorted = records.some((record) => record.location.line === null)
    ? records
    : [...records].sort((a, b) => a.location.line! - b.location.line! || a.location.record - b.location.record);
  return sorted.map((record, index) => ({ ...record, location: { ...record.location, record: index + 1 } }));
}

/** The labelled sections of an <Abstract> as one text. */
function abstractOf(abstract: unknown): string {
  return listOf(((abstract ?? {}) as XmlNode).AbstractText)
    .map((part) => {
      const label = textOf((part as XmlNode)?.['@_Label']);
      const body = textOf(part).trim();
      return label ? `${label}: ${body}` : body;
    })
    .filter((part) => part !== '')
    .join(' ');
}

/** The names of an <AuthorList>'s authors ("ForeName LastName Suffix", or a group's name) and their affiliations. */
function peopleOf(list: unknown): { names: string[]; affiliations: string[] } {
  const authorList = listOf(((list ?? {}) as XmlNode).Author);
  // Each author's own affiliations, as MEDLINE's AD lines give them: once each, in the order first named.
  const affiliations = authorList.flatMap((author) =>
    listOf((author as XmlNode)?.AffiliationInfo).map((info) => textOf((info as XmlNode)?.Affiliation).trim()),
  );
  const names = authorList.flatMap((entry) => {
    const author = entry as XmlNode;
    const collective = textOf(author.CollectiveName).trim();
    if (collective) return [collective];
    // A suffix ("<Suffix>Jr</Suffix>", "3rd") follows the family name, as MEDLINE's "King, Martin Luther Jr" reads.
    const name = [textOf(author.ForeName) || textOf(author.Initials), textOf(author.LastName), textOf(author.Suffix)]
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .join(' ');
    return name ? [name] : [];
  });
  return { names, affiliations: [...new Set(affiliations.filter((affiliation) => affiliation !== ''))] };
}

/**
 * A Bookshelf record: a chapter (its own <ArticleTitle>, its book as venue) or a whole book (the book's
 * title); an edited book without authors is by its editors, as in MEDLINE.
 */
function bookFields(node: XmlNode): Record<string, unknown> {
  const document = (node.BookDocument ?? {}) as XmlNode;
  const book = (document.Book ?? {}) as XmlNode;
  const pmid = textOf(document.PMID).trim();
  const bookTitle = pubmedTitle(textOf(book.BookTitle)).title;
  const chapter = pubmedTitle(textOf(document.ArticleTitle));
  const lists = [...listOf(document.AuthorList), ...listOf(book.AuthorList)] as XmlNode[];
  const ofType = (type: string) => peopleOf(lists.find((list) => textOf(list?.['@_Type']) === type));
  const authors = peopleOf(lists.find((list) => textOf(list?.['@_Type']) !== 'editors'));
  const editors = ofType('editors').names;
  const ids = [
    ...listOf(((document.ArticleIdList ?? {}) as XmlNode).ArticleId),
    ...listOf(((((node.PubmedBookData ?? {}) as XmlNode).ArticleIdList ?? {}) as XmlNode).ArticleId),
  ];
  const idOf = (type: string) => textOf(ids.find((id) => textOf((id as XmlNode)?.['@_IdType']) === type)).trim();
  const pubDate = (book.PubDate ?? {}) as XmlNode;
  const keywords = listOf(((document.KeywordList ?? {}) as XmlNode).Keyword).map((keyword) => textOf(keyword).trim());
  return withoutBlanks({
    id: pmid ? `pmid:${pmid}` : undefined,
    title: chapter.title ?? bookTitle,
    abstract: abstractOf(document.Abstract),
    authors: authors.names.length > 0 ? authors.names : editors,
    affiliations: authors.affiliations,
    year: textOf(pubDate.Year) || YEAR.exec(textOf(pubDate.MedlineDate))?.[1] || '',
    venue: chapter.title === undefined ? '' : (bookTitle ?? ''),
    doi: idOf('doi'),
    tags: [...new Set(keywords.filter((tag) => tag !== ''))],
    pmid,
    editors: editors.length > 0 ? editors : undefined,
    bookshelfId: idOf('bookaccession'),
    publisher: textOf(((book.Publisher ?? {}) as XmlNode).PublisherName).trim(),
  });
}

function articleFields(node: XmlNode): Record<string, unknown> {
  const citation = (node.MedlineCitation ?? {}) as XmlNode;
  const article = (citation.Article ?? {}) as XmlNode;
  const journal = (article.Journal ?? {}) as XmlNode;
  const pubDate = (((journal.JournalIssue ?? {}) as XmlNode).PubDate ?? {}) as XmlNode;
  const pmid = textOf(citation.PMID).trim();
  const abstract = abstractOf(article.Abstract);
  const { names: authors, affiliations } = peopleOf(article.AuthorList);
  const pubmedData = (node.PubmedData ?? {}) as XmlNode;
  const ids = listOf(((pubmedData.ArticleIdList ?? {}) as XmlNode).ArticleId);
  const idOf = (type: string) =>
    textOf(ids.find((id) => textOf((id as XmlNode)?.['@_IdType']) === type)).trim() ||
    textOf(listOf(article.ELocationID).find((id) => textOf((id as XmlNode)?.['@_EIdType']) === type)).trim();
  const mesh = listOf(((citation.MeshHeadingList ?? {}) as XmlNode).MeshHeading).map((heading) =>
    textOf((heading as XmlNode).DescriptorName).trim(),
  );
  const keywords = listOf(((citation.KeywordList ?? {}) as XmlNode).Keyword).map((keyword) => textOf(keyword).trim());
  const year = textOf(pubDate.Year) || YEAR.exec(textOf(pubDate.MedlineDate))?.[1] || '';
  // As in MEDLINE: no closing period, no brackets round an English translation, the original title kept apart.
  const title = pubmedTitle(textOf(article.ArticleTitle));
  const vernacularTitle = pubmedTitle(textOf(article.VernacularTitle)).title;
  const fields = {
    id: pmid ? `pmid:${pmid}` : undefined,
    title: title.title ?? vernacularTitle,
    abstract,
    authors,
    affiliations,
    year,
    venue: textOf(journal.Title) || textOf(journal.ISOAbbreviation),
    doi: idOf('doi'),
    tags: [...new Set([...mesh, ...keywords].filter((tag) => tag !== ''))],
    pmid,
  };
  return withoutBlanks({
    ...fields,
    pmcid: idOf('pmc'),
    vernacularTitle,
    ...(title.translated ? { titleTranslated: true } : {}),
  });
}
