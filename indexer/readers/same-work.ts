// Two records of one work (a BibTeX entry and a Scopus RIS record of its DOI): the works a paper names
// by its identifiers, and one record filled in with what only the other holds. A paper remembers which
// fields it took from another record (metadata.filledIn), so that a later run that reads only its own
// record again can keep them.
import { MAX_TAGS, type Paper } from '../paper.schema.ts';
import { preprintServerOf } from './preprint-venue.ts';

/** The metadata key listing the fields a paper took from another record of its work. */
export const FILLED_IN = 'filledIn';
/**
 * The metadata key that marks a venue taken from the publisher of a record of no stated kind (records.ts), which
 * names no journal or proceedings: true when it was.
 */
export const VENUE_FROM_PUBLISHER = 'venueFromPublisher';

/** The works a paper names by its identifiers, as the ids made from them read ("doi:10.1/abc", "arxiv:2601.01234"). */
export function worksOf(paper: Pick<Paper, 'doi' | 'arxivId'>): string[] {
  return [
    ...(paper.doi ? [`doi:${paper.doi.toLowerCase()}`] : []),
    ...(paper.arxivId ? [`arxiv:${paper.arxivId.toLowerCase()}`] : []),
  ];
}

const LIST_FIELDS = ['authors', 'affiliations'] as const;
const VALUE_FIELDS = ['year', 'venue', 'url', 'doi', 'arxivId'] as const;

/**
 * A paper's field as another record of its work can fill it in: empty, or, for a venue that names only a
 * preprint server ("arXiv", as arXiv's own BibTeX export and Google Scholar's "arXiv preprint" entry give it),
 * open to the venue where the other record says the work was published. Its arXiv id stays.
 */
function lacks(kept: Paper, other: Paper, field: (typeof VALUE_FIELDS)[number]): boolean {
  if (other[field] === null) return false;
  if (kept[field] === null) return true;
  return field === 'venue' && publishedOverPreprint(kept, other);
}

/**
 * Whether the other record says where a work kept under a preprint server's name ("arXiv") was published: it
 * names a venue of its own, and not only the publisher of a record of no stated kind (records.ts marks that venue),
 * which names no journal or proceedings. A journal named like its publisher ("BMJ", "PeerJ") is a venue of its own.
 */
function publishedOverPreprint(kept: Paper, other: Paper): boolean {
  if (kept.venue === null || other.venue === null) return false;
  if (preprintServerOf(kept.venue) === undefined || preprintServerOf(other.venue) !== undefined) return false;
  return other.metadata[VENUE_FROM_PUBLISHER] !== true;
}

/**
 * What another record of a paper's work holds that the paper lacks (of `only` the fields named, when
 * given): the paper filled in, and the fields added, which its metadata's `filledIn` then lists too. A venue
 * naming only a preprint server counts as lacking when the other record names a venue of its own (not only the
 * publisher of a record of no stated kind), so that a preprint's record read first does not keep its published
 * version's venue out; that record's year then replaces the preprint's too.
 */
export function filledFrom(kept: Paper, other: Paper, only?: ReadonlySet<string>): { paper: Paper; added: string[] } {
  const paper = { ...kept };
  const added: string[] = [];
  const wanted = (field: string) => only === undefined || only.has(field);
  if (!kept.abstract && other.abstract && wanted('abstract')) {
    paper.abstract = other.abstract;
    added.push('abstract');
  }
  for (const field of LIST_FIELDS) {
    if (kept[field].length === 0 && other[field].length > 0 && wanted(field)) {
      paper[field] = other[field];
      added.push(field);
    }
  }
  // The published record's venue comes with its year: arXiv's export of a paper revised in 2023 gives 2023, its
  // NeurIPS record 2017. A preprint's year never replaces a published record's (the venue does not move that way).
  const published = wanted('venue') && publishedOverPreprint(kept, other);
  for (const field of VALUE_FIELDS) {
    const yearPublished = field === 'year' && published && other.year !== null && other.year !== kept.year;
    if ((lacks(kept, other, field) || yearPublished) && wanted(field)) {
      (paper as Record<typeof field, unknown>)[field] = other[field];
      added.push(field);
    }
  }
  const tags = [...new Set([...kept.tags, ...other.tags])].slice(0, MAX_TAGS);
  if (tags.length > kept.tags.length && wanted('tags')) {
    paper.tags = tags;
    added.push('tags');
  }
  if (added.length > 0) paper.metadata = { ...kept.metadata, [FILLED_IN]: [...new Set([...filledIn(kept), ...added])] };
  return { paper, added };
}

/** The fields a paper took from another record of its work. */
export function filledIn(paper: Paper): string[] {
  const fields = paper.metadata[FILLED_IN];
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
}
