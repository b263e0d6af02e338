// Which papers a query's operators let through: those holding every quoted phrase and none of the
// excluded words or phrases. Candidates come from the keyword postings; only phrases need a paper's text.
import type { IndexReader } from '../../indexer/index.ts';
import type { AllowedDocs } from './filters.ts';
import { type AnalyzedPhrase, paperHoldsPhrase } from './phrase-match.ts';
import type { AnalyzedQuery } from './query.ts';
import type { RankedDoc } from './ranking.ts';

export const OPERATOR_LIMITS = {
  /**
   * Papers whose title and abstract one search reads to check phrases. When the papers holding a
   * phrase's words are at most this many, all are checked before ranking (the total is exact);
   * otherwise (a common phrase in a large library) they are checked in rank order until a page and
   * the search's candidates are filled or this many were read, and the total is a lower bound.
   */
  maxTextChecks: 2_000,
  /** Ranking depth grows by this factor while too few ranked papers pass (at most `deepenings` times). */
  deepenBy: 4,
  deepenings: 3,
} satisfies Record<string, number>;

/** The papers passing a query's operators, as ranking consumes them. */
export type OperatorFilter = {
  /** Papers the rankers may return (filters, phrase words and excluded words applied); undefined: any. */
  allowed: AllowedDocs | undefined;
  /**
   * The ranked papers that pass the checks left for after ranking, in rank order, until `wanted` pass;
   * null when nothing is left to check. `exhausted` says the text budget ran out first.
   */
  keep: ((ranked: readonly RankedDoc[], wanted: number) => { kept: RankedDoc[]; exhausted: boolean }) | null;
};

/** Sorted intersection of ascending doc lists. */
function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

/** Papers holding every one of the terms (ascending), from their posting lists, rarest first. */
function holdingAll(reader: IndexReader, terms: readonly string[]): number[] {
  const lists = [...new Set(terms)].map((term) => reader.postings.docsOf(term)).sort((a, b) => a.length - b.length);
  let docs: ArrayLike<number> = lists[0] ?? [];
  for (const list of lists.slice(1)) docs = intersect(docs, list);
  return Array.from(docs);
}

// A phrase of one word (no stop word) is settled by its posting list; longer ones need the text.
const needsText = (phrase: AnalyzedPhrase) => phrase.keys.length > 1;

/**
 * The filter for a query's operators within the papers `filtered` allows (undefined: every paper).
 * Without operators it lets everything through unchanged.
 */
export function operatorFilter(
  reader: IndexReader,
  query: AnalyzedQuery,
  filtered?: AllowedDocs,
  limits: { maxTextChecks: number } = OPERATOR_LIMITS,
): OperatorFilter {
  if (query.phrases.length === 0 && query.excluded.length === 0) return { allowed: filtered, keep: null };
  const excludedDocs = new Set<number>();
  for (const phrase of query.excluded.filter((p) => !needsText(p))) {
    for (const doc of reader.postings.docsOf(phrase.terms[0]!)) excludedDocs.add(doc);
  }
  // Papers holding an excluded phrase's words are suspects: their text says whether the words are adjacent.
  const suspects = query.excluded
    .filter(needsText)
    .map((phrase) => ({ phrase, docs: new Set(holdingAll(reader, phrase.terms)) }));
  const textPhrases = query.phrases.filter(needsText);
  const verdicts = new Map<number, boolean>();
  let checks = 0;
  const mustRead = (doc: number) => textPhrases.length > 0 || suspects.some((s) => s.docs.has(doc));
  const judge = (docs: readonly number[]) => {
    const unread = docs.filter((doc) => !verdicts.has(doc) && mustRead(doc));
    checks += unread.length;
    for (const paper of reader.papers.textsOf(unread)) {
      const holdsAll = textPhrases.every((phrase) => paperHoldsPhrase(paper, phrase));
      const holdsExcluded = suspects.some((s) => s.docs.has(paper.doc) && paperHoldsPhrase(paper, s.phrase));
      verdicts.set(paper.doc, holdsAll && !holdsExcluded);
    }
  };
  const passes = (doc: number) => !excludedDocs.has(doc) && (verdicts.get(doc) ?? !mustRead(doc));

  let candidates: number[] | undefined;
  if (query.phrases.length > 0) {
    candidates = holdingAll(
      reader,
      query.phrases.flatMap((phrase) => phrase.terms),
    );
    if (filtered) candidates = candidates.filter((doc) => filtered.set.has(doc));
  } else if (filtered) candidates = [...filtered.docs];
  if (candidates) {
    candidates = candidates.filter((doc) => !excludedDocs.has(doc));
    const toRead = candidates.filter(mustRead);
    if (toRead.length <= limits.maxTextChecks) {
      judge(toRead);
      const docs = candidates.filter(passes);
      return { allowed: { docs, set: new Set(docs) }, keep: null };
    }
  } else {
    const toRead = new Set(suspects.flatMap((s) => [...s.docs]));
    if (toRead.size <= limits.maxTextChecks) {
      judge([...toRead]);
      for (const doc of toRead) if (!passes(doc)) excludedDocs.add(doc);
      return {
        allowed: undefined,
        keep: (ranked, wanted) => ({ kept: keepPassing(ranked, wanted, passes), exhausted: false }),
      };
    }
  }
  // Too many papers to read them all: check in rank order, in steps of the papers still wanted.
  return {
    allowed: candidates ? { docs: candidates, set: new Set(candidates) } : undefined,
    keep(ranked, wanted) {
      const kept: RankedDoc[] = [];
      let at = 0;
      while (at < ranked.length && kept.length < wanted) {
        const room = limits.maxTextChecks - checks;
        if (room <= 0) return { kept, exhausted: true };
        const step = ranked.slice(at, at + Math.min(room, Math.max(16, wanted - kept.length)));
        judge(step.map((r) => r.doc));
        for (const r of step) if (passes(r.doc) && kept.length < wanted) kept.push(r);
        at += step.length;
      }
      return { kept, exhausted: false };
    },
  };
}

function keepPassing(ranked: readonly RankedDoc[], wanted: number, passes: (doc: number) => boolean): RankedDoc[] {
  const kept: RankedDoc[] = [];
  for (const r of ranked) {
    if (kept.length >= wanted) break;
    if (passes(r.doc)) kept.push(r);
  }
  return kept;
}
