import { describe, expect, it } from 'vitest';
import { vocabularyOf } from '../../../server/answer/library-vocabulary.ts';
import { typingSlips } from '../../../server/answer/typing-slips.ts';

describe('library-vocabulary', () => {
  const vocabulary = vocabularyOf(
    new Map([
      ['attention', 4],
      ['detention', 1],
      ['decoding', 2],
      ['encoding', 9],
      ['starting', 2],
      ['starling', 9],
      ['stagings', 3],
      ['stalings', 3],
      ['gpt4', 3],
      ['sink', 5],
      ['model', 5],
    ]),
  );

  it('keeps only words of six letters or more, letters only', () => {
    // No shorter word is read as another.
    expect(vocabulary.size).toBe(8);
    expect(vocabulary.documentFrequency('gpt4')).toBe(0);
    expect(vocabulary.documentFrequency('model')).toBe(0);
    expect(vocabulary.documentFrequency('encoding')).toBe(9);
  });

  it('finds the nearest word by the distance it is given, among words of about its length', () => {
    expect(vocabulary.nearest('atention', 1, typingSlips)).toEqual({
      word: 'attention',
      documentFrequency: 4,
      distance: 1,
    });
    // "decoding" is one edit from "ecoding" too, but no slip drops a first letter.
    expect(vocabulary.nearest('ecoding', 1, typingSlips)?.word).toBe('encoding');
    expect(vocabulary.nearest('zorblax', 2, typingSlips)).toBeNull();
  });

  it('prefers, among words equally near, the one most papers use, then the first alphabetically', () => {
    // "staring" is one letter left out of both "starting" and "starling".
    expect(vocabulary.nearest('staring', 1, typingSlips)).toEqual({
      word: 'starling',
      documentFrequency: 9,
      distance: 1,
    });
    // "staings" is one letter left out of both "stagings" and "stalings", used by as many papers.
    expect(vocabulary.nearest('staings', 1, typingSlips)?.word).toBe('stagings');
  });
});
