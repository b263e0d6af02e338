// The NLI judge: the built-in judge aligns the claim with its best sentences and reads its cues;
// an NLI model then reads each aligned sentence against the claim, and the two are averaged.
// A paper the built-in judge finds unrelated is not sent to the model.
import type { EvidenceSentence } from '../evidence-sentences.ts';
import { SupportScorer } from '../support-scorer.ts';
import { JUDGE_THRESHOLDS, judgeVerdictOf, type SupportResult } from '../support-verdicts.ts';
import type { TermStatistics } from '../term-statistics.ts';
import { judgementOf } from './builtin.judge.ts';
import type { Judge, Judgement, JudgeRequest, SelectiveRequest } from './judge.ts';
import type { NliModel, NliScores } from './nli-model.ts';
import { readJudgements } from './selective-reading.ts';

/** How the NLI model and the built-in cues are combined (not fitted: no NLI weights can be run here). */
export const NLI_BLEND = {
  /** Weight of the model's relevance (1 − neutral) against the built-in relevance score. */
  relevance: 0.5,
  /** Weight of the model's contradiction share against the built-in contradiction probability. */
  stance: 0.5,
};

/** Combines one built-in result with the model's reading of its aligned sentences. */
export function combine(
  result: SupportResult,
  sentences: readonly EvidenceSentence[],
  scores: readonly NliScores[],
): Judgement {
  // The sentence the model finds most decisive (least neutral) is the evidence.
  let best = 0;
  scores.forEach((s, i) => {
    if (1 - s.neutral > 1 - scores[best]!.neutral) best = i;
  });
  const nli = scores[best]!;
  const builtinContradicting = result.score > 0 ? result.contradiction / result.score : 0;
  const modelContradicting = nli.contradiction / Math.max(1e-9, nli.entailment + nli.contradiction);
  const score = (1 - NLI_BLEND.relevance) * result.score + NLI_BLEND.relevance * (1 - nli.neutral);
  const contradicting = (1 - NLI_BLEND.stance) * builtinContradicting + NLI_BLEND.stance * modelContradicting;
  const combined = {
    score,
    support: score * (1 - contradicting),
    contradiction: score * contradicting,
    conflicts: result.conflicts,
    evidence: sentences[best] ?? result.evidence,
  };
  // The grouped-citation prior never alone makes a contradiction (judgeVerdictOf): the blend read without it.
  const priorFree =
    result.priorFreeContradiction === undefined
      ? {}
      : {
          priorFreeContradiction:
            score *
            ((1 - NLI_BLEND.stance) * (result.priorFreeContradiction / Math.max(result.score, 1e-9)) +
              NLI_BLEND.stance * modelContradicting),
        };
  const verdict = judgeVerdictOf({ ...combined, ...priorFree });
  return {
    verdict,
    ...combined,
    evidence: verdict === 'not_supported' ? null : combined.evidence,
    conflicts: verdict === 'not_supported' ? [] : combined.conflicts,
    judge: 'nli',
  };
}

/** A judge that reads entailment with an NLI model on top of the built-in judge's alignment and cues. */
export function createNliJudge(statistics: TermStatistics, model: NliModel): Judge {
  const scorer = new SupportScorer(statistics);
  const judgeMany = async (requests: readonly JudgeRequest[]): Promise<Judgement[]> => {
    // The built-in part reads relevance on the claim's context, as the built-in judge does; the
    // model reads the claim itself against each aligned sentence.
    const results = requests.map((r) => scorer.score(r.claim, r.sentences, r.context, r.cocited));
    // Every aligned sentence of every relevant pair goes to the model in one batched call.
    const pairs: Array<{ premise: string; hypothesis: string }> = [];
    const offsets = results.map((result, i) => {
      const start = pairs.length;
      if (result.score >= JUDGE_THRESHOLDS.relevant)
        for (const sentence of result.aligned) pairs.push({ premise: sentence.text, hypothesis: requests[i]!.claim });
      return start;
    });
    let scores: NliScores[];
    try {
      scores = pairs.length > 0 ? await model.classify(pairs) : [];
    } catch {
      // A model that fails at run time must not fail the request: the built-in judgement stands
      // (each result then says judge: 'builtin').
      return results.map(judgementOf);
    }
    return results.map((result, i) => {
      if (result.score < JUDGE_THRESHOLDS.relevant || result.aligned.length === 0) return judgementOf(result);
      const mine = scores.slice(offsets[i]!, offsets[i]! + result.aligned.length);
      return combine(result, result.aligned, mine);
    });
  };
  return {
    name: 'nli',
    judgeMany,
    // The model reads every pair of the request in one batch, as judgeMany does (its scores decide
    // which alternative is best, so none is left out).
    async judgeSelectively(requests: readonly SelectiveRequest[]) {
      return readJudgements(requests, await judgeMany(requests));
    },
    dispose: () => model.dispose(),
  };
}
