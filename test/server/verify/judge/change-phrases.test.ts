import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../indexer/text/analyze.ts';
import {
  changeNounAfter,
  changeOfComparative,
  withoutTurnedWords,
} from '../../../../server/verify/judge/change-phrases.ts';

// The reading of token `word` in `text` by `read`.
const at = (read: typeof changeOfComparative, text: string, word: string) => {
  const tokens = tokenize(text);
  return read(
    text,
    tokens,
    tokens.findIndex((t) => t.word === word),
  );
};

describe('change-phrases', () => {
  it('gives a "more" or "less" before "than" the direction of the verb of change it compares', () => {
    expect(at(changeOfComparative, 'Ticagrelor reduced mortality more than clopidogrel.', 'more')).toBe(-1);
    expect(at(changeOfComparative, 'Ticagrelor increased bleeding risk less than clopidogrel.', 'less')).toBe(1);
    // A comparative of its own, or a clause break, compares no change.
    expect(at(changeOfComparative, 'Mortality was higher with A, more than with B.', 'more')).toBe(0);
    expect(at(changeOfComparative, 'Ticagrelor is more effective than clopidogrel.', 'more')).toBe(0);
  });

  it('reads no comparative of change across a copula or a preposition, nor before a number', () => {
    expect(at(changeOfComparative, 'Tubular damage was more than twice as high in men.', 'more')).toBe(0);
    expect(at(changeOfComparative, 'Self-harm rates were more than ten times higher.', 'more')).toBe(0);
    expect(at(changeOfComparative, 'Aspirin reduced mortality by more than 20%.', 'more')).toBe(0);
    expect(at(changeOfComparative, 'Aspirin reduced mortality more than 20% of the time.', 'more')).toBe(0);
    expect(at(changeOfComparative, 'Aspirin reduced deaths in hospital more than placebo.', 'more')).toBe(0);
  });

  it('reads no noun of change after a preposition or a verb, nor one that does not head its phrase', () => {
    expect(at(changeNounAfter, 'Metformin increased survival through inhibition of signalling.', 'increased')).toBe(0);
    expect(at(changeNounAfter, 'Exercise improved memory via reduction of atrophy.', 'improved')).toBe(0);
    expect(at(changeNounAfter, 'Cisplatin increased hearing loss risk in children.', 'increased')).toBe(0);
    expect(at(changeNounAfter, 'The guideline increased weight loss surgery referrals.', 'increased')).toBe(0);
    expect(at(changeNounAfter, 'The grant increased disaster relief capacity.', 'increased')).toBe(0);
    expect(at(changeNounAfter, 'Tranexamic acid reduced blood loss during surgery.', 'reduced')).toBe(-1);
  });

  it('gives a word of change the direction of the noun of a fall that ends the compound after it', () => {
    expect(at(changeNounAfter, 'Acupuncture improved pain relief at 12 weeks.', 'improved')).toBe(-1);
    expect(at(changeNounAfter, 'Orlistat produced greater body weight loss.', 'greater')).toBe(-1);
    expect(at(changeNounAfter, 'Bisphosphonates reduced bone loss.', 'reduced')).toBe(-1);
    // The noun follows a compound of one or two content words without a direction, and is no verb.
    expect(at(changeNounAfter, 'Acupuncture improved relief.', 'improved')).toBe(0);
    expect(at(changeNounAfter, 'Acupuncture improved the pain relief.', 'improved')).toBe(0);
    expect(at(changeNounAfter, 'Higher glucose levels decrease insulin release.', 'higher')).toBe(0);
  });

  it('blanks a word of change with the noun of change that turns it, and keeps a comparative of change', () => {
    expect(withoutTurnedWords('Acupuncture improved pain relief.')).toBe('Acupuncture          pain       .');
    expect(withoutTurnedWords('A reduced mortality more than B.')).toBe('A reduced mortality more than B.');
    expect(withoutTurnedWords('Acupuncture improved pain.')).toBe('Acupuncture improved pain.');
  });
});
