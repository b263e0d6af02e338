import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../indexer/text/analyze.ts';
import { restrictionsOf } from '../../../../server/verify/judge/restrictions.ts';

// The restricting markers of a text and the word each one's phrase ends before, as written.
function restricted(text: string): { markers: string[]; ends: string[] } {
  const tokens = tokenize(text);
  const found = restrictionsOf(text, tokens);
  const words = (indices: ReadonlySet<number> | undefined) =>
    [...(indices ?? [])].sort((a, b) => a - b).map((i) => tokens[i]?.word ?? '(end)');
  return { markers: words(found?.markers), ends: words(found?.ends) };
}

describe('restrictions', () => {
  it('reads "with no" and "without" after the noun phrase that opens a clause as restricting it, up to its plural head', () => {
    expect(restricted('A robot with no tactile sensors grasps objects reliably.')).toEqual({
      markers: ['no'],
      ends: ['grasps'],
    });
    expect(restricted('Small vision models without any segmentation labels outline cells.')).toEqual({
      markers: ['without'],
      ends: ['outline'],
    });
    expect(restricted('In contrast, robots with no tactile sensors drop objects.')).toEqual({
      markers: ['no'],
      ends: ['drop'],
    });
  });

  it('stops a restricting phrase at an adverb, or at a word the caller says starts the predicate', () => {
    expect(restricted('Models with no instruction tuning still follow prompts.').ends).toEqual(['still']);
    const text = 'A model without instruction tuning improves accuracy.';
    const tokens = tokenize(text);
    const found = restrictionsOf(text, tokens, (i) => tokens[i]!.word === 'improves');
    expect([...(found?.ends ?? [])].map((i) => tokens[i]!.word)).toEqual(['improves']);
  });

  it('reads "with no" after a noun naming people as restricting wherever it stands', () => {
    expect(restricted('Aspirin lowered risk in patients with no prior stroke.').markers).toEqual(['no']);
  });

  it('reads no restriction where the negation follows a verb or a noun phrase that does not open its clause', () => {
    for (const text of [
      'The robot grasps objects with no failures.',
      'Robots grasp objects with no failures.',
      'Treatment ended with no relapse.',
      'We tested a robot with no tactile sensors.',
      'It requires no training.',
      'It steers a model without any training.',
    ])
      expect(restricted(text).markers, text).toEqual([]);
  });
});
