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

  it('reads "free of X" and "free from X" as the negation of X that "X-free" is', () => {
    expect(reachedWords('Patients remained free of disease for five years.')).toEqual(['disease']);
    expect(reachedWords('The samples were free from any bacterial contamination.')).toEqual([
      'bacterial',
      'contamination',
    ]);
  });

  it('reads no negation in "X-free" before a noun the compound names as a measure or kind', () => {
    expect(reachedWords('The drug improved progression-free survival.')).toEqual([]);
    expect(reachedWords('Cell-free DNA levels predicted relapse.')).toEqual([]);
    expect(reachedWords('Ventilator-free days increased.')).toEqual([]);
    // Before another noun, or ending the sentence, "-free" still negates what it follows.
    expect(reachedWords('A training-free steering method.')).toEqual(['training']);
    expect(reachedWords('Patients remained disease-free, and survival rose.')).toEqual(['disease']);
  });

  it('stops a noun phrase after its first word at a word the reading says starts the predicate', () => {
    const text = 'Even models lacking instruction tuning improve accuracy with scale.';
    const tokens = tokenize(text);
    const stops = (i: number) => tokens[i]!.word === 'improve';
    const reached = [...thingNegationsOf(text, tokens, stops).reached].map((i) => tokens[i]!.word);
    expect(reached).toEqual(['instruction', 'tuning']);
    // The first word of the phrase is read whatever it is ("with no improvement").
    const first = 'It ends with no improvement.';
    const firstTokens = tokenize(first);
    const reachedFirst = thingNegationsOf(first, firstTokens, () => true).reached;
    expect([...reachedFirst].map((i) => firstTokens[i]!.word)).toEqual(['improvement']);
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
