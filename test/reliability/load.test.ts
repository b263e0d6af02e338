// The load test with a small bound, run on its own after the suite (`npm run test:load`): a
// 1,500-paper library served by a child `citelens serve`, 8 connections mixing search, ask and
// verify for 5 s. The full run (10,000 papers, 32 connections, 20 s) is `npm run load`.
import { describe, expect, it } from 'vitest';
import { formatReport, percentile, rssGrowth, runLoad } from '../load/run-load.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('the load test', () => {
  it('measures percentiles by nearest rank and RSS growth between the first and last quarter', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 0.5), percentile(values, 0.99), percentile([], 0.5)]).toEqual([50, 99, 0]);
    const samples = [0, 250, 500, 750, 1000].map((atMs, i) => ({
      atMs,
      bytes: (100 + i * 5) * 1024 * 1024,
      anonBytes: (60 + i) * 1024 * 1024,
    }));
    const rss = rssGrowth(samples, 1000);
    expect(rss.firstQuarterMb).toBe(102.5);
    expect(rss.lastQuarterMb).toBe(117.5);
    expect([rss.anonFirstQuarterMb, rss.anonLastQuarterMb]).toEqual([60.5, 63.5]);
    expect(rss.growth).toBeCloseTo(117.5 / 102.5 - 1, 10);
  });

  it('serves 1,500 papers to 8 connections mixing search, ask and verify for 5 s with no error, timeout or non-2xx, and stable memory', async () => {
    // Three seconds of warm-up: in the first ones V8 compiles the request paths and grows its young generation,
    // which a 5 s window would count as growth (`npm run load` warms up for 10 s before 20 s of load). RSS
    // before collection is not a leak signal on its own: V8 keeps growing its heap for a while when each
    // request makes more garbage (11–17% in 5 s was measured while 9,000 requests sent in process left the
    // heap flat after full collections), so this short run bounds it loosely; `npm run load` keeps 10%.
    const report = await runLoad({ papers: 1_500, seconds: 5, connections: 8, warmupSeconds: 3, cacheDir: tempDir() });
    const summary = formatReport(report);
    expect(report.kinds.map((k) => k.kind)).toEqual(['search', 'ask', 'verify']);
    for (const kind of report.kinds) expect(kind.requests, summary).toBeGreaterThan(0);
    expect(report.kinds[0]!.requests, summary).toBeGreaterThan(report.kinds[1]!.requests);
    expect(report.total).toMatchObject({ errors: 0, timeouts: 0, non2xx: 0 });
    expect(report.serverErrors, summary).toEqual([]);
    expect(report.rss.samples, summary).toBeGreaterThanOrEqual(15);
    expect(report.rss.growth, summary).toBeLessThan(0.25);
    expect(
      report.targets.filter((t) => !t.ok && !t.name.startsWith('RSS growth')),
      summary,
    ).toEqual([]);
  }, 120_000);
});
