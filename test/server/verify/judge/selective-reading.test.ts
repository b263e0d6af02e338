import { describe, expect, it } from 'vitest';
import type { Judgement, SelectiveRequest } from '../../../../server/verify/judge/judge.ts';
import { bestAlternatives, readJudgements } from '../../../../server/verify/judge/selective-reading.ts';

const judgement = (verdict: Judgement['verdict'], score: number): Judgement => ({
  verdict,
  score,
  support: score,
  contradiction: 0,
  evidence: null,
  conflicts: [],
  judge: 'builtin',
});
const request = (extra: Partial<SelectiveRequest> = {}): SelectiveRequest => ({ claim: 'c', sentences: [], ...extra });

describe('selective-reading', () => {
  it('reads the best-scoring alternative of each group, the first of equal scores as a stable sort by score would', () => {
    const requests = [
      request({ alternatives: 0 }),
      request({ alternatives: 0 }),
      request({ alternatives: 0 }),
      request({ alternatives: 1 }),
      request({ alternatives: 1 }),
      request(),
    ];
    const scores = [0.2, 0.7, 0.7, 0.9, 0.1, 0.5];
    const best = bestAlternatives(requests, (i) => scores[i]!);
    expect(best).toEqual(
      new Map([
        [0, 1],
        [1, 3],
      ]),
    );
    const sorted = [0, 1, 2].map((i) => ({ i, score: scores[i]! })).sort((a, b) => b.score - a.score);
    expect(best.get(0)).toBe(sorted[0]!.i);
  });

  it('leaves out the alternatives not best and the suggestion candidates not supported', () => {
    const requests = [
      request({ alternatives: 0 }),
      request({ alternatives: 0 }),
      request({ suggestion: true }),
      request({ suggestion: true }),
      request(),
    ];
    const judgements = [
      judgement('partially_supported', 0.4),
      judgement('contradicted', 0.6),
      judgement('supported', 0.9),
      judgement('partially_supported', 0.5),
      judgement('not_supported', 0.1),
    ];
    expect(readJudgements(requests, judgements)).toEqual([null, judgements[1], judgements[2], null, judgements[4]]);
  });
});
