// A search query as the analyzer sees it: its terms with repeats (BM25 weighs a repeated term
// more), the set of distinct terms (for highlighting and passage scoring), and its operators analyzed.
import { terms } from '../../indexer/index.ts';
import { type AnalyzedPhrase, analyzePhrase } from './phrase-match.ts';
import { parseQuerySyntax } from './query-syntax.ts';

export type AnalyzedQuery = {
  /** The query without operator syntax: what is ranked and embedded (the query as typed when it has no operator). */
  text: string;
  /** Analyzer terms in query order, repeats kept. */
  terms: string[];
  /** How often each distinct term occurs in the query. */
  counts: ReadonlyMap<string, number>;
  /** Terms highlighted wherever they occur: all of them, but a phrase's words only where they form it. */
  freeTerms: ReadonlySet<string>;
  /** Quoted phrases a paper must hold (those with no indexed word are left out: they match as plain words). */
  phrases: AnalyzedPhrase[];
  /** Excluded words and phrases (-word, -"a phrase"), each analyzed as a phrase; ones with no indexed word are dropped. */
  excluded: AnalyzedPhrase[];
};

function counted(queryTerms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of queryTerms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * Analyzes query text with the one analyzer the index uses. With `operators` (the default), quoted
 * phrases and exclusions are read (query-syntax.ts); without, the text is plain words, as test
 * collections' queries and questions to answer are.
 */
export function analyzeQuery(text: string, options: { operators?: boolean } = {}): AnalyzedQuery {
  const syntax = options.operators === false ? null : parseQuerySyntax(text);
  if (!syntax?.hasOperators) {
    const queryTerms = terms(text);
    const counts = counted(queryTerms);
    return { text, terms: queryTerms, counts, freeTerms: new Set(counts.keys()), phrases: [], excluded: [] };
  }
  const queryTerms = terms(syntax.text);
  const phrases = syntax.phrases.flatMap((phrase) => analyzePhrase(phrase) ?? []);
  return {
    text: syntax.text,
    terms: queryTerms,
    counts: counted(queryTerms),
    freeTerms: new Set(terms(syntax.plain)),
    phrases,
    excluded: syntax.excluded.flatMap((phrase) => analyzePhrase(phrase) ?? []),
  };
}
