import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { currentGeneration } from '../../../indexer/index.ts';
import { createApp } from '../../../server/app.ts';
import type { AppEnv } from '../../../server/http/app-env.ts';
import { appErrorOf, createErrorHandler, handleNotFound } from '../../../server/http/error-handler.ts';
import { requireIndex } from '../../../server/http/index.middleware.ts';
import { buildIndex, holderFor, sampleIndex, samplePapers, testConfig } from '../../support/sample-index.ts';
import { lockDatabase } from '../../support/system-failures.ts';

function appThrowing(error: unknown, log: (message: string) => void = () => {}) {
  const app = new Hono();
  app.onError(createErrorHandler(log));
  app.notFound(handleNotFound);
  app.get('/boom', () => {
    throw error;
  });
  return app;
}

describe('error-handler', () => {
  it('answers an AppError with the status of its code and its message, details and hint', async () => {
    const res = await appThrowing(new AppError('PAPER_NOT_FOUND', "No paper has the id 'x'.", { id: 'x' })).request(
      '/boom',
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: {
        code: 'PAPER_NOT_FOUND',
        message: "No paper has the id 'x'.",
        details: { id: 'x' },
        hint: 'List papers with `citelens search` or GET /api/search.',
      },
    });
  });

  it('answers an unexpected error with a generic 500 and logs the stack instead of returning it', async () => {
    const logged: string[] = [];
    const error = new Error('SQLITE_CORRUPT at /home/me/secret/index.db');
    const res = await appThrowing(error, (message) => logged.push(message)).request('/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text).error).toMatchObject({
      code: 'INTERNAL',
      message: 'The server failed to handle this request.',
    });
    expect(text).not.toContain('secret');
    expect(text).not.toContain('SQLITE');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('GET /boom');
    expect(logged[0]).toContain(error.stack!);
  });

  it('uses the AppError an HTTPException carries as its cause', async () => {
    const res = await appThrowing(new HTTPException(503, { cause: new AppError('OVERLOADED', 'Busy.') })).request(
      '/boom',
    );
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('OVERLOADED');
  });

  it("maps Hono's own exceptions onto the error table", async () => {
    const tooLarge = await appThrowing(new HTTPException(413)).request('/boom');
    expect([tooLarge.status, (await tooLarge.json()).error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const teapot = await appThrowing(new HTTPException(418, { message: 'teapot internals' })).request('/boom');
    expect([teapot.status, (await teapot.json()).error.code]).toEqual([500, 'INTERNAL']);
  });

  it('answers an unknown route with a JSON 404 naming the method and path', async () => {
    const res = await appThrowing(new Error()).request('/nowhere', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'NOT_FOUND', message: 'No route matches DELETE /nowhere.' });
  });

  it('says that routes take no trailing slash when a path that ends with one matches nothing', async () => {
    const app = createApp({ holder: await holderFor(await sampleIndex()), config: testConfig() });
    const res = await app.request('/api/search/?q=attention');
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No route matches GET /api/search/. Routes take no trailing slash: try /api/search.',
    });
  });

  it('answers SQLite damage met while answering with 503 INDEX_CORRUPT, and health stops saying ok', async () => {
    const holder = await holderFor(await sampleIndex());
    const damage = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    const logged: string[] = [];
    const app = new Hono<AppEnv>();
    app.onError(createErrorHandler((message) => logged.push(message)));
    app.use('*', async (c, next) => {
      c.set('holder', holder);
      await next();
    });
    app.get('/boom', requireIndex, () => {
      throw damage;
    });
    const res = await app.request('/boom');
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatchObject({ code: 'INDEX_CORRUPT' });
    expect(logged).toHaveLength(1);
    const health = await createApp({ holder, config: testConfig() }).request('/api/health');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'corrupt', generation: 1 });
  });

  it('names no server path in an error body', async () => {
    const res = await appThrowing(
      new AppError(
        'INDEX_CORRUPT',
        `The index database in ${path.join(os.tmpdir(), 'x', 'index', 'gen-000002')} is damaged.`,
      ),
    ).request('/boom');
    const body = await res.text();
    expect(body).not.toContain(os.tmpdir());
    expect(JSON.parse(body).error.message).toBe('The index database in …/gen-000002 is damaged.');
  });

  // Regression: a query that met another process's lock waited 5 s on the main thread, then answered
  // 500 INTERNAL ("a bug in Citelens").
  it('answers a request that meets a lock on the served database 503 INDEX_BUSY after a short wait, naming no server path', async () => {
    const { dir } = await buildIndex();
    const holder = await holderFor(dir);
    const logged: string[] = [];
    const app = createApp({ holder, config: testConfig(), log: (message) => logged.push(message) });
    const id = samplePapers()[0]!.id;
    const unlock = lockDatabase(path.join(currentGeneration(dir)!.dir, 'index.db'));
    let res: Response;
    const started = performance.now();
    try {
      res = await app.request(`/api/papers/${encodeURIComponent(id)}`);
    } finally {
      unlock();
    }
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text).error).toEqual({
      code: 'INDEX_BUSY',
      message:
        'Could not read the index file …/index.db while answering: the database is locked by another connection (SQLITE_BUSY).',
      details: { code: 'SQLITE_BUSY' },
      hint: expect.stringMatching(/holds a lock.*do not rebuild/),
    });
    expect(text).not.toContain(path.dirname(dir));
    // The log keeps where it was met.
    expect(logged).toEqual([
      expect.stringMatching(/INDEX_BUSY in GET \/api\/papers\/.*SqliteError: database is locked\n\s+at /s),
    ]);
    expect((await app.request(`/api/papers/${encodeURIComponent(id)}`)).status).toBe(200);
  });

  it("answers the system's want of file handles or memory met while answering 503 RESOURCES_EXHAUSTED, logging the stack", async () => {
    for (const error of [
      Object.assign(new Error("EMFILE: too many open files, open '/srv/words.txt'"), {
        code: 'EMFILE',
        path: '/srv/words.txt',
      }),
      Object.assign(new Error('out of memory'), { code: 'SQLITE_NOMEM' }),
    ]) {
      const logged: string[] = [];
      const res = await appThrowing(error, (message) => logged.push(message)).request('/boom');
      expect(res.status, error.code).toBe(503);
      expect((await res.json()).error, error.code).toMatchObject({
        code: 'RESOURCES_EXHAUSTED',
        details: { code: error.code },
        hint: expect.stringContaining('ulimit -n'),
      });
      expect(logged, error.code).toEqual([expect.stringContaining(error.stack!)]);
    }
  });

  // Regression (review of 6a77771): a full disk was RESOURCES_EXHAUSTED with the hint to raise
  // `ulimit -n`, and an upload's write to it said "Could not read the file".
  it('answers a full disk met while answering 503 DISK_FULL with the hint to free space, saying what was done with the file', async () => {
    const upload = path.join(os.tmpdir(), 'citelens-uploads', 'u1', 'papers.jsonl');
    for (const error of [
      Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
      Object.assign(new Error(`ENOSPC: no space left on device, write '${upload}'`), {
        code: 'ENOSPC',
        syscall: 'write',
        path: upload,
      }),
    ]) {
      const res = await appThrowing(error).request('/boom');
      expect(res.status, error.code).toBe(503);
      const body = (await res.json()).error;
      expect(body, error.code).toMatchObject({
        code: 'DISK_FULL',
        message: expect.stringContaining('no space left on the disk'),
        details: { code: error.code },
        hint: expect.stringMatching(/^Free space on the disk that holds the index, .*temporary folder \(TMPDIR\)/),
      });
      expect(body.hint, error.code).not.toContain('ulimit');
    }
    const written = appErrorOf(
      Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC', syscall: 'write', path: upload }),
      { where: 'the indexing of upload u1', log: () => {} },
    );
    expect(written.message).toBe(
      `Could not write the file ${upload} while answering: no space left on the disk (ENOSPC).`,
    );
  });

  it('names the database of the generation the request read in a failure to read it', () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const error = appErrorOf(busy, {
      where: 'the tool call search_papers',
      log: () => {},
      holder: { dir: '/i' },
      reader: { generation: 7, generationDir: path.join('/i', 'gen-000007') },
    });
    expect(error).toMatchObject({
      code: 'INDEX_BUSY',
      message: expect.stringContaining(path.join('/i', 'gen-000007', 'index.db')),
    });
  });

  // Regression (review of 6a77771): damage was reported for the generation served when the error was
  // mapped, not the one the request read, so a request still running on a generation a fall back
  // replaced blamed the sound one now served.
  it('reports damage met while answering for the generation the request read, and for none when it read none', async () => {
    const reports: Array<{ code: string; generation: number }> = [];
    const holder = {
      dir: '/i',
      reportDamage: (error: AppError, reader: { generation: number }) =>
        reports.push({ code: error.code, generation: reader.generation }),
    };
    const read = { generation: 2, generationDir: path.join('/i', 'gen-000002') };
    const app = new Hono<{ Variables: { holder: typeof holder; index: typeof read } }>();
    app.onError(createErrorHandler(() => {}));
    app.use('*', async (c, next) => {
      c.set('holder', holder);
      if (c.req.path === '/read') c.set('index', read);
      await next();
    });
    const damage = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    app.get('*', () => {
      throw damage;
    });
    expect((await app.request('/read')).status).toBe(503);
    expect(reports).toEqual([{ code: 'INDEX_CORRUPT', generation: 2 }]);
    expect((await app.request('/elsewhere')).status).toBe(503);
    expect(reports).toHaveLength(1);
  });
});
