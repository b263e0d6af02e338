import { describe, expect, it } from 'vitest';
import { stem } from '../../../../indexer/text/analyze.ts';
import { antonymsOf, idiomaticAt, polarStem } from '../../../../server/verify/judge/antonyms.ts';

describe('antonyms', () => {
  it('knows the opposites a finding turns on: increase/decrease, effective/ineffective, benign/malignant, present/absent, positive/negative', () => {
    for (const [word, opposite] of [
      ['increase', 'decrease'],
      ['effective', 'ineffective'],
      ['benign', 'malignant'],
      ['present', 'absent'],
      ['positive', 'negative'],
      ['activate', 'inactivate'],
    ] as const) {
      expect(antonymsOf(polarStem(word)!).has(polarStem(opposite)!), `${word} / ${opposite}`).toBe(true);
      expect(antonymsOf(polarStem(opposite)!).has(polarStem(word)!), `${opposite} / ${word}`).toBe(true);
    }
  });

  it('carries an opposition to the derived nouns: presence/absence, effectiveness/ineffectiveness', () => {
    expect(antonymsOf(polarStem('presence')!).has(polarStem('absence')!)).toBe(true);
    expect(antonymsOf(polarStem('effectiveness')!).has(polarStem('ineffectiveness')!)).toBe(true);
  });

  it('reads a comparative or superlative as its base: higher/lower, largest/smallest', () => {
    expect(polarStem('higher')).toBe(stem('high'));
    expect(antonymsOf(polarStem('higher')!).has(polarStem('lower')!)).toBe(true);
    expect(polarStem('bigger')).toBe(stem('big'));
    expect(antonymsOf(polarStem('largest')!).has(polarStem('smallest')!)).toBe(true);
  });

  it('knows the opposites of research prose that WordNet lacks: input/output, encoder/decoder, online/offline, CPU/GPU', () => {
    for (const [word, opposite] of [
      ['input', 'output'],
      ['encoder', 'decoder'],
      ['online', 'offline'],
      ['cpus', 'gpus'],
      ['deterministic', 'stochastic'],
      ['before', 'after'],
      ['single', 'multi'],
    ] as const) {
      expect(antonymsOf(polarStem(word)!).has(polarStem(opposite)!), `${word} / ${opposite}`).toBe(true);
      expect(antonymsOf(polarStem(opposite)!).has(polarStem(word)!), `${opposite} / ${word}`).toBe(true);
    }
  });

  it('does not read "after" as the comparative of "aft", nor any word that only ends like one', () => {
    expect(polarStem('after')).toBe(stem('after'));
    expect(antonymsOf(polarStem('after')!).has(stem('fore'))).toBe(false);
    for (const word of ['former', 'number', 'never', 'over', 'under', 'other', 'rather', 'together'])
      expect([stem(word), undefined], word).toContain(polarStem(word));
  });

  it('reads each language as the alternative of every other: English/French, Chinese/Korean', () => {
    expect(antonymsOf(polarStem('english')!).has(polarStem('french')!)).toBe(true);
    expect(antonymsOf(polarStem('korean')!).has(polarStem('chinese')!)).toBe(true);
    expect(antonymsOf(polarStem('english')!).has(polarStem('english')!)).toBe(false);
  });

  it('has no opposite for words of topic: cells, receptor, mice', () => {
    for (const word of ['cells', 'receptor', 'mice']) expect(polarStem(word), word).toBeUndefined();
    expect(antonymsOf('nonexistentword').size).toBe(0);
  });

  it('sets no noun of research prose against a verb of change: "rises" against "a test set", "gives" against "takes", "raises" against "levels"', () => {
    expect(antonymsOf(polarStem('rises')!).has(polarStem('set') ?? 'set')).toBe(false);
    expect(antonymsOf(polarStem('rises')!).has(polarStem('falls')!)).toBe(true);
    expect(polarStem('gives')).toBeUndefined();
    expect(antonymsOf(polarStem('raises') ?? 'rais').has(stem('levels'))).toBe(false);
  });

  it('sets no "side" against a top or a bottom, nor "stands" against "yields", and keeps top/bottom and heavy/light', () => {
    expect(antonymsOf(polarStem('side') ?? 'side').has(polarStem('top') ?? 'top')).toBe(false);
    expect(antonymsOf(polarStem('side') ?? 'side').has(polarStem('bottom') ?? 'bottom')).toBe(false);
    expect(antonymsOf(polarStem('yields') ?? 'yield').has(polarStem('stands') ?? 'stand')).toBe(false);
    expect(antonymsOf(polarStem('top')!).has(polarStem('bottom')!)).toBe(true);
    expect(antonymsOf(polarStem('heavy')!).has(polarStem('light')!)).toBe(true);
  });

  it('reads the "light" of "in light of", "shed light on" and "came to light" as an idiom, other "light" as a word', () => {
    const idiomatic = (text: string) => {
      const words = text.split(' ').map((word) => ({ word }));
      return words.filter((_, i) => idiomaticAt(words, i)).map(({ word }) => word);
    };
    for (const text of [
      'in light of these data',
      'in the light of recent trials',
      'the fits shed light on the halo',
      'it casts new light upon memory',
      'the fraud came to light',
    ])
      expect(idiomatic(text), text).toEqual(['light']);
    for (const text of ['light drinkers had no raised risk', 'mice kept in light slept less', 'a light of 500 lux'])
      expect(idiomatic(text), text).toEqual([]);
  });
});
