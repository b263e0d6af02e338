// The one place answers ask whether evidence backs a sentence, so ask and verify share one notion
// of support. Today it wraps verify's SupportScorer: support and verdict are its calibrated score
// and verdict (as verify reports them), and contradiction is that score when the evidence states
// the opposite (a negation or a direction of effect the sentence does not share; such a sentence is
// at best partially supported). Its shape follows verify's Judge (batched and asynchronous, with
// support and contradiction probabilities and a `contradicted` verdict), so when that Judge lands
// only this module changes.
import type { EvidenceSentence } from '../verify/evidence-sentences.ts';
import { SupportScorer, verdictOf } from '../verify/support-scorer.ts';
import type { TermStatistics } from '../verify/term-statistics.ts';

export type AnswerVerdict = 'supported' | 'partially_supported' | 'not_supported' | 'contradicted';

export type Judgement = {
  /** 0–1: how strongly the evidence backs the sentence. */
  support: number;
  /** 0–1: how strongly the evidence states the opposite. */
  contradiction: number;
  verdict: AnswerVerdict;
  /** The evidence sentence the judgement rests on, or null when there was none. */
  evidence: EvidenceSentence | null;
};

/** One sentence (or claim) and the evidence sentences it is judged against. */
export type JudgeRequest = { claim: string; sentences: readonly EvidenceSentence[] };

export type AnswerJudge = {
  /** Judges many sentences at once; results are in request order. */
  judgeMany(requests: readonly JudgeRequest[]): Promise<Judgement[]>;
};

/** The judge of answer sentences over a library's term statistics. */
export function answerJudge(statistics: TermStatistics): AnswerJudge {
  const scorer = new SupportScorer(statistics);
  return {
    async judgeMany(requests) {
      return requests.map(({ claim, sentences }) => {
        const result = scorer.score(claim, sentences);
        const opposed = result.conflicts.includes('negation') || result.conflicts.includes('direction');
        return {
          support: result.score,
          contradiction: opposed ? result.score : 0,
          verdict: verdictOf(result),
          evidence: result.evidence,
        };
      });
    },
  };
}

/** Whether a judgement lets a sentence stand in an answer. */
export const backs = (judgement: Judgement): boolean =>
  judgement.verdict === 'supported' || judgement.verdict === 'partially_supported';
