import { describe, expect, it } from 'vitest';
import { coverageConflict, coverageOf } from '../../../../server/verify/judge/coverage.ts';

describe('coverage', () => {
  it('reads how thoroughly a sentence says something is treated, as phrases', () => {
    for (const text of [
      'Hybrid retrieval is studied in depth.',
      'An in-depth analysis of hybrid retrieval.',
      'We discuss hybrid retrieval in detail.',
      'Hybrid retrieval is thoroughly evaluated.',
      'The survey covers hybrid retrieval extensively.',
    ])
      expect(coverageOf(text), text).toBe(1);
    for (const text of [
      'The survey mentions hybrid retrieval only briefly.',
      'Hybrid retrieval is mentioned in passing.',
      'The survey only touches on hybrid retrieval.',
      'Hybrid retrieval is treated superficially.',
    ])
      expect(coverageOf(text), text).toBe(-1);
    expect(coverageOf('Hybrid retrieval combines sparse and dense retrievers.')).toBe(0);
    // A sentence-opening "Briefly," summarises a method; it says nothing of coverage.
    expect(coverageOf('Briefly, cells were lysed and the lysate studied in depth.')).toBe(1);
    expect(coverageOf('Briefly, cells were lysed and centrifuged.')).toBe(0);
  });

  it('finds a conflict only between opposite coverages', () => {
    expect(coverageConflict('It mentions X only briefly.', 'X is studied in depth.')).toBe(true);
    expect(coverageConflict('It studies X in detail.', 'X is studied in depth.')).toBe(false);
    expect(coverageConflict('It mentions X.', 'X is studied in depth.')).toBe(false);
  });
});
