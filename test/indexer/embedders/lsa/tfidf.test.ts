import { describe, expect, it } from 'vitest';
import {
  buildVocabulary,
  entropyWeights,
  termWeights,
  vocabularyFrom,
} from '../../../../indexer/embedders/lsa/tfidf.ts';

const OPTIONS = { minDocumentFrequency: 1, maxDocumentFraction: 1, maxTerms: 100 };

describe('tfidf', () => {
  it('weighs a term spread evenly over the documents less than one of the same document frequency piled into one', () => {
    // "even" and "piled" are both in the same two of four documents, so their idf is equal; "piled"
    // occurs nine times in one of them and once in the other, "even" five times in each.
    const documents = [
      [...Array(5).fill('even'), ...Array(9).fill('piled'), 'a'],
      [...Array(5).fill('even'), 'piled', 'b'],
      ['c', 'd'],
      ['d', 'e'],
    ];
    const vocabulary = buildVocabulary(documents, OPTIONS);
    const row = (term: string) => vocabulary.index.get(term)!;
    expect(vocabulary.idf[row('even')]).toBe(vocabulary.idf[row('piled')]);
    const weights = entropyWeights(documents, vocabulary);
    expect(weights[row('piled')]).toBeGreaterThan(weights[row('even')]! + 0.1);
    // A term in one document only has entropy 0 and weighs 1; one spread evenly over n of N documents 1 − ln n / ln N.
    expect(weights[row('a')]).toBeCloseTo(1, 6);
    expect(weights[row('even')]).toBeCloseTo(1 - Math.log(2) / Math.log(4), 6);
    expect(weights[row('d')]).toBeCloseTo(1 - Math.log(2) / Math.log(4), 6);
  });

  it('gives every term the weight 1 when there are fewer than two documents', () => {
    const documents = [['river', 'flood', 'flood']];
    const vocabulary = buildVocabulary(documents, OPTIONS);
    expect([...entropyWeights(documents, vocabulary)]).toEqual([1, 1]);
  });

  it('multiplies a term’s local tf weight by the vocabulary’s global weight, not by its idf', () => {
    const vocabulary = vocabularyFrom(['flood', 'river'], Float32Array.from([3, 3]), Float32Array.from([0.5, 2]));
    const weights = termWeights(['flood', 'flood', 'river', 'unknown'], vocabulary, true);
    expect(weights.columns).toEqual([0, 1]);
    expect(weights.values[0]).toBeCloseTo((1 + Math.log(2)) * 0.5, 6);
    expect(weights.values[1]).toBeCloseTo(2, 6);
  });
});
