// Records as scholarly APIs write them, in JSON or JSON Lines: OpenAlex works (an abstract kept as
// an inverted index, authors under authorships, the venue under primary_location), Semantic Scholar
// papers (DOI and arXiv id under externalIds; also its recommendations answer and the lines of its bulk
// dataset) and Crossref works (crossref-works.ts). Each is rewritten into the plain fields every other record has; the API's bulk
// (reference lists, counts by year) is left out.

import { crossrefAnswerWorks, fromCrossref, isCrossrefWork } from './crossref-works.ts';
import { withoutBlanks } from './values.ts';

type Fields = Record<string, unknown>;

const OPENALEX_ID = /^https?:\/\/openalex\.org\/(W\d+)$/i;

const isObject = (value: unknown): value is Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

function displayNames(list: unknown, minScore = 0): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) =>
    isObject(item) && text(item.display_name) && (typeof item.score !== 'number' || item.score >= minScore)
      ? [String(item.display_name)]
      : [],
  );
}

/** The abstract an OpenAlex inverted index stands for: each word placed at each of its positions. */
export function invertedIndexText(index: unknown): string | undefined {
  if (!isObject(index)) return undefined;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) {
    if (!Array.isArray(positions)) continue;
    for (const position of positions) {
      if (Number.isSafeInteger(position) && position >= 0 && position < 100_000) words[position] = word;
    }
  }
  const joined = words.filter((word) => word !== undefined).join(' ');
  return joined === '' ? undefined : joined;
}

function isOpenAlexWork(fields: Fields): boolean {
  return (
    'abstract_inverted_index' in fields ||
    Array.isArray(fields.authorships) ||
    (typeof fields.id === 'string' && OPENALEX_ID.test(fields.id))
  );
}

function fromOpenAlex(work: Fields): Fields {
  const openalexId = typeof work.id === 'string' ? OPENALEX_ID.exec(work.id)?.[1] : undefined;
  const source = isObject(work.primary_location) ? work.primary_location.source : undefined;
  const hostVenue = isObject(work.host_venue) ? work.host_venue.display_name : undefined;
  const keywords = displayNames(work.keywords);
  const authors = Array.isArray(work.authorships)
    ? work.authorships.flatMap((authorship) => {
        if (!isObject(authorship)) return [];
        const name =
          (isObject(authorship.author) ? text(authorship.author.display_name) : undefined) ??
          text(authorship.raw_author_name);
        return name ? [name] : [];
      })
    : [];
  // Where each author worked, as the paper wrote it, else as OpenAlex matched it to an institution.
  const affiliations = Array.isArray(work.authorships)
    ? work.authorships.flatMap((authorship) => {
        if (!isObject(authorship)) return [];
        const raw = Array.isArray(authorship.raw_affiliation_strings)
          ? authorship.raw_affiliation_strings.flatMap((line) => (text(line) ? [String(line)] : []))
          : [];
        return raw.length > 0 ? raw : displayNames(authorship.institutions);
      })
    : [];
  const fields: Fields = {
    ...(openalexId ? { id: `openalex:${openalexId}` } : {}),
    title: text(work.title) ?? text(work.display_name),
    abstract: text(work.abstract) ?? invertedIndexText(work.abstract_inverted_index),
    authors,
    affiliations: [...new Set(affiliations)],
    year: work.publication_year ?? work.publication_date,
    venue: (isObject(source) ? text(source.display_name) : undefined) ?? text(hostVenue),
    doi: text(work.doi),
    // Keywords when OpenAlex gives them, else its surer concepts (it lists many, weakly scored).
    tags: keywords.length > 0 ? keywords : displayNames(work.concepts, 0.5),
    metadata: {
      source: 'OpenAlex',
      ...(typeof work.type === 'string' ? { type: work.type } : {}),
      ...(typeof work.cited_by_count === 'number' ? { citedByCount: work.cited_by_count } : {}),
      ...(typeof work.language === 'string' ? { language: work.language } : {}),
    },
  };
  return withoutBlanks(fields);
}

/** Semantic Scholar's paper ids are 40 hexadecimal digits. */
const S2_PAPER_ID = /^[0-9a-f]{40}$/;
/**
 * The fields the graph API answers with, as many as a request asks for ("fields=title,abstract"), each with the
 * shape it has there (null where the API knows no value); "matchScore" is the title-match endpoint's.
 */
const S2_FIELDS: Record<string, (value: unknown) => boolean> = {
  paperId: (value) => typeof value === 'string',
  corpusId: (value) => typeof value === 'number',
  externalIds: isObject,
  url: (value) => typeof value === 'string',
  title: (value) => typeof value === 'string',
  abstract: (value) => typeof value === 'string',
  venue: (value) => typeof value === 'string',
  publicationVenue: isObject,
  year: (value) => typeof value === 'number',
  referenceCount: (value) => typeof value === 'number',
  citationCount: (value) => typeof value === 'number',
  influentialCitationCount: (value) => typeof value === 'number',
  isOpenAccess: (value) => typeof value === 'boolean',
  openAccessPdf: isObject,
  fieldsOfStudy: (value) => Array.isArray(value) && value.every((field) => typeof field === 'string'),
  s2FieldsOfStudy: (value) => Array.isArray(value) && value.every(isObject),
  publicationTypes: (value) => Array.isArray(value) && value.every((type) => typeof type === 'string'),
  publicationDate: (value) => typeof value === 'string',
  journal: isObject,
  citationStyles: isObject,
  // Authors are objects naming their Semantic Scholar id and name, never plain names.
  authors: (value) => Array.isArray(value) && value.every((a) => isObject(a) && ('authorId' in a || 'name' in a)),
  citations: (value) => Array.isArray(value) && value.every(isObject),
  references: (value) => Array.isArray(value) && value.every(isObject),
  embedding: isObject,
  textAvailability: (value) => typeof value === 'string',
  matchScore: (value) => typeof value === 'number',
  tldr: isObject,
};

/**
 * A graph API paper: one with its external ids, corpus id or summary, or one asked only for a few fields (a
 * search answer's titles and abstracts), known by its paper id and holding nothing the API does not write, each
 * field in the API's shape: a user's own record with a SHA-1 as its id and a plain `journal` or author names is
 * not one.
 */
export function isSemanticScholarPaper(fields: Fields): boolean {
  if (typeof fields.paperId !== 'string') return false;
  if ('externalIds' in fields || 'corpusId' in fields || 'tldr' in fields) return true;
  return (
    S2_PAPER_ID.test(fields.paperId) &&
    Object.entries(fields).every(
      ([key, value]) => Object.hasOwn(S2_FIELDS, key) && (value === null || S2_FIELDS[key]?.(value)),
    )
  );
}

/**
 * The papers of a Semantic Scholar recommendations answer, {"recommendedPapers": […]} with each a graph API paper,
 * else null: a user's own object under that key, holding other records, is not one.
 */
export function recommendedPapers(value: unknown): unknown[] | null {
  if (!isObject(value) || !Array.isArray(value.recommendedPapers) || Object.keys(value).length !== 1) return null;
  const papers: unknown[] = value.recommendedPapers;
  return papers.every((paper) => isObject(paper) && isSemanticScholarPaper(paper)) ? papers : null;
}

/**
 * A paper of Semantic Scholar's bulk "papers" dataset, written in lowercase ("corpusid", "externalids",
 * "s2fieldsofstudy") and naming its paper id only in its "url".
 */
function isSemanticScholarDatasetPaper(fields: Fields): boolean {
  return fields.corpusid !== undefined && isObject(fields.externalids) && fields.paperId === undefined;
}

/** A bulk dataset paper with the graph API's field names, so both read alike and get one id. */
function asGraphApiPaper(paper: Fields): Fields {
  const url = typeof paper.url === 'string' ? paper.url : '';
  const fromUrl = /semanticscholar\.org\/paper\/(?:[^/?#]*\/)?([0-9a-f]{40})\b/.exec(url)?.[1];
  return {
    ...paper,
    // The graph API takes "CorpusId:<n>" wherever it takes a paper id.
    paperId: fromUrl ?? `CorpusId:${paper.corpusid}`,
    externalIds: paper.externalids,
    s2FieldsOfStudy: paper.s2fieldsofstudy,
    publicationDate: paper.publicationdate,
    citationCount: paper.citationcount,
  };
}

/**
 * The paper a Semantic Scholar citations or references answer wraps ({"citingPaper": {…}} or
 * {"citedPaper": {…}}, beside the citation's contexts and intents).
 */
function citationPaper(fields: Fields): Fields | undefined {
  const paper = fields.citingPaper ?? fields.citedPaper;
  const others = Object.keys(fields).filter((key) => !CITATION_KEYS.has(key));
  return isObject(paper) && others.length === 0 ? paper : undefined;
}
const CITATION_KEYS = new Set([
  'citingPaper',
  'citedPaper',
  'contexts',
  'intents',
  'isInfluential',
  'contextsWithIntent',
]);

function fromSemanticScholar(paper: Fields): Fields {
  const ids = isObject(paper.externalIds) ? paper.externalIds : {};
  const venue =
    text(paper.venue) ??
    (isObject(paper.publicationVenue) ? text(paper.publicationVenue.name) : undefined) ??
    // The API's journal is an object; a record that writes it as text means the same.
    (isObject(paper.journal) ? text(paper.journal.name) : text(paper.journal));
  const fieldsOfStudy = [
    ...(Array.isArray(paper.fieldsOfStudy) ? paper.fieldsOfStudy.filter((f) => typeof f === 'string') : []),
    ...(Array.isArray(paper.s2FieldsOfStudy)
      ? paper.s2FieldsOfStudy.flatMap((f) => (isObject(f) && text(f.category) ? [String(f.category)] : []))
      : []),
  ];
  const fields: Fields = {
    id: `s2:${paper.paperId}`,
    title: paper.title,
    // A paper without its abstract keeps Semantic Scholar's one-sentence summary (TLDR) instead.
    abstract: text(paper.abstract) ?? (isObject(paper.tldr) ? text(paper.tldr.text) : undefined),
    authors: paper.authors,
    year: paper.year ?? paper.publicationDate,
    venue,
    doi: text(ids.DOI),
    arxivId: text(ids.ArXiv),
    url: paper.url,
    tags: [...new Set(fieldsOfStudy)],
    metadata: {
      source: 'Semantic Scholar',
      ...(typeof paper.citationCount === 'number' ? { citationCount: paper.citationCount } : {}),
      ...(typeof ids.PubMed === 'string' ? { pmid: ids.PubMed } : {}),
    },
  };
  return withoutBlanks(fields);
}

/**
 * A record's fields in the plain shape when they are an OpenAlex work, a Semantic Scholar paper (from the graph
 * API, wrapped in a citations or references answer, or from the bulk "papers" dataset) or a Crossref work (also a
 * Crossref single-work answer, as a JSON Lines record); else as they are.
 */
export function fromScholarlyApi(fields: Fields): Fields {
  const answer = crossrefAnswerWorks(fields);
  if (answer?.single && isObject(answer.works[0])) return fromCrossref(answer.works[0]);
  if (isCrossrefWork(fields)) return fromCrossref(fields);
  if (isOpenAlexWork(fields)) return fromOpenAlex(fields);
  const cited = citationPaper(fields);
  if (cited !== undefined) return fromScholarlyApi(cited);
  if (isSemanticScholarDatasetPaper(fields)) return fromSemanticScholar(asGraphApiPaper(fields));
  if (isSemanticScholarPaper(fields)) return fromSemanticScholar(fields);
  return fields;
}
