// Groups retrieved passages into numbered sources, one per paper, in retrieval order: the numbers
// the answer cites ([1], [2]…) and the LLM sees.
import type { Paper, Passage } from '../../indexer/index.ts';
import type { AnswerSource } from './answer.schema.ts';

/** A passage found for the question, with its paper and retrieval score (what search's retrievePassages returns). */
export type RetrievedPassage = { passage: Passage; paper: Paper; score: number };

/** One numbered source: a paper and its retrieved passages, best first. */
export type NumberedSource = { n: number; paper: Paper; passages: Array<Passage & { score: number }> };

/** Numbers papers by their best passage's rank; each keeps its passages in rank order. */
export function numberSources(retrieved: readonly RetrievedPassage[]): NumberedSource[] {
  const byPaper = new Map<string, NumberedSource>();
  for (const { passage, paper, score } of retrieved) {
    let source = byPaper.get(paper.id);
    if (!source) {
      source = { n: byPaper.size + 1, paper, passages: [] };
      byPaper.set(paper.id, source);
    }
    if (!source.passages.some((p) => p.id === passage.id)) source.passages.push({ ...passage, score });
  }
  return [...byPaper.values()];
}

/** The sources as the response lists them, marking the ones the answer cites. */
export function describeSources(sources: readonly NumberedSource[], cited: ReadonlySet<number>): AnswerSource[] {
  return sources.map((source) => ({
    n: source.n,
    paper: source.paper,
    passages: source.passages.map((p) => ({
      id: p.id,
      field: p.field,
      text: p.text,
      start: p.start,
      end: p.end,
      score: p.score,
    })),
    cited: cited.has(source.n),
  }));
}

/**
 * Renumbers sources 1…n in order of first citation (`citedOrder`, old numbers as they first
 * appear in the answer); uncited sources follow in their old order. Returns the sources and the
 * old → new number map.
 */
export function renumberSources(
  sources: readonly NumberedSource[],
  citedOrder: readonly number[],
): { sources: NumberedSource[]; renumber: Map<number, number> } {
  const renumber = new Map<number, number>();
  for (const n of citedOrder)
    if (!renumber.has(n) && sources.some((s) => s.n === n)) renumber.set(n, renumber.size + 1);
  for (const source of sources) if (!renumber.has(source.n)) renumber.set(source.n, renumber.size + 1);
  const renumbered = sources.map((source) => ({ ...source, n: renumber.get(source.n)! }));
  return { sources: renumbered.sort((a, b) => a.n - b.n), renumber };
}
