// Two records of one work (a BibTeX entry and a Scopus RIS record of its DOI): the works a paper names
// by its identifiers, and one record filled in with what only the other holds. A paper remembers which
// fields it took from another record (metadata.filledIn), so that a later run that reads only its own
// record again can keep them.
import { MAX_TAGS, type Paper } from '../paper.schema.ts';

/** The metadata key listing the fields a paper took from another record of its work. */
export const FILLED_IN = 'filledIn';

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
 * What another record of a paper's work holds that the paper lacks (of `only` the fields named, when
 * given): the paper filled in, and the fields added, which its metadata's `filledIn` then lists too.
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
  for (const field of VALUE_FIELDS) {
    if (kept[field] === null && other[field] !== null && wanted(field)) {
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
