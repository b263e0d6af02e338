import { describe, expect, it } from 'vitest';
import { matchingPapersCount, resultSummary } from '../../../server/search/match-summary.ts';

const page = (matches: boolean[], total: number, totalIsLowerBound = false) => ({
  results: matches.map((match) => ({ match })),
  total,
  totalIsLowerBound,
});

describe('match-summary', () => {
  it('counts the matching papers, saying when the count is a lower bound', () => {
    expect(matchingPapersCount({ total: 1, totalIsLowerBound: false })).toBe('1 matching paper');
    expect(matchingPapersCount({ total: 1, totalIsLowerBound: true })).toBe('at least 1 matching papers');
    expect(matchingPapersCount({ total: 1234, totalIsLowerBound: false })).toBe('1,234 matching papers');
  });

  it('gives a page of matches the count of all of them', () => {
    expect(resultSummary(page([true, true, true], 44), 0)).toBe('Results 1–3 of 44 matching papers');
    expect(resultSummary(page([true], 1), 0)).toBe('1 result of 1 matching paper');
  });

  it('says a page that goes on past the matches holds those closest in meaning too', () => {
    expect(resultSummary(page([true, true, false], 2), 0)).toBe(
      'Results 1–3: 2 matching papers and those closest in meaning',
    );
  });

  it('says a page wholly past the matches is past them, not "of" them (the CLI said "Results 11–13 of 4 matching papers")', () => {
    expect(resultSummary(page([false, false, false], 4), 10)).toBe(
      'Results 11–13: past the 4 matching papers, those closest in meaning',
    );
  });

  it('says when no paper matches at all', () => {
    expect(resultSummary(page([false], 0), 0)).toBe('1 result: no paper matches; this is the one closest in meaning');
    expect(resultSummary(page([false, false], 0), 0)).toBe(
      'Results 1–2: no paper matches; these are the ones closest in meaning',
    );
    expect(resultSummary(page([], 0), 0)).toBe('No results');
  });

  it('says an empty page past the last result is past it, and that papers do match', () => {
    expect(resultSummary(page([], 44), 500)).toBe('No results on this page: the search has 44 matching papers');
    expect(resultSummary(page([], 0), 500)).toBe('No results');
  });
});
