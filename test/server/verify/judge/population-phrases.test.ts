import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../indexer/text/analyze.ts';
import { namesCondition, populationPhrases } from '../../../../server/verify/judge/population-phrases.ts';

// The words of a sentence that lie in a population phrase.
const inPhrase = (text: string) => {
  const tokens = tokenize(text);
  const inside = populationPhrases(text, tokens);
  return tokens.filter((_, i) => inside?.[i]).map((t) => t.word);
};

describe('population-phrases', () => {
  it('reads the group, "with" and the condition up to its noun', () => {
    expect(inPhrase('Donepezil did not help patients with mild cognitive impairment at all.')).toEqual([
      'patients',
      'with',
      'mild',
      'cognitive',
      'impairment',
    ]);
    expect(inPhrase('In people with hearing loss, aids did not slow decline.')).toEqual([
      'people',
      'with',
      'hearing',
      'loss',
    ]);
  });

  it('stops at a participle or punctuation, and reads no phrase without a group or after "without"', () => {
    expect(inPhrase('Adults with diabetes treated with metformin lived longer.')).toEqual([
      'adults',
      'with',
      'diabetes',
    ]);
    expect(inPhrase('Treatment with metformin lowered glucose.')).toEqual([]);
    expect(inPhrase('Patients without diabetes were excluded.')).toEqual([]);
    expect(populationPhrases('Glucose fell.', tokenize('Glucose fell.'))).toBeNull();
  });

  it('names a condition only by a noun inside a phrase', () => {
    const text = 'Patients with higher adherence had less hearing loss.';
    const tokens = tokenize(text);
    const inside = populationPhrases(text, tokens);
    const at = (word: string) => tokens.findIndex((t) => t.word === word);
    expect(namesCondition(tokens, at('higher'), inside)).toBe(false);
    expect(namesCondition(tokens, at('loss'), inside)).toBe(false);
  });
});
