// The one place answers ask whether evidence backs a sentence, so ask and verify share one notion
// of support. Today it wraps verify's SupportScorer: support is its calibrated score, and
// contradiction is that score when the evidence states the opposite (a negation or a direction of
// effect the sentence does not share). When verify's Judge lands, only this module changes.
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

export type AnswerJudge = { judge(sentence: string, evidence: readonly EvidenceSentence[]): Judgement };

/** The judge of answer sentences over a library's term statistics. */
export function answerJudge(statistics: TermStatistics): AnswerJudge {
  const scorer = new SupportScorer(statistics);
  return {
    judge(sentence, evidence) {
      const result = scorer.score(sentence, evidence);
      const opposed = result.conflicts.includes('negation') || result.conflicts.includes('direction');
      const contradiction = opposed ? result.score : 0;
      const verdict = verdictOf(result);
      return {
        support: opposed ? 0 : result.score,
        contradiction,
        verdict: opposed && verdict !== 'not_supported' ? 'contradicted' : verdict,
        evidence: result.evidence,
      };
    },
  };
}

/** Whether a judgement lets a sentence stand in an answer. */
export const backs = (judgement: Judgement): boolean =>
  judgement.verdict === 'supported' || judgement.verdict === 'partially_supported';
