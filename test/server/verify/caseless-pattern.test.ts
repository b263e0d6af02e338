import { describe, expect, it } from 'vitest';
import { caseless } from '../../../server/verify/caseless-pattern.ts';

const NULL_FINDING = /\b(?:no|not)\s+(?:\w+\s+){0,3}?(?:differ\w*|effect\w*)|\bsimilar\s+(?:in|to)\b/iu;

describe('caseless-pattern', () => {
  it('answers as the /iu pattern does, on plain text and on text with the characters where /i differs', () => {
    const pattern = caseless(NULL_FINDING);
    const texts = [
      'There was no significant difference in mortality.',
      'NOT ANY EFFECT was seen.',
      'Outcomes were similar in both arms.',
      'Outcomes were ſimilar in both arms.', // long s: /iu folds it onto "s", /i does not
      'Outcomes were Similar to placebo.',
      'no 😀 effect at all',
      'Mortality fell by 12%.',
    ];
    for (const text of texts) expect(pattern.test(text), text).toBe(NULL_FINDING.test(text));
    // The fallback is what keeps the long s: the pattern without /u misses it.
    expect(new RegExp(NULL_FINDING.source, 'i').test('Outcomes were ſimilar in both arms.')).toBe(false);
    expect(pattern.test('Outcomes were ſimilar in both arms.')).toBe(true);
  });

  it('gives a global pattern that finds the same matches, for matchAll and split', () => {
    const words = /\b(?:increas\w*|rais\w*)\b/giu;
    const pattern = caseless(words);
    for (const text of ['Heat increased and RAISED melt, increasingly.', 'Kelvin: increaſed heat']) {
      expect([...text.matchAll(pattern.on(text))].map((m) => m.index)).toEqual(
        [...text.matchAll(words)].map((m) => m.index),
      );
      expect(text.split(pattern.on(text))).toEqual(text.split(words));
    }
  });

  it('refuses a pattern that is not /iu, or that only /u can read', () => {
    expect(() => caseless(/\bno\b/i)).toThrow(/iu/);
    expect(() => caseless(/\p{L}+/iu)).toThrow(/ASCII/);
    expect(() => caseless(/n’t/iu)).toThrow(/ASCII/);
  });
});
