// Records as scholarly APIs write them, in JSON or JSON Lines: OpenAlex works (an abstract kept as
// an inverted index, authors under authorships, the venue under primary_location), Semantic Scholar
// papers (DOI and arXiv id under externalIds) and Crossref works (crossref-works.ts). Each is rewritten into
// the plain fields every other record has; the API's bulk (reference lists, counts by year) is left out.

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
  const fields: Fields = {
    ...(openalexId ? { id: `openalex:${openalexId}` } : {}),
    title: text(work.title) ?? text(work.display_name),
    abstract: text(work.abstract) ?? invertedIndexText(work.abstract_inverted_index),
    authors,
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

function isSemanticScholarPaper(fields: Fields): boolean {
  return typeof fields.paperId === 'string' && ('externalIds' in fields || 'corpusId' in fields || 'tldr' in fields);
}

function fromSemanticScholar(paper: Fields): Fields {
  const ids = isObject(paper.externalIds) ? paper.externalIds : {};
  const venue =
    text(paper.venue) ??
    (isObject(paper.publicationVenue) ? text(paper.publicationVenue.name) : undefined) ??
    (isObject(paper.journal) ? text(paper.journal.name) : undefined);
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
 * A record's fields in the plain shape when they are an OpenAlex work, a Semantic Scholar paper or a Crossref
 * work (also a Crossref single-work answer, as a JSON Lines record); else as they are.
 */
export function fromScholarlyApi(fields: Fields): Fields {
  const answer = crossrefAnswerWorks(fields);
  if (answer?.single && isObject(answer.works[0])) return fromCrossref(answer.works[0]);
  if (isCrossrefWork(fields)) return fromCrossref(fields);
  if (isOpenAlexWork(fields)) return fromOpenAlex(fields);
  if (isSemanticScholarPaper(fields)) return fromSemanticScholar(fields);
  return fields;
}
