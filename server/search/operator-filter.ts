// Which papers a query's operators let through: those holding every quoted phrase and none of the
// excluded words or phrases. Candidates come from the keyword postings; only phrases need a paper's text.
import type { IndexReader } from '../../indexer/index.ts';
import type { AllowedDocs } from './filters.ts';
import type { AnalyzedPhrase } from './phrase-match.ts';
import { phraseVerdicts, unreadCount } from './phrase-verdicts.ts';
import type { AnalyzedQuery } from './query.ts';
import type { RankedDoc } from './ranking.ts';

export const OPERATOR_LIMITS = {
  /**
   * When at most this many papers hold a phrase's words (and the filters), all their texts are checked
   * before ranking, so ranking, total and facets see exactly the papers holding the phrase. Reading and
   * analyzing a text costs about 50 µs (SciFact abstracts, this machine): 400 is about 20 ms, once per
   * phrase and index (verdicts are remembered, phrase-verdicts.ts).
   */
  eagerChecks: 400,
  /**
   * More than that (a common phrase in a large library): the ranked papers are checked in rank order until
   * the page and the search's candidates are filled, reading at most this many texts per search (about
   * 100 ms); when they run out first, the total is a lower bound.
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
  limits: { eagerChecks: number; maxTextChecks: number } = OPERATOR_LIMITS,
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
  const textChecked = [...textPhrases, ...suspects.map((s) => s.phrase)];
  const judge = (docs: readonly number[]) => {
    const unjudged = docs.filter((doc) => !verdicts.has(doc) && mustRead(doc));
    const { holds, read } = phraseVerdicts(reader, unjudged, textChecked);
    checks += read;
    for (const doc of unjudged) {
      const holdsAll = textPhrases.every((_, i) => holds(doc, i));
      const holdsExcluded = suspects.some((s, i) => s.docs.has(doc) && holds(doc, textPhrases.length + i));
      verdicts.set(doc, holdsAll && !holdsExcluded);
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
    // Texts already judged (an earlier page or mode of the search) cost nothing to check again.
    if (toRead.length <= limits.eagerChecks || unreadCount(reader, toRead, textChecked) <= limits.eagerChecks) {
      judge(toRead);
      const docs = candidates.filter(passes);
      return { allowed: { docs, set: new Set(docs) }, keep: null };
    }
  } else {
    const toRead = new Set(suspects.flatMap((s) => [...s.docs]));
    if (toRead.size <= limits.eagerChecks || unreadCount(reader, [...toRead], textChecked) <= limits.eagerChecks) {
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
