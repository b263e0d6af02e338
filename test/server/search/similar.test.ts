import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { similarPapers } from '../../../server/search/index.ts';
import { buildSearchIndex, HAND_PAPERS, type SearchFixture } from './search-fixture.ts';

let fixture: SearchFixture;

// A replication that reuses most of the perovskite paper's words: its nearest neighbour by any measure.
const REPLICATION = {
  id: 'perovskite-replication',
  title: 'Humidity and Perovskite Solar Cells, Replicated',
  abstract: 'Perovskite films degrade in humid air; a polymer coating keeps the cells efficient for hours of exposure.',
};

beforeAll(async () => {
  fixture = await buildSearchIndex([...HAND_PAPERS, REPLICATION]);
});

afterAll(() => fixture?.close());

describe('similar', () => {
  it('returns the k nearest papers, best first, without the paper itself', () => {
    const response = similarPapers(fixture.reader, 'sparse-attention', 4);
    expect(response.paperId).toBe('sparse-attention');
    expect(response.results).toHaveLength(4);
    expect(response.results.map((r) => r.paper.id)).not.toContain('sparse-attention');
    const scores = response.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('puts the paper that shares the most words first', () => {
    const response = similarPapers(fixture.reader, 'perovskite-solar', 3);
    expect(response.results[0]!.paper.id).toBe('perovskite-replication');
    expect(response.results[0]!.score).toBeGreaterThan(0.9);
  });

  it('returns every other paper when k exceeds them', () => {
    const response = similarPapers(fixture.reader, 'perovskite-solar', 100);
    expect(response.results.length).toBe(HAND_PAPERS.length);
    expect(response.results.map((r) => r.paper.id)).not.toContain('perovskite-solar');
  });

  it('refuses an unknown paper id with PAPER_NOT_FOUND', () => {
    expect(() => similarPapers(fixture.reader, 'no-such-paper', 5)).toThrow(
      expect.objectContaining({ code: 'PAPER_NOT_FOUND', details: { paperId: 'no-such-paper' } }),
    );
  });

  it.each([0, 101, 2.5])('refuses k = %s naming the field k', (k) => {
    expect(() => similarPapers(fixture.reader, 'sparse-attention', k)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', details: { field: 'k' } }),
    );
  });
});
