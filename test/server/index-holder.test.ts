import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexPapers } from '../../indexer/index.ts';
import { IndexHolder } from '../../server/index-holder.ts';
import { buildIndex, holderFor, SAMPLE_PAPERS_FILE, samplePapers } from '../support/sample-index.ts';
import { tempDir } from '../support/temp-dir.ts';

const papers = samplePapers();

/** A JSON Lines file of the first `count` sample papers. */
function firstPapers(count: number): string {
  const file = path.join(tempDir(), 'first.jsonl');
  fs.writeFileSync(
    file,
    `${papers
      .slice(0, count)
      .map((p) => JSON.stringify(p))
      .join('\n')}\n`,
  );
  return file;
}

async function publishAll(dir: string): Promise<void> {
  await indexPapers({ indexDir: dir, files: [SAMPLE_PAPERS_FILE], embedder: 'builtin', offline: true });
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('IndexHolder', () => {
  it('refuses a lease with INDEX_NOT_FOUND while no index is loaded', async () => {
    const holder = await holderFor();
    expect(holder.generation).toBeNull();
    expect(() => holder.acquire()).toThrow(expect.objectContaining({ code: 'INDEX_NOT_FOUND' }));
  });

  it('remembers a folder without an index and loads the index once one is published there', async () => {
    const dir = path.join(tempDir(), 'index');
    const holder = await holderFor();
    await expect(holder.open(dir)).rejects.toMatchObject({ code: 'INDEX_NOT_FOUND' });
    await publishAll(dir);
    expect(await holder.reload()).toEqual({ changed: true, previous: null, generation: 1 });
    const lease = holder.acquire();
    expect(lease.reader.manifest.papers).toBe(papers.length);
    lease.release();
    holder.close();
  });

  it('keeps a running request on its generation while a reload swaps in the next one', async () => {
    const { dir } = await buildIndex([firstPapers(10)]);
    const holder = await holderFor(dir);
    const inFlight = holder.acquire();
    await publishAll(dir);

    expect(await holder.reload()).toEqual({ changed: true, previous: 1, generation: 2 });
    const next = holder.acquire();
    expect(next.reader.generation).toBe(2);
    expect(next.reader.getPaper(papers[20]!.id)).toBeDefined();
    // The old generation stays open and unchanged for the request that holds it.
    expect(inFlight.reader.generation).toBe(1);
    expect(inFlight.reader.getPaper(papers[0]!.id)?.paper.title).toBe(papers[0]!.title);
    expect(inFlight.reader.getPaper(papers[20]!.id)).toBeUndefined();

    inFlight.release();
    // Closed once its last lease is released.
    expect(() => inFlight.reader.getPaper(papers[0]!.id)).toThrow();
    next.release();
    expect(next.reader.getPaper(papers[0]!.id)).toBeDefined();
  });

  it('hands each generation it starts serving to onServe, at open and on reload', async () => {
    const { dir } = await buildIndex([firstPapers(10)]);
    const served: number[] = [];
    const holder = new IndexHolder({ offline: true, onServe: (reader) => served.push(reader.generation) });
    await holder.open(dir);
    await publishAll(dir);
    await holder.reload();
    await holder.reload();
    expect(served).toEqual([1, 2]);
    holder.close();
  });

  it('does nothing on reload when the published generation is the one being served', async () => {
    const holder = await holderFor(await buildIndex().then((b) => b.dir));
    const before = holder.acquire();
    expect(await holder.reload()).toEqual({ changed: false, previous: 1, generation: 1 });
    expect(holder.acquire().reader).toBe(before.reader);
  });

  it('counts leases, so releasing one twice does not close a reader another request still holds', async () => {
    const { dir } = await buildIndex([firstPapers(5)]);
    const holder = await holderFor(dir);
    const first = holder.acquire();
    const second = holder.acquire();
    await publishAll(dir);
    await holder.reload();
    first.release();
    first.release();
    expect(second.reader.getPaper(papers[0]!.id)).toBeDefined();
    second.release();
    expect(() => second.reader.getPaper(papers[0]!.id)).toThrow();
  });

  it('shares one reload between concurrent callers', async () => {
    const { dir } = await buildIndex([firstPapers(5)]);
    const holder = await holderFor(dir);
    await publishAll(dir);
    const [a, b] = await Promise.all([holder.reload(), holder.reload()]);
    expect(a).toBe(b);
    expect(holder.generation).toBe(2);
  });

  it('picks up a newly published generation when watching the index folder', async () => {
    const { dir } = await buildIndex([firstPapers(5)]);
    const notices: string[] = [];
    const holder = new IndexHolder({ offline: true, onNotice: (message) => notices.push(message) });
    await holder.open(dir);
    const stop = holder.watch(20);
    try {
      await publishAll(dir);
      await waitFor(() => holder.generation === 2);
      expect(notices).toContain('Now serving index generation 2.');
    } finally {
      stop();
      holder.close();
    }
  });

  it('closes the served generation on close once its leases are released', async () => {
    const holder = new IndexHolder({ offline: true });
    await holder.open(await buildIndex([firstPapers(5)]).then((b) => b.dir));
    const lease = holder.acquire();
    holder.close();
    expect(holder.generation).toBeNull();
    expect(lease.reader.getPaper(papers[0]!.id)).toBeDefined();
    lease.release();
    expect(() => lease.reader.getPaper(papers[0]!.id)).toThrow();
  });
});
