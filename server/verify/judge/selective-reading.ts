// Which judgements of a selective request list (SelectiveRequest) are read: a suggestion
// candidate's only when it is 'supported', and of a citation's alternatives only the best-scoring
// one (the first of equal scores, as a stable sort by score puts first).
import type { Judgement, SelectiveRequest } from './judge.ts';

/** The index of the request read in each group of alternatives, given a score for each request of a group. */
export function bestAlternatives(
  requests: readonly SelectiveRequest[],
  scoreOf: (index: number) => number,
): Map<number, number> {
  const best = new Map<number, { index: number; score: number }>();
  requests.forEach((request, index) => {
    if (request.alternatives === undefined) return;
    const score = scoreOf(index);
    const known = best.get(request.alternatives);
    if (!known || score > known.score) best.set(request.alternatives, { index, score });
  });
  return new Map([...best].map(([group, { index }]) => [group, index]));
}

/** Full judgements with those that will not be read left out (null). */
export function readJudgements(
  requests: readonly SelectiveRequest[],
  judgements: readonly Judgement[],
): Array<Judgement | null> {
  const best = bestAlternatives(requests, (i) => judgements[i]!.score);
  return judgements.map((judgement, i) => {
    const { suggestion, alternatives } = requests[i]!;
    if (alternatives !== undefined && best.get(alternatives) !== i) return null;
    return suggestion && judgement.verdict !== 'supported' ? null : judgement;
  });
}
