// Resolves a citation to papers in the library: through the reference list entry it points at
// (DOI, arXiv id, paper id, fuzzy title, first author and year), or directly by its identifier.
import type { Paper } from '../../indexer/index.ts';
import { terms } from '../../indexer/text/analyze.ts';
import { type Library, normalizeName } from './library.ts';
import type { CitationTarget } from './parse-citations.ts';
import type { ReferenceEntry } from './reference-list.ts';

/** How a citation was matched to a library paper. */
export type ResolvedBy = 'id' | 'doi' | 'arxiv' | 'title' | 'author-year';

export type Resolution = {
  /** Library papers it may mean, best first: one when resolved, several for an ambiguous author–year. */
  candidates: Paper[];
  resolvedBy: ResolvedBy | null;
  /** The reference list entry it points at, if any. */
  reference: ReferenceEntry | null;
  /** Why it resolved to nothing, in words. */
  note: string | null;
};

export const TITLE_MATCH = {
  /** Share of a library title's terms that must appear in the reference. */
  minContainment: 0.8,
  /** Titles shorter than this (in terms) must match the reference's title exactly. */
  minTerms: 3,
  candidates: 5,
} as const;

const resolved = (papers: Paper[], by: ResolvedBy, reference: ReferenceEntry | null): Resolution => ({
  candidates: papers,
  resolvedBy: by,
  reference,
  note: null,
});

const unresolved = (note: string, reference: ReferenceEntry | null = null): Resolution => ({
  candidates: [],
  resolvedBy: null,
  reference,
  note,
});

function titleMatch(entry: ReferenceEntry, library: Library): Paper | undefined {
  const entryTerms = new Set(terms(entry.text));
  const entryTitle = entry.title ? terms(entry.title).join(' ') : null;
  let best: { paper: Paper; containment: number } | undefined;
  for (const paper of library.search(entry.title ?? entry.text, TITLE_MATCH.candidates)) {
    const titleTerms = [...new Set(terms(paper.title))];
    if (titleTerms.length === 0) continue;
    const containment = titleTerms.filter((t) => entryTerms.has(t)).length / titleTerms.length;
    const exact = entryTitle !== null && entryTitle === terms(paper.title).join(' ');
    const accepted = exact || (titleTerms.length >= TITLE_MATCH.minTerms && containment >= TITLE_MATCH.minContainment);
    const yearBonus = entry.year && paper.year !== null && String(paper.year) === entry.year ? 0.01 : 0;
    if (accepted && (!best || containment + yearBonus > best.containment))
      best = { paper, containment: containment + yearBonus };
  }
  return best?.paper;
}

/** Resolves one reference list entry. */
export function resolveReference(entry: ReferenceEntry, library: Library): Resolution {
  if (entry.doi) {
    const paper = library.byDoi(entry.doi);
    if (paper) return resolved([paper], 'doi', entry);
  }
  if (entry.arxivId) {
    const paper = library.byArxivId(entry.arxivId);
    if (paper) return resolved([paper], 'arxiv', entry);
  }
  if (entry.key) {
    const paper = library.byId(entry.key);
    if (paper) return resolved([paper], 'id', entry);
  }
  const byTitle = titleMatch(entry, library);
  if (byTitle) return resolved([byTitle], 'title', entry);
  if (entry.surname && entry.year) {
    const papers = library.byAuthorYear(entry.surname, entry.year);
    if (papers.length > 0) return resolved(papers, 'author-year', entry);
  }
  return unresolved(
    `Reference ${entry.n} matches no paper in the library (by DOI, arXiv id, title or author and year).`,
    entry,
  );
}

/** Resolves one citation, using the reference list when the citation points into it. */
export function resolveCitation(
  target: CitationTarget,
  references: readonly ReferenceEntry[],
  library: Library,
): Resolution {
  switch (target.kind) {
    case 'numeric': {
      const entry = references.find((r) => r.n === target.n);
      if (!entry) {
        return unresolved(
          references.length === 0
            ? `[${target.n}] points into a reference list, but the text has none (add one, or pass references).`
            : `The reference list has no entry ${target.n}.`,
        );
      }
      return resolveReference(entry, library);
    }
    case 'author-year': {
      const surname = normalizeName(target.surname);
      const year = target.year.replace(/[a-z]$/u, '');
      const entry = references.find((r) => r.surname === surname && r.year === year);
      if (entry) {
        const resolution = resolveReference(entry, library);
        if (resolution.candidates.length > 0) return resolution;
      }
      const papers = library.byAuthorYear(surname, year);
      if (papers.length > 0) return resolved(papers, 'author-year', entry ?? null);
      return unresolved(`No paper in the library by ${target.surname} from ${year}.`, entry ?? null);
    }
    case 'arxiv': {
      const paper = library.byArxivId(target.arxivId);
      return paper
        ? resolved([paper], 'arxiv', null)
        : unresolved(`No paper in the library has arXiv id ${target.arxivId}.`);
    }
    case 'doi': {
      const paper = library.byDoi(target.doi);
      return paper ? resolved([paper], 'doi', null) : unresolved(`No paper in the library has DOI ${target.doi}.`);
    }
    case 'key': {
      const paper = library.byId(target.key);
      if (paper) return resolved([paper], 'id', null);
      const entry = references.find((r) => r.key === target.key);
      if (entry) return resolveReference(entry, library);
      return unresolved(`No paper in the library has id ${target.key}, and no reference is keyed [${target.key}].`);
    }
  }
}
