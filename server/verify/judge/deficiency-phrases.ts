// Deficiencies named in other words: "cells lacking IRF-9" against "cells defective in IRF-9" or
// "IRF-9-deficient cells". The one side negates the gene by a condition, the other names it beside a
// word of deficiency that negates nothing; both say the same of it (negation-features.ts).
import { tokenize } from '../../../indexer/text/analyze.ts';
import type { SentenceReading } from './stance-reading.ts';

// Words that say a thing is missing or broken in what a sentence is about ("knockout mice",
// "defective in", "loss of", "-/-" is no word).
const DEFICIENCY =
  /^(?:deficien\w*|defective|lack\w*|knock(?:out|outs|ed)|null|mutants?|delet\w*|loss|absen\w*|without|deplet\w*|ablat\w*|missing|devoid)$/u;
// How many words from the thing a deficiency word may stand ("defective in IRF-9 expression": 9 is third).
const DEFICIENCY_REACH = 3;

// Whether a reading negates a term only by a condition ("mice lacking X"), never by a predicate.
const onlyConditioned = (reading: SentenceReading, term: string) =>
  reading.words.some((word) => word.term === term && word.negated) &&
  reading.words.every((word) => word.term !== term || !word.negated || word.conditioned);

/** Whether a sentence names a term within a few words of a word of deficiency ("defective in X", "X-deficient"). */
export function namesDeficiencyOf(reading: SentenceReading, term: string): boolean {
  const tokens = tokenize(reading.text);
  return tokens.some((token, i) => {
    if (!DEFICIENCY.test(token.word)) return false;
    const from = Math.max(0, i - DEFICIENCY_REACH);
    for (let j = from; j <= i + DEFICIENCY_REACH && j < tokens.length; j++)
      if (j !== i && reading.words[j]?.term === term) return true;
    return false;
  });
}

/**
 * Whether a term that `negating` negates and `other` does not is the same deficiency on both sides:
 * `negating` negates it only by a condition ("cells lacking IRF-9") and `other` names it beside a
 * word of deficiency ("cells defective in IRF-9").
 */
export function deficientAlike(negating: SentenceReading, other: SentenceReading, term: string): boolean {
  return onlyConditioned(negating, term) && namesDeficiencyOf(other, term);
}
