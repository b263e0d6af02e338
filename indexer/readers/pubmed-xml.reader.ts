// PubMed XML, as the E-utilities (efetch) and PubMed's XML export write it: a <PubmedArticleSet> of
// <PubmedArticle>s. Each becomes "pmid:<PMID>" (as the MEDLINE reader names it) with its title, its
// abstract (labelled sections as "LABEL: text"), authors and their affiliations, journal, year, DOI, MeSH
// headings and keywords.
import { problemAt } from './locate.ts';
import { pubmedTitle } from './pubmed-title.ts';
import type { RawRecord, Reader } from './reader.ts';
import { withoutBlanks } from './values.ts';
import { elementLocations, listOf, parseXml, rootOf, textOf, type XmlNode } from './xml-document.ts';
import { salvageElements } from './xml-salvage.ts';

const LISTS = new Set([
  'PubmedArticle',
  'AbstractText',
  'Author',
  'AffiliationInfo',
  'MeshHeading',
  'Keyword',
  'ArticleId',
  'ELocationID',
]);
// Titles and abstracts hold markup (<i>, <sup>); it is kept as written and cleaned with the rest of the text.
const RAW = ['*.ArticleTitle', '*.AbstractText'];
const YEAR = /\b(\d{4})\b/;

/** Reads a PubMed XML document; one <PubmedArticle> is one paper (book records are not read). */
export const readPubmedXml: Reader = (text, file) => {
  const parsed = parseXml(text, file, LISTS, { raw: RAW });
  if ('problems' in parsed) {
    // Cut short or damaged: the complete articles are read one by one.
    const salvaged = salvageElements(text, file, 'PubmedArticle', ['PubmedArticleSet'], LISTS, parsed.problems, {
      raw: RAW,
    });
    const records = salvaged.elements.map(({ node, location }) => ({ fields: articleFields(node), location }));
    return { records, problems: salvaged.problems };
  }
  const set = parsed.document.PubmedArticleSet;
  if (set === undefined) {
    const message = `expected a PubMed <PubmedArticleSet>, found <${rootOf(parsed.document)}>`;
    return { records: [], problems: [problemAt(file, 1, null, null, message)] };
  }
  const articles = set !== null && typeof set === 'object' ? listOf((set as XmlNode).PubmedArticle) : [];
  const locations = elementLocations(text, file, 'PubmedArticle', articles.length);
  const records: RawRecord[] = articles.map((article, index) => ({
    fields: articleFields(article as XmlNode),
    location: locations[index]!,
  }));
  return { records, problems: [] };
};

function articleFields(node: XmlNode): Record<string, unknown> {
  const citation = (node.MedlineCitation ?? {}) as XmlNode;
  const article = (citation.Article ?? {}) as XmlNode;
  const journal = (article.Journal ?? {}) as XmlNode;
  const pubDate = (((journal.JournalIssue ?? {}) as XmlNode).PubDate ?? {}) as XmlNode;
  const pmid = textOf(citation.PMID).trim();
  const abstract = listOf(((article.Abstract ?? {}) as XmlNode).AbstractText)
    .map((part) => {
      const label = textOf((part as XmlNode)?.['@_Label']);
      const body = textOf(part).trim();
      return label ? `${label}: ${body}` : body;
    })
    .filter((part) => part !== '')
    .join(' ');
  const authorList = listOf(((article.AuthorList ?? {}) as XmlNode).Author);
  // Each author's own affiliations, as MEDLINE's AD lines give them: once each, in the order first named.
  const affiliations = authorList.flatMap((author) =>
    listOf((author as XmlNode)?.AffiliationInfo).map((info) => textOf((info as XmlNode)?.Affiliation).trim()),
  );
  const authors = authorList.flatMap((entry) => {
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
    affiliations: [...new Set(affiliations.filter((affiliation) => affiliation !== ''))],
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
