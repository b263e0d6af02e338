import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../indexer/text/analyze.ts';
import { directionlessAt } from '../../../../server/verify/judge/directionless.ts';

// Which of a text's words directionlessAt finds stating no change.
const directionless = (text: string) => {
  const tokens = tokenize(text);
  return tokens.filter((_, i) => directionlessAt(text, tokens, i)).map((token) => token.word);
};

describe('directionless', () => {
  it('reads a direction word inside a method name, after "per" or as an open end as stating no change', () => {
    expect(directionless('Retrieval-augmented generation leaks data.')).toEqual(['augmented']);
    expect(directionless('It tolerates 64 or more bit errors per block.')).toEqual(['more', 'block']);
  });

  it('reads the "rise" of "give rise to" as stating no change, in every form of "give"', () => {
    for (const text of [
      'A variance discrepancy gives rise to attention sinks.',
      'Stem cells give rise to neurons.',
      'The change gave rise to new errors.',
      'It has given rise to a debate.',
      'Giving rise to sinks, the discrepancy matters.',
    ])
      expect(directionless(text), text).toEqual(['rise']);
  });

  it('reads "activation" before the noun it names a kind of ("activation memory", "activation steering") as stating no change', () => {
    expect(directionless('Checkpointing cuts activation memory by 40%.')).toEqual(['activation']);
    expect(directionless('Activation steering and activation patching edit activations.')).toEqual([
      'activation',
      'activation',
    ]);
    // A switching on keeps its direction: "T-cell activation", "activation of the receptor".
    expect(directionless('The drug blocks T-cell activation and the activation of the receptor.')).toEqual([]);
  });

  it('keeps the direction of a rise that is one: "accuracy rose to 80%", "a rise in errors"', () => {
    expect(directionless('Accuracy rose to 80% and errors rise to 5%.')).toEqual([]);
    expect(directionless('They saw a rise in errors.')).toEqual([]);
  });

  it('reads a word of change hyphenated to the word before it as naming a kind ("acid-inducible gene", "B1-depleted cells")', () => {
    expect(directionless('The acid-inducible sensor binds interferon-stimulated genes.')).toEqual([
      'inducible',
      'stimulated',
    ]);
    expect(directionless('Territories were larger in B1-depleted cells.')).toEqual(['depleted']);
  });

  it('keeps the direction of a word after a prefix or a count ("co-stimulated", "up-regulated", "2-fold-higher")', () => {
    expect(directionless('Co-stimulated cells were re-activated and up-regulated it 2-fold-higher.')).toEqual([]);
  });

  it('reads a compound that says what a thing does as a name before a head such as "hormone" or "kinase"', () => {
    expect(directionless('Estradiol suppressed luteinizing-stimulating hormone release.')).toEqual(['stimulating']);
    expect(directionless('Deleting the TRAF-inducing kinase lowered swelling.')).toEqual(['inducing']);
    expect(directionless('A tumour-suppressing protein was cloned.')).toEqual(['suppressing']);
    // Before any other word it still says what the thing does.
    expect(directionless('A tumour-suppressing drug was given.')).toEqual([]);
  });

  it('keeps the direction of a compound that says what a thing does, and of a count joined by "times"', () => {
    expect(directionless('A growth-inhibiting peptide and an LDL-lowering diet were compared.')).toEqual([]);
    expect(directionless('Weight-loss surgery cut the dose.')).toEqual([]);
    expect(directionless('Uptake was 3-times-higher in roots.')).toEqual([]);
    // A compound that names a kind of thing still states no change.
    expect(directionless('Toxin-induced apoptosis was measured.')).toEqual(['induced']);
  });
});
