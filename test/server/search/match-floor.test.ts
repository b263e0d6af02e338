import { describe, expect, it } from 'vitest';
import { clearsMatchFloor, MATCH_FLOOR } from '../../../server/search/match-floor.ts';

describe('match-floor', () => {
  it('lets a score through from the given share of the best score on', () => {
    const best = 0.5;
    expect(clearsMatchFloor(best * MATCH_FLOOR.semanticShareOfBest, best)).toBe(true);
    expect(clearsMatchFloor(best * MATCH_FLOOR.semanticShareOfBest - 1e-6, best)).toBe(false);
  });

  it('lets nothing through when the best score is not above zero', () => {
    expect(clearsMatchFloor(0, 0)).toBe(false);
    expect(clearsMatchFloor(-0.1, -0.1)).toBe(false);
  });
});
