import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../indexer/text/analyze.ts';
import { thingNegationsOf } from '../../../../server/verify/judge/thing-negations.ts';

// The words a sentence's negations of things reach, as written.
function reachedWords(text: string): string[] {
  const tokens = tokenize(text);
  return [...thingNegationsOf(text, tokens).reached].sort((a, b) => a - b).map((i) => tokens[i]!.word);
}
const onlyThings = (text: string) => thingNegationsOf(text, tokenize(text)).onlyThings;

describe('thing-negations', () => {
  it('reaches the noun phrase a negation of a thing names, past "any", "the" and "of"', () => {
    expect(reachedWords('It steers a model without any large-scale training of its weights.')).toEqual([
      'large',
      'scale',
      'training',
    ]);
    expect(reachedWords('It steers models with no fine-tuning.')).toEqual(['fine', 'tuning']);
    expect(reachedWords('None of the adapter weights change.')).toEqual(['adapter', 'weights', 'change']);
    expect(reachedWords('The method lacks a GPU kernel, so it is slow.')).toEqual(['gpu', 'kernel']);
    expect(reachedWords('Cells grew in the absence of serum.')).toEqual(['serum']);
  });

  it('reads "-free" as the negation of the words it follows', () => {
    expect(reachedWords('The method is training-free at inference.')).toEqual(['training']);
    expect(reachedWords('A free lunch is rare.')).toEqual([]);
  });

  it('reads "no longer" and "no more than" as no negation of a thing', () => {
    expect(reachedWords('The model no longer improves.')).toEqual([]);
    expect(reachedWords('It uses no more than 4 GB.')).toEqual([]);
  });

  it('says a sentence negates only things when each of its negations names one', () => {
    expect(onlyThings('Memory Inception requires no training.')).toBe(true);
    expect(onlyThings('It lacks a GPU kernel.')).toBe(true);
    expect(onlyThings('It requires no training and does not improve accuracy.')).toBe(false);
    expect(onlyThings('The model no longer improves.')).toBe(false);
    expect(onlyThings('Training had little effect.')).toBe(false);
    // "without" makes no sentence negated, so a sentence with only it negates nothing of a predicate's kind.
    expect(onlyThings('It steers a model without any training.')).toBe(false);
  });
});
