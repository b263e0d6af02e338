import { describe, expect, it } from 'vitest';
import { stem } from '../../../../indexer/text/analyze.ts';
import { withDegreePhrases } from '../../../../server/verify/judge/degree-phrases.ts';
import { anchoredDirections } from '../../../../server/verify/judge/direction-anchors.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

// The direction anchoredDirections gives each of some words of a sentence (undefined: none).
const directions = (text: string, words: string[]) => {
  const read = anchoredDirections(readSentence(text));
  return Object.fromEntries(words.map((word) => [word, read.get(stem(word))]));
};

describe('degree-phrases', () => {
  it('gives the words after a comparative of change its direction, not the verb beside them', () => {
    expect(
      directions('Greater search depth lowers citation accuracy.', ['search', 'depth', 'citation', 'accuracy']),
    ).toEqual({ search: 1, depth: 1, citation: -1, accuracy: -1 });
    expect(directions('Higher blood pressure reduces survival.', ['blood', 'pressure', 'survival'])).toEqual({
      blood: 1,
      pressure: 1,
      survival: -1,
    });
  });

  it('gives the words after a comparative that is no word of change no direction ("deeper search", "a wider beam")', () => {
    expect(directions('Deeper search reduces citation accuracy.', ['deeper', 'search', 'accuracy'])).toEqual({
      deeper: undefined,
      search: undefined,
      accuracy: -1,
    });
    expect(directions('Using a wider beam lowers output diversity.', ['beam', 'diversity'])).toEqual({
      beam: undefined,
      diversity: -1,
    });
  });

  it('reads a comparative of a dimension as its noun: "deeper search" is greater depth, "shallower search" less', () => {
    expect(directions('Deeper search reduces citation accuracy.', ['depth'])).toEqual({ depth: 1 });
    expect(directions('Shallower search yields less accurate citations.', ['depth'])).toEqual({ depth: -1 });
    expect(directions('Greater search depth lowers citation accuracy.', ['depth'])).toEqual({ depth: 1 });
    // A phrase that names the dimension's noun is more of it: "heavier birth weights".
    expect(directions('Heavier birth weights were associated with lower risk.', ['birth', 'weights', 'risk'])).toEqual({
      birth: 1,
      weights: 1,
      risk: -1,
    });
    // A sentence that names the noun itself keeps what it says of it.
    expect(directions('Deeper search at a fixed depth budget lowers recall.', ['depth'])).toEqual({ depth: -1 });
  });

  it('leaves plain adjectives and hyphenated kinds to the nearest word of change ("a wide beam", "short-term memory")', () => {
    expect(directions('A wide beam lowers output diversity.', ['beam'])).toEqual({ beam: -1 });
    expect(directions('Short-term memory improves with sleep.', ['memory'])).toEqual({ memory: 1 });
  });

  it('gives no direction to a phrase that a noun of change ends: "greater pain relief" is no more pain', () => {
    expect(directions('Lidocaine gave greater pain relief than sham patches.', ['pain'])).toEqual({ pain: undefined });
    expect(directions('Semaglutide gave greater body weight loss than placebo.', ['body', 'weight'])).toEqual({
      body: undefined,
      weight: undefined,
    });
    expect(directions('The new regimen brought larger mortality reductions.', ['mortality'])).toEqual({
      mortality: undefined,
    });
    // A verb after the phrase ends it as before: the depth is still greater.
    expect(directions('Greater search depth lowers citation accuracy.', ['depth'])).toEqual({ depth: 1 });
  });

  it('keeps a term outside every degree phrase as it was anchored', () => {
    const reading = readSentence('Aspirin reduces pain.');
    const anchored = new Map<string, -1 | 1>([[stem('pain'), -1]]);
    expect(withDegreePhrases(reading, anchored)).toEqual(new Map([[stem('pain'), -1]]));
  });
});
