// The built-in judge: offline and deterministic. The support scorer aligns the claim with its best
// evidence sentences and reads their stance (negation scope, direction, quantities, scope), and how
// much they bear on it on the claim's context when it has one; the judge turns that into a verdict
// and withholds evidence when nothing bears on the claim.
import type { EvidenceSentence } from '../evidence-sentences.ts';
import { SupportScorer } from '../support-scorer.ts';
import { JUDGE_THRESHOLDS, judgeVerdictOf, type SupportResult, unmentionedOf } from '../support-verdicts.ts';
import type { TermStatistics } from '../term-statistics.ts';
import type { Judge, Judgement, JudgeRequest, SelectiveRequest } from './judge.ts';
import { bestAlternatives } from './selective-reading.ts';

/** The judgement a support result amounts to (also the starting point of the NLI judge). */
export function judgementOf(result: SupportResult): Judgement {
  const verdict = judgeVerdictOf(result);
  const unmentioned = unmentionedOf(verdict, result.unaddressed, result.conflicts);
  if (verdict === 'not_supported') {
    return {
      verdict,
      support: result.support,
      contradiction: result.contradiction,
      score: result.score,
      evidence: null,
      conflicts: [],
      judge: 'builtin',
      ...(unmentioned ? { unmentioned } : {}),
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
    ...(unmentioned ? { unmentioned } : {}),
  };
}

export type BuiltinJudge = Judge & {
  /** The same judgement, synchronously (the built-in judge needs no model); `context` as in JudgeRequest. */
  judgeNow(claim: string, sentences: readonly EvidenceSentence[], context?: string, cocited?: number): Judgement;
  /** judgeSelectively, synchronously. */
  judgeSelectivelyNow(requests: readonly SelectiveRequest[]): Array<Judgement | null>;
  readonly scorer: SupportScorer;
};

/** A built-in judge weighting words by the library's term statistics. */
export function createBuiltinJudge(statistics: TermStatistics): BuiltinJudge {
  const scorer = new SupportScorer(statistics);
  const judgeNow = (claim: string, sentences: readonly EvidenceSentence[], context?: string, cocited = 0) =>
    judgementOf(scorer.score(claim, sentences, context, cocited));
  // Within one call a claim (in its context) is judged once against each sentence list (a cited
  // paper is often a suggestion candidate too).
  const judgeOnce = () => {
    const judged = new Map<string, Map<readonly EvidenceSentence[], Judgement>>();
    // A citation in a group is read with the group's prior; the same words cited alone (or as a
    // suggestion) are not.
    const keyOf = ({ claim, context, cocited }: JudgeRequest) => {
      const read = context === undefined || context === claim ? claim : `${claim}\u0000${context}`;
      return (cocited ?? 0) > 0 ? `${read}\u0000grouped` : read;
    };
    const known = (request: JudgeRequest) => judged.get(keyOf(request))?.get(request.sentences);
    const judge = (request: JudgeRequest) => {
      let judgement = known(request);
      if (!judgement) {
        judgement = judgeNow(request.claim, request.sentences, request.context, request.cocited);
        const key = keyOf(request);
        const ofClaim = judged.get(key) ?? new Map<readonly EvidenceSentence[], Judgement>();
        ofClaim.set(request.sentences, judgement);
        judged.set(key, ofClaim);
      }
      return judgement;
    };
    return { known, judge };
  };
  // A suggestion candidate scored below what 'supported' needs, and an alternative that another
  // scores above, are left without reading their stance: the score alone says they are not read.
  const judgeSelectivelyNow = (requests: readonly SelectiveRequest[]) => {
    const { known, judge } = judgeOnce();
    const relevance = ({ claim, sentences, context }: JudgeRequest) => scorer.relevance(claim, sentences, context);
    const best = bestAlternatives(requests, (i) => relevance(requests[i]!));
    return requests.map((request, i) => {
      const { suggestion, alternatives } = request;
      if (alternatives !== undefined && best.get(alternatives) !== i) return null;
      if (!suggestion) return judge(request);
      if (!known(request) && relevance(request) < JUDGE_THRESHOLDS.supported) return null;
      const judgement = judge(request);
      return judgement.verdict === 'supported' ? judgement : null;
    });
  };
  return {
    name: 'builtin',
    scorer,
    judgeNow,
    async judgeMany(requests: readonly JudgeRequest[]) {
      const { judge } = judgeOnce();
      return requests.map(judge);
    },
    judgeSelectivelyNow,
    async judgeSelectively(requests: readonly SelectiveRequest[]) {
      return judgeSelectivelyNow(requests);
    },
    async dispose() {},
  };
}
