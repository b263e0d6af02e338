import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { checkDatabaseInBackground, indexPapers } from '../../indexer/index.ts';
import type { DatabaseVerdict } from '../../indexer/read/integrity-check.ts';
import { IndexHolder } from '../../server/index-holder.ts';
import { buildIndex, holderFor, SAMPLE_PAPERS_FILE, samplePapers } from '../support/sample-index.ts';
import { asUnprivileged, lockDatabase } from '../support/system-failures.ts';
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

/**
 * An integrity check that finds generation 1 sound at once and holds every other check until `finish`
 * (the oldest held first); `asked` lists the files it was asked about.
 */
function heldCheck(): {
  check: (file: string) => Promise<DatabaseVerdict>;
  asked: string[];
  finish: (verdict: DatabaseVerdict) => void;
} {
  const asked: string[] = [];
  const waiting: Array<(verdict: DatabaseVerdict) => void> = [];
  return {
    asked,
    check: (file) => {
      if (file.includes('gen-000001')) return Promise.resolve({ verdict: 'sound' });
      asked.push(file);
      return new Promise((resolve) => waiting.push(resolve));
    },
    finish: (verdict) => waiting.shift()?.(verdict),
  };
}

/** The files this process holds open under `dir` (Linux; empty where /proc is missing). */
function openFilesUnder(dir: string): string[] {
  const fds = '/proc/self/fd';
  if (!fs.existsSync(fds)) return [];
  return fs
    .readdirSync(fds)
    .map((fd) => {
      try {
        return fs.readlinkSync(path.join(fds, fd));
      } catch {
        return '';
      }
    })
    .filter((file) => file.startsWith(dir));
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

  it('serves a library whose integrity check outlasts the wait, then stops serving it when the check finds damage', async () => {
    const { dir } = await buildIndex([firstPapers(10)]);
    let finish: (verdict: DatabaseVerdict) => void = () => {};
    const notices: string[] = [];
    const holder = new IndexHolder({
      offline: true,
      integrityWaitMs: 0,
      checkDatabase: () => new Promise((resolve) => (finish = resolve)),
      onNotice: (m) => notices.push(m),
    });
    await holder.open(dir);
    expect([holder.checking, holder.generation]).toEqual([true, 1]);
    holder.acquire().release();
    finish({
      verdict: 'damaged',
      error: new AppError('INDEX_CORRUPT', 'The index database in gen-000001 is damaged (page 4).'),
    });
    await waitFor(() => !holder.checking && holder.generation === null);
    expect(() => holder.acquire()).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
    expect(holder.problem).toMatchObject({ generation: 1 });
    // `citelens serve` serves MCP tools at /mcp too: the old notice spoke of the API alone.
    expect(notices.join('\n')).toMatch(
      /is damaged \(page 4\)\. The API answers 503 and the MCP tools at \/mcp answer INDEX_CORRUPT until it is rebuilt/,
    );
  });

  it('serves the generation before a damaged one when the check finds the damage after opening', async () => {
    const { dir } = await buildIndex([firstPapers(10)]);
    await publishAll(dir);
    let finish: (verdict: DatabaseVerdict) => void = () => {};
    const holder = new IndexHolder({
      offline: true,
      integrityWaitMs: 0,
      checkDatabase: () => new Promise((resolve) => (finish = resolve)),
    });
    await holder.open(dir);
    expect(holder.generation).toBe(2);
    finish({
      verdict: 'damaged',
      error: new AppError('INDEX_CORRUPT', 'The index database in gen-000002 is damaged.'),
    });
    await waitFor(() => holder.generation === 1);
    expect(holder.problem).toMatchObject({ generation: 2 });
    expect(holder.checking).toBe(false);
    holder.close();
  });

  it('keeps serving a generation whose integrity check could not run, and says what was not checked and why', async () => {
    const { dir } = await buildIndex([firstPapers(10)]);
    let runCheck = () => {};
    const held = new Promise<void>((resolve) => (runCheck = resolve));
    const notices: string[] = [];
    const holder = new IndexHolder({
      offline: true,
      integrityWaitMs: 0,
      // The real check, held back until its database cannot be opened (an I/O error, as a directory in its place gives).
      checkDatabase: async (file) => {
        await held;
        return checkDatabaseInBackground(file);
      },
      onNotice: (m) => notices.push(m),
    });
    await holder.open(dir);
    const file = path.join(dir, 'gen-000001', 'index.db');
    fs.renameSync(file, `${file}.aside`);
    fs.mkdirSync(file);
    runCheck();
    await waitFor(() => !holder.checking);
    await waitFor(() => notices.length > 0);
    // The old code counted the check that could not run as damage and stopped serving the only generation.
    expect([holder.generation, holder.problem]).toEqual([1, undefined]);
    const lease = holder.acquire();
    expect(lease.reader.getPaper(papers[0]!.id)).toBeDefined();
    lease.release();
    expect(notices.join('\n')).toMatch(
      /Could not check index generation 1 for damage: the integrity check of .*index\.db could not run \(.+\)\. It is served unchecked/,
    );
    expect(notices.join('\n')).not.toMatch(/is damaged|503/);
    holder.close();
  });

  it('checks a reloaded generation on a thread of its own: damage keeps the served one, a check that cannot run does not', async () => {
    const { dir } = await buildIndex([firstPapers(10)]);
    const reloadCheck = heldCheck();
    const notices: string[] = [];
    const holder = new IndexHolder({
      offline: true,
      checkDatabase: reloadCheck.check,
      onNotice: (m) => notices.push(m),
    });
    await holder.open(dir);
    await publishAll(dir);
    const damagedReload = holder.reload();
    await waitFor(() => reloadCheck.asked.length === 1);
    // Requests are answered from generation 1 while generation 2 is checked.
    const lease = holder.acquire();
    expect([lease.reader.generation, holder.generation]).toEqual([1, 1]);
    lease.release();
    reloadCheck.finish({
      verdict: 'damaged',
      error: new AppError('INDEX_CORRUPT', 'The index database in gen-000002 is damaged.'),
    });
    await expect(damagedReload).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    expect([holder.generation, holder.problem?.generation]).toEqual([1, 2]);
    await publishAll(dir);
    const uncheckedReload = holder.reload();
    await waitFor(() => reloadCheck.asked.length === 2);
    expect(holder.generation).toBe(1);
    reloadCheck.finish({ verdict: 'unknown', reason: 'EMFILE: too many open files' });
    // The old code checked a reload on the main thread and knew no check that could not run.
    expect(await uncheckedReload).toMatchObject({ changed: true, generation: 3 });
    expect(holder.problem).toBeUndefined();
    expect(notices.join('\n')).toMatch(
      /Could not check index generation 3 for damage: .*\(EMFILE: too many open files\)/,
    );
    holder.close();
  });

  it('closes a reloaded generation instead of serving it when the holder is closed while the reload checks it', async () => {
    const { dir } = await buildIndex([firstPapers(10)]);
    const reloadCheck = heldCheck();
    const served: number[] = [];
    const holder = new IndexHolder({
      offline: true,
      checkDatabase: reloadCheck.check,
      onServe: (reader) => served.push(reader.generation),
    });
    await holder.open(dir);
    await publishAll(dir);
    const reloading = holder.reload();
    await waitFor(() => reloadCheck.asked.length === 1);
    expect(openFilesUnder(path.join(dir, 'gen-000002'))).not.toEqual([]);
    holder.close();
    reloadCheck.finish({ verdict: 'sound' });
    expect(await reloading).toMatchObject({ changed: false, generation: null });
    // The old code served generation 2 after the close, and nothing ever closed it.
    expect([holder.generation, served]).toEqual([null, [1]]);
    expect(openFilesUnder(path.join(dir, 'gen-000002'))).toEqual([]);
  });

  // Regression: reload knew a close during it (s13); open did not, and served what it opened after the close.
  it('stays closed when closed while its first open is in flight, and closes what that open opened', async () => {
    const { dir } = await buildIndex([firstPapers(10)]);
    const served: number[] = [];
    const holder = new IndexHolder({ offline: true, onServe: (reader) => served.push(reader.generation) });
    const opening = holder.open(dir);
    holder.close();
    await expect(opening).rejects.toMatchObject({
      code: 'INDEX_NOT_FOUND',
      message: expect.stringMatching(/was not opened: the holder was closed/),
    });
    expect([holder.generation, served]).toEqual([null, []]);
    expect(openFilesUnder(path.join(dir, 'gen-000001'))).toEqual([]);
  });

  it('refuses an open whose holder is closed while it waits for the integrity check, without calling the index damaged', async () => {
    const { dir } = await buildIndex([firstPapers(10)]);
    let finish: (verdict: DatabaseVerdict) => void = () => {};
    const holder = new IndexHolder({
      offline: true,
      integrityWaitMs: 60_000,
      checkDatabase: () => new Promise((resolve) => (finish = resolve)),
    });
    const opening = holder.open(dir);
    await waitFor(() => holder.generation === 1);
    holder.close();
    finish({ verdict: 'sound' });
    // The old code refused it as INDEX_CORRUPT ("could not be opened") once the check ended.
    await expect(opening).rejects.toMatchObject({ code: 'INDEX_NOT_FOUND' });
    expect([holder.generation, holder.problem]).toEqual([null, undefined]);
    expect(openFilesUnder(path.join(dir, 'gen-000001'))).toEqual([]);
  });

  // Regression: a database it could not read was INDEX_CORRUPT, and the holder served the generation
  // before it as if the newest were damaged. It is kept as the problem (health is not ok), and tried again.
  it('refuses a newest generation it may not read as INDEX_ACCESS_DENIED, serving no older one in its place', async () => {
    const { dir } = await buildIndex([firstPapers(10)]);
    await publishAll(dir);
    fs.chmodSync(path.dirname(dir), 0o755);
    const file = path.join(dir, 'gen-000002', 'index.db');
    fs.chmodSync(file, 0o000);
    const notices: string[] = [];
    const holder = new IndexHolder({ offline: true, onNotice: (m) => notices.push(m) });
    const opening = asUnprivileged(() => holder.open(dir));
    await expect(opening).rejects.toMatchObject({
      code: 'INDEX_ACCESS_DENIED',
      message: expect.stringContaining(`${file}: permission denied (EACCES; SQLite: unable to open database file)`),
    });
    expect([holder.generation, holder.problem?.generation, holder.problem?.error.code, notices]).toEqual([
      null,
      2,
      'INDEX_ACCESS_DENIED',
      [],
    ]);
    expect(() => holder.acquire()).toThrow(expect.objectContaining({ code: 'INDEX_ACCESS_DENIED' }));
    fs.chmodSync(file, 0o644);
    expect(await holder.reload()).toMatchObject({ changed: true, generation: 2 });
    holder.close();
  });

  // Regression (3f9fc70): a file of the newest generation gone was INDEX_UNREADABLE, and the server
  // exited at start instead of serving the generation before it, as it had before.
  it('serves the generation before the newest when its database is gone or a folder stands in its place, and the newest once it is back', async () => {
    const { dir } = await buildIndex([firstPapers(10)]);
    await publishAll(dir);
    const file = path.join(dir, 'gen-000002', 'index.db');
    fs.renameSync(file, `${file}.aside`);
    fs.mkdirSync(file);
    const notices: string[] = [];
    const holder = new IndexHolder({ offline: true, onNotice: (m) => notices.push(m) });
    expect((await holder.open(dir)).generation).toBe(1);
    expect([holder.generation, holder.problem?.generation, holder.problem?.error.code]).toEqual([
      1,
      2,
      'INDEX_UNREADABLE',
    ]);
    expect(notices.join('\n')).toMatch(
      /Index generation 2 could not be read: .*a folder is where the file should be.* Serving generation 1, the one before it/,
    );
    holder.close();
    fs.rmdirSync(file);
    // Deleted outright: the same, and a watcher keeps trying it (it was not found damaged).
    const watching = new IndexHolder({ offline: true });
    expect((await watching.open(dir)).generation).toBe(1);
    expect(watching.problem?.error.message).toMatch(/the file is missing/);
    watching.watch(20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    fs.renameSync(`${file}.aside`, file);
    await waitFor(() => watching.generation === 2, 10_000);
    expect(watching.problem).toBeUndefined();
    watching.close();
  });

  // Regression: each watch tick opened the newest database synchronously and waited out SQLite's 5 s
  // busy timeout while another process held a lock on it, freezing every request meanwhile.
  it('keeps the event loop running while another connection holds a lock on the newest database it watches', async () => {
    const { dir } = await buildIndex([firstPapers(10)]);
    const notices: string[] = [];
    const holder = new IndexHolder({ offline: true, onNotice: (m) => notices.push(m) });
    await holder.open(dir);
    await publishAll(dir);
    const unlock = lockDatabase(path.join(dir, 'gen-000002', 'index.db'));
    let maxLagMs = 0;
    try {
      holder.watch(50);
      const until = Date.now() + 2_500;
      while (Date.now() < until) {
        const before = Date.now();
        await new Promise((resolve) => setTimeout(resolve, 20));
        maxLagMs = Math.max(maxLagMs, Date.now() - before - 20);
      }
      // The old code stalled about 5 s on each try.
      expect(maxLagMs).toBeLessThan(2_000);
      expect([holder.generation, holder.problem?.generation, holder.problem?.error.code]).toEqual([1, 2, 'INDEX_BUSY']);
    } finally {
      unlock();
    }
    expect(notices.filter((m) => m.startsWith('Could not load index generation 2'))).toHaveLength(1);
    // Tried again, less and less often, until the lock is gone.
    await waitFor(() => holder.generation === 2, 15_000);
    expect(holder.problem).toBeUndefined();
    holder.close();
  }, 30_000);

  it('opens as before when the check ends within the wait', async () => {
    const { dir } = await buildIndex([firstPapers(10)]);
    const holder = new IndexHolder({ offline: true, checkDatabase: async () => ({ verdict: 'sound' }) });
    await holder.open(dir);
    expect([holder.checking, holder.generation, holder.problem]).toEqual([false, 1, undefined]);
    holder.close();
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

  // Regression: reload compared generation numbers only, and an index deleted and built again from
  // scratch publishes generation 1 again, so the server went on serving the deleted index.
  it('reloads an index rebuilt from scratch in the same folder, though it publishes the same generation number', async () => {
    const { dir } = await buildIndex([firstPapers(5)]);
    const holder = await holderFor(dir);
    const old = holder.acquire();
    fs.rmSync(dir, { recursive: true, force: true });
    await publishAll(dir);
    expect(await holder.reload()).toEqual({ changed: true, previous: 1, generation: 1 });
    const fresh = holder.acquire();
    expect(fresh.reader).not.toBe(old.reader);
    expect(fresh.reader.manifest.papers).toBe(papers.length);
    expect(old.reader.manifest.papers).toBe(5);
    old.release();
    fresh.release();
    expect(await holder.reload()).toEqual({ changed: false, previous: 1, generation: 1 });
  });

  it('picks up an index rebuilt from scratch with the same generation number when watching', async () => {
    const { dir } = await buildIndex([firstPapers(5)]);
    const holder = new IndexHolder({ offline: true });
    await holder.open(dir);
    const stop = holder.watch(20);
    try {
      fs.rmSync(dir, { recursive: true, force: true });
      await publishAll(dir);
      await waitFor(() => holder.generation === 1 && holder.acquire().reader.manifest.papers === papers.length);
    } finally {
      stop();
      holder.close();
    }
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
