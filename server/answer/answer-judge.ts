// The one place answers ask whether evidence backs a sentence, so ask and verify share one notion
// of support: verify's Judge (server/verify/judge/), with its support and contradiction
// probabilities and its `contradicted` verdict. By default the built-in judge over the library's
// term statistics; a caller holding the configured judge (the NLI judge when its model is set up)
// passes it in AnswerOptions.judge.

import { comparisonConflict } from '../verify/judge/comparison-conflicts.ts';
import { deniedAlternative } from '../verify/judge/denied-alternatives.ts';
import { createBuiltinJudge, type Judge, type Judgement } from '../verify/judge/index.ts';
import { isFinding, type StanceFeatures, stanceFeatures } from '../verify/judge/stance-features.ts';
import { readSentence, type SentenceReading } from '../verify/judge/stance-reading.ts';
import type { TermStatistics } from '../verify/term-statistics.ts';

export type { Judgement, JudgeRequest } from '../verify/judge/index.ts';

/** What answers need of a judge: many sentences judged at once, results in request order. */
export type AnswerJudge = Pick<Judge, 'judgeMany'>;

/** The built-in judge of answer sentences over a library's term statistics. */
export function answerJudge(statistics: TermStatistics): AnswerJudge {
  return createBuiltinJudge(statistics);
}

/** Whether a judgement lets a sentence stand in an answer (a contradicted one never does). */
export const backs = (judgement: Judgement): boolean =>
  judgement.verdict === 'supported' || judgement.verdict === 'partially_supported';

/** The judge's reading of one sentence: its negations, null findings ("no significant difference") and hedges. */
/** Whether the judge reads a sentence as a finding rather than an aim, a design or background. */
export { isFinding, readSentence };

/**
 * Whether a sentence's effect runs the other way from a claim's on what they share: "reduced the
 * risk of stroke" against "aspirin increases stroke risk", an antonym, or a comparison reversed.
 */
export function reversesDirection(claim: string, sentence: string): boolean {
  const stance = stanceOf(claim, sentence);
  if (directionOnlyOfSubject(stance))
    return reversed({ ...stance, features: { ...stance.features, directionConflict: 0 } });
  return reversed(stance);
}

/**
 * Whether the claim's only direction is its subject's, a noun of change opening it ("depletion of
 * Lsd1 make stem cells form neuron-like cells"), and the sentence gives that subject the same
 * direction ("…depletion of Lsd1 leads to … induction of neuron-associated genes"): the claim asks no
 * direction of its outcome, so a direction the sentence gives the outcome runs against nothing.
 */
function directionOnlyOfSubject({ claimReading, reading }: Stance): boolean {
  if (!/^\s*\p{L}+\s+of\s/u.test(claimReading.text)) return false;
  const directed = claimReading.words.filter((w) => w.direction !== 0 && w.term !== null);
  return (
    directed.length === 1 &&
    claimReading.words[0] === directed[0] &&
    reading.words.some((x) => x.term === directed[0]!.term && x.direction === directed[0]!.direction && !x.negated)
  );
}

type Stance = { claimReading: SentenceReading; reading: SentenceReading; features: StanceFeatures };

// The judge's readings of a claim and a sentence, and the stance features between them.
function stanceOf(claim: string, sentence: string): Stance {
  const claimReading = readSentence(claim);
  const reading = readSentence(sentence);
  return { claimReading, reading, features: stanceFeatures(claimReading, reading) };
}

const reversed = ({ claimReading, reading, features }: Stance): boolean =>
  features.directionConflict > 0 ||
  features.antonymConflict > 0 ||
  features.prefixAntonym > 0 ||
  comparisonConflict(claimReading, [reading]);

/**
 * Whether a sentence that states a claim's topic says the opposite of the claim: a negation of what
 * they share ("No code release is indicated" for "releases code"), a null finding, an alternative it
 * prefers ("instead of using a fixed K" for "uses a fixed K"), opposite numbers or quantifiers, or a
 * reversed effect.
 */
export function deniesStatement(claim: string, sentence: string): boolean {
  const stance = stanceOf(claim, sentence);
  const { features } = stance;
  return (
    features.scopedNegation > 0 ||
    features.negationMismatch > 0 ||
    features.nullFindingMismatch > 0 ||
    features.quantifierConflict > 0 ||
    features.quantityConflict > 0 ||
    deniedAlternative(stance.claimReading, [stance.reading], []) ||
    reversed(stance)
  );
}
