import { describe, expect, it } from 'vitest';
import { generateQueries } from '../../../bench/corpus/generate-queries.ts';
import { benchFloor } from '../../../bench/stages/floor.bench.ts';
import { openIndex } from '../../../indexer/index.ts';
import { sampleIndex, samplePapers } from '../../support/sample-index.ts';

describe('floor.bench', () => {
  it('times HNSW, FTS5 and the postings on every query and finds their keyword top 10 the same', async () => {
    const reader = await openIndex(await sampleIndex(), { offline: true });
    try {
      // Titles of the sample library match it well; generated queries also bring words it lacks.
      const queries = [...samplePapers().map((paper) => paper.title), ...generateQueries(20).map((q) => q.text)];
      const floor = await benchFloor(reader, queries);

      expect(floor.agreement.queries).toBe(floor.fts.count);
      expect(floor.agreement.queries).toBeGreaterThan(samplePapers().length - 1);
      expect(floor.agreement.hits).toBeGreaterThan(2 * floor.agreement.queries);
      expect(floor.agreement.differing).toBe(0);
      expect(floor.agreement.maxScoreDifference).toBe(0);
      for (const latency of [floor.hnsw, floor.fts, floor.postings, floor.combined, floor.combinedPostings]) {
        expect(latency.count).toBe(floor.agreement.queries);
      }
      expect(floor.combined.meanMs).toBeCloseTo(floor.hnsw.meanMs + floor.fts.meanMs, 6);
      expect(floor.combinedPostings.meanMs).toBeCloseTo(floor.hnsw.meanMs + floor.postings.meanMs, 6);
      expect(floor.ftsBuildSeconds).toBeGreaterThan(0);
    } finally {
      reader.close();
    }
  });
});
