// The passages shown with each result: a paper's passages scored against the query by the words
// they share with it and by meaning, best first, with highlights of the matching words.
import type { IndexReader, Paper } from '../../indexer/index.ts';
import { tokenize } from '../../indexer/index.ts';
import type { PassageVectorRow } from '../../indexer/store/passages.repo.ts';
import { dot } from '../../indexer/vectors/vector-codec.ts';
import { phraseHighlightSpans } from './highlight.ts';
import type { AnalyzedQuery } from './query.ts';
import type { PassageHit } from './search.schema.ts';

/** A passage hit with its position among the paper's passages. */
export type ScoredPassage = PassageHit & { ordinal: number };

export const PASSAGE_DEFAULTS = {
  /** Passages shown per result. */
  perPaper: 3,
  /** BM25's k1: how fast repeats of a term in a passage stop adding to its word score. */
  saturation: 1.2,
} satisfies Record<string, number>;

/**
 * Share of the query's terms a passage holds, each saturating with repeats:
 * Σ qtf·tf/(tf + k1) / Σ qtf over the query's distinct terms, in [0, 1).
 */
function wordScore(termCounts: ReadonlyMap<string, number>, query: AnalyzedQuery): number {
  let matched = 0;
  let total = 0;
  for (const [term, queryCount] of query.counts) {
    total += queryCount;
    const tf = termCounts.get(term) ?? 0;
    matched += (queryCount * tf) / (tf + PASSAGE_DEFAULTS.saturation);
  }
  return total > 0 ? matched / total : 0;
}

function textOf(paper: Paper, row: PassageVectorRow): string {
  return (row.field === 'title' ? paper.title : paper.abstract).slice(row.start, row.end);
}

/**
 * The best passages of each paper: score = (1 − w)·word score + w·cosine(query, passage), where w
 * is the dense weight of the ranking (0 for keyword, 1 for semantic). Passages that score nothing
 * are left out, but every paper keeps at least its best one.
 */
export function bestPassages(
  reader: IndexReader,
  papers: ReadonlyArray<{ doc: number; paper: Paper }>,
  query: AnalyzedQuery,
  queryVector: Float32Array | null,
  denseWeight: number,
  perPaper: number = PASSAGE_DEFAULTS.perPaper,
): Map<number, ScoredPassage[]> {
  const paperOf = new Map(papers.map((p) => [p.doc, p.paper]));
  const scored = new Map<number, Array<ScoredPassage & { cosine: number }>>();
  for (const row of reader.passages.ofPapersWithVectors(papers.map((p) => p.doc))) {
    const paper = paperOf.get(row.doc);
    if (!paper) continue;
    const text = textOf(paper, row);
    const tokens = tokenize(text);
    const counts = new Map<string, number>();
    for (const token of tokens) if (token.term !== null) counts.set(token.term, (counts.get(token.term) ?? 0) + 1);
    const cosine = queryVector ? dot(queryVector, row.vector) : 0;
    const score = (1 - denseWeight) * wordScore(counts, query) + denseWeight * Math.max(0, cosine);
    const hit = {
      id: row.pid,
      field: row.field,
      text,
      start: row.start,
      end: row.end,
      score,
      highlights: phraseHighlightSpans(text, tokens, query.freeTerms, query.phrases),
      cosine,
      ordinal: row.ordinal,
    };
    const list = scored.get(row.doc) ?? [];
    list.push(hit);
    scored.set(row.doc, list);
  }
  const best = new Map<number, ScoredPassage[]>();
  for (const { doc } of papers) {
    const list = (scored.get(doc) ?? []).sort(
      (a, b) => b.score - a.score || b.cosine - a.cosine || a.ordinal - b.ordinal,
    );
    const kept = list.filter((hit, i) => i === 0 || hit.score > 0).slice(0, perPaper);
    best.set(
      doc,
      kept.map(({ cosine: _cosine, ...hit }) => hit),
    );
  }
  return best;
}
