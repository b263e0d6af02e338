// The built-in judge: offline and deterministic. The support scorer aligns the claim with its best
// evidence sentences and reads their stance (negation scope, direction, quantities, scope); the
// judge turns that into a verdict and withholds evidence when nothing bears on the claim.
import type { EvidenceSentence } from '../evidence-sentences.ts';
import { judgeVerdictOf, type SupportResult, SupportScorer } from '../support-scorer.ts';
import type { TermStatistics } from '../term-statistics.ts';
import type { Judge, Judgement, JudgeRequest } from './judge.ts';

/** The judgement a support result amounts to (also the starting point of the NLI judge). */
export function judgementOf(result: SupportResult): Judgement {
  const verdict = judgeVerdictOf(result);
  if (verdict === 'not_supported') {
    return {
      verdict,
      support: result.support,
      contradiction: result.contradiction,
      score: result.score,
      evidence: null,
      conflicts: [],
      judge: 'builtin',
    };
  }
  return {
    verdict,
    support: result.support,
    contradiction: result.contradiction,
    score: result.score,
    evidence: result.evidence,
    conflicts: result.conflicts,
    judge: 'builtin',
  };
}

export type BuiltinJudge = Judge & {
  /** The same judgement, synchronously (the built-in judge needs no model). */
  judgeNow(claim: string, sentences: readonly EvidenceSentence[]): Judgement;
  readonly scorer: SupportScorer;
};

/** A built-in judge weighting words by the library's term statistics. */
export function createBuiltinJudge(statistics: TermStatistics): BuiltinJudge {
  const scorer = new SupportScorer(statistics);
  const judgeNow = (claim: string, sentences: readonly EvidenceSentence[]) =>
    judgementOf(scorer.score(claim, sentences));
  return {
    name: 'builtin',
    scorer,
    judgeNow,
    async judgeMany(requests: readonly JudgeRequest[]) {
      // A request may hold the same claim and sentence list twice (a cited paper that is also a
      // suggestion candidate): it is judged once.
      const judged = new Map<string, Map<readonly EvidenceSentence[], Judgement>>();
      return requests.map(({ claim, sentences }) => {
        let ofClaim = judged.get(claim);
        if (!ofClaim) {
          ofClaim = new Map();
          judged.set(claim, ofClaim);
        }
        let judgement = ofClaim.get(sentences);
        if (!judgement) {
          judgement = judgeNow(claim, sentences);
          ofClaim.set(sentences, judgement);
        }
        return judgement;
      });
    },
    async dispose() {},
  };
}
