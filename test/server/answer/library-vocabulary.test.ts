import { describe, expect, it } from 'vitest';
import { editDistance, vocabularyOf } from '../../../server/answer/library-vocabulary.ts';

describe('library-vocabulary', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('atteniton', 'attention')).toBe(1);
    expect(editDistance('decodng', 'decoding')).toBe(1);
    expect(editDistance('transfomer', 'transformer')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops counting past the distance asked for', () => {
    expect(editDistance('zorblax', 'attention', 2)).toBe(3);
    expect(editDistance('decoding', 'decoder', 0)).toBe(1);
  });

  it('finds the nearest word among words of about its length, the one most papers use among equals', () => {
    const vocabulary = vocabularyOf(
      new Map([
        ['attention', 4],
        ['detention', 1],
        ['decoding', 2],
        ['encoding', 9],
        ['gpt4', 3],
        ['sink', 5],
        ['model', 5],
      ]),
    );
    // Only words of letters, six or more, are kept: no shorter word is read as another.
    expect(vocabulary.size).toBe(4);
    expect(vocabulary.documentFrequency('gpt4')).toBe(0);
    expect(vocabulary.documentFrequency('model')).toBe(0);
    expect(vocabulary.nearest('atention', 1)).toEqual({ word: 'attention', documentFrequency: 4, distance: 1 });
    // "decoding" is as near to "ecoding" as "encoding": the more used word wins.
    expect(vocabulary.nearest('ecoding', 1)?.word).toBe('encoding');
    expect(vocabulary.nearest('zorblax', 2)).toBeNull();
  });
});
