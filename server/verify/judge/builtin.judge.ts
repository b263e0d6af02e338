// The built-in judge: offline and deterministic. The support scorer aligns the claim with its best
// evidence sentences and reads their stance (negation scope, direction, quantities, scope); the
// judge turns that into a verdict and withholds evidence when nothing bears on the claim.
import type { EvidenceSentence } from '../evidence-sentences.ts';
import { SupportScorer } from '../support-scorer.ts';
import { JUDGE_THRESHOLDS, judgeVerdictOf, type SupportResult } from '../support-verdicts.ts';
import type { TermStatistics } from '../term-statistics.ts';
import type { Judge, Judgement, JudgeRequest, SelectiveRequest } from './judge.ts';
import { bestAlternatives } from './selective-reading.ts';

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
  /** judgeSelectively, synchronously. */
  judgeSelectivelyNow(requests: readonly SelectiveRequest[]): Array<Judgement | null>;
  readonly scorer: SupportScorer;
};

/** A built-in judge weighting words by the library's term statistics. */
export function createBuiltinJudge(statistics: TermStatistics): BuiltinJudge {
  const scorer = new SupportScorer(statistics);
  const judgeNow = (claim: string, sentences: readonly EvidenceSentence[]) =>
    judgementOf(scorer.score(claim, sentences));
  // Within one call a claim is judged once against each sentence list (a cited paper is often a
  // suggestion candidate too).
  const judgeOnce = () => {
    const judged = new Map<string, Map<readonly EvidenceSentence[], Judgement>>();
    const known = (claim: string, sentences: readonly EvidenceSentence[]) => judged.get(claim)?.get(sentences);
    const judge = (claim: string, sentences: readonly EvidenceSentence[]) => {
      let judgement = known(claim, sentences);
      if (!judgement) {
        judgement = judgeNow(claim, sentences);
        const ofClaim = judged.get(claim) ?? new Map<readonly EvidenceSentence[], Judgement>();
        ofClaim.set(sentences, judgement);
        judged.set(claim, ofClaim);
      }
      return judgement;
    };
    return { known, judge };
  };
  // A suggestion candidate scored below what 'supported' needs, and an alternative that another
  // scores above, are left without reading their stance: the score alone says they are not read.
  const judgeSelectivelyNow = (requests: readonly SelectiveRequest[]) => {
    const { known, judge } = judgeOnce();
    const best = bestAlternatives(requests, (i) => scorer.relevance(requests[i]!.claim, requests[i]!.sentences));
    return requests.map(({ claim, sentences, suggestion, alternatives }, i) => {
      if (alternatives !== undefined && best.get(alternatives) !== i) return null;
      if (!suggestion) return judge(claim, sentences);
      if (!known(claim, sentences) && scorer.relevance(claim, sentences) < JUDGE_THRESHOLDS.supported) return null;
      const judgement = judge(claim, sentences);
      return judgement.verdict === 'supported' ? judgement : null;
    });
  };
  return {
    name: 'builtin',
    scorer,
    judgeNow,
    async judgeMany(requests: readonly JudgeRequest[]) {
      const { judge } = judgeOnce();
      return requests.map((r) => judge(r.claim, r.sentences));
    },
    judgeSelectivelyNow,
    async judgeSelectively(requests: readonly SelectiveRequest[]) {
      return judgeSelectivelyNow(requests);
    },
    async dispose() {},
  };
}
