import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { currentGeneration } from '../../../indexer/store/generations.ts';
import { createApp } from '../../../server/app.ts';
import { IndexHolder } from '../../../server/index-holder.ts';
import { UPLOAD_LIMITS } from '../../../server/library/index.ts';
import { uploadsFolder } from '../../../server/library/uploads-folder.ts';
import { damageDatabasePages } from '../../support/damage-index.ts';
import { buildIndex, holderFor, testConfig } from '../../support/sample-index.ts';
import { syntheticPapers, writeJsonl } from '../../support/synthetic-papers.ts';
import { tempDir } from '../../support/temp-dir.ts';

const ORIGIN = 'http://localhost';
let indexDir: string;
beforeAll(async () => {
  ({ dir: indexDir } = await buildIndex([writeJsonl(tempDir(), 'start.jsonl', syntheticPapers(12))]));
});

async function appWith(env: Record<string, string> = {}) {
  return createApp({ holder: await holderFor(indexDir), config: testConfig(env) });
}
type App = Awaited<ReturnType<typeof appWith>>;

const post = (app: App, path: string, body?: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
  app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/octet-stream', ...headers },
    ...(body === undefined ? {} : { body }),
  });

/** The events of a server-sent event stream body. */
async function events(response: Response): Promise<Array<{ event: string; data: Record<string, unknown> }>> {
  return (await response.text())
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null'),
    }));
}

/** Sends each file's bytes (a string is sent as UTF-8) in parts, as the page does. */
async function upload(app: App, files: Record<string, string | Uint8Array<ArrayBuffer>>) {
  const created = await post(app, '/api/library/uploads');
  expect(created.status).toBe(201);
  const { id } = await created.json();
  for (const [name, content] of Object.entries(files)) {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    for (let part = 0, at = 0; at < bytes.length || part === 0; part++, at += UPLOAD_LIMITS.maxPartBytes) {
      const res = await post(
        app,
        `/api/library/uploads/${id}/files/${encodeURIComponent(name)}?part=${part}`,
        bytes.slice(at, at + UPLOAD_LIMITS.maxPartBytes),
      );
      expect(res.status, await res.clone().text()).toBe(200);
    }
  }
  return id as string;
}

const jsonl = (records: Array<Record<string, unknown>>) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('library upload routes', () => {
  it('indexes uploaded files with progress events and serves the new generation without a restart', async () => {
    const app = await appWith();
    const before = await (await app.request('/api/library?limit=0')).json();
    const added: Array<Record<string, unknown>> = syntheticPapers(30, 7).map((paper, i) => ({
      ...paper,
      id: `uploaded-${i}`,
    }));
    // Longer than one part, so the parts are joined in order.
    const padded = added.map((paper) => ({
      ...paper,
      abstract: `${String(paper.abstract)} ${'padding words '.repeat(600)}`,
    }));
    const id = await upload(app, { 'new papers.jsonl': jsonl(padded) });
    const res = await post(app, `/api/library/uploads/${id}/index`);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const stream = await events(res);
    expect(stream.some((e) => e.event === 'progress')).toBe(true);
    const done = stream.at(-1);
    expect(done?.event).toBe('done');
    expect(done?.data).toMatchObject({ added: 30, papers: before.total + 30 });
    const after = await (await app.request('/api/library?text=study&limit=0')).json();
    expect(after.total).toBe(before.total + 30);
    expect((await app.request('/api/papers/uploaded-3')).status).toBe(200);
    // The upload is gone once indexed.
    expect((await post(app, `/api/library/uploads/${id}/index`)).status).toBe(404);
  });

  it('sends files as the bytes on disk, so a Windows-1252 file is read as the CLI reads it', async () => {
    const app = await appWith();
    // "Café society: naïve élites" in Windows-1252: é is 0xE9, ï is 0xEF; not valid UTF-8.
    const record = '{"id": "cafe-1", "title": "Caf\u00e9 society: na\u00efve \u00e9lites", "abstract": "A study."}\n';
    const bytes = Uint8Array.from([...record].map((char) => char.charCodeAt(0)));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const id = await upload(app, { 'cafe.jsonl': bytes });
    const done = (await events(await post(app, `/api/library/uploads/${id}/index`))).at(-1);
    expect(done?.event).toBe('done');
    const paper = await (await app.request('/api/papers/cafe-1')).json();
    expect(paper.paper.title).toBe('Café society: naïve élites');
  });

  it('refuses a part larger than the part limit', async () => {
    const app = await appWith();
    const { id } = await (await post(app, '/api/library/uploads')).json();
    const res = await post(
      app,
      `/api/library/uploads/${id}/files/big.jsonl?part=0`,
      new Uint8Array(UPLOAD_LIMITS.maxPartBytes + 1).fill(0x20),
    );
    expect(res.status).toBe(413);
  });

  it('refuses unusable records with the located problems the CLI would print, and indexes the rest', async () => {
    const app = await appWith();
    const id = await upload(app, {
      'broken.jsonl': `${JSON.stringify({ id: 'ok-1', title: 'Fine paper' })}\n{"id": "bad-2", "title": ""}\nnot json\n`,
    });
    const done = (await events(await post(app, `/api/library/uploads/${id}/index`))).at(-1);
    expect(done?.event).toBe('done');
    expect(done?.data.added).toBe(1);
    const problems = done?.data.skipped as Array<{ text: string; file: string; line: number }>;
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['broken.jsonl', 2],
      ['broken.jsonl', 3],
    ]);
    expect(problems[0]?.text).toMatch(/^broken\.jsonl:2 .*title/);
    expect(JSON.stringify(done)).not.toContain('citelens-uploads');
  });

  it('changes nothing and says why, naming file and line, when no record is usable', async () => {
    const app = await appWith();
    const before = await (await app.request('/api/health')).json();
    const id = await upload(app, { 'all-bad.jsonl': 'not json\n{"id": "x", "title": ""}\n' });
    const error = (await events(await post(app, `/api/library/uploads/${id}/index`))).at(-1);
    expect(error?.event).toBe('error');
    expect(error?.data.code).toBe('INVALID_PAPERS');
    expect(JSON.stringify(error)).not.toContain('citelens-uploads');
    expect((await (await app.request('/api/health')).json()).generation).toBe(before.generation);
    // The old hint named --strict, --skip-invalid and --format, which the page has not.
    expect(error?.data.hint).not.toMatch(/--/);
    expect(error?.data.hint).toMatch(/add the file again/);
  });

  it('answers an upload onto an index whose database went bad INDEX_CORRUPT with the rebuild, naming no server path', async () => {
    const { dir } = await buildIndex([writeJsonl(tempDir(), 'start.jsonl', syntheticPapers(12))]);
    const app = createApp({ holder: await holderFor(dir), config: testConfig() });
    damageDatabasePages(path.join(currentGeneration(dir)!.dir, 'index.db'));
    const id = await upload(app, { 'more.jsonl': jsonl(syntheticPapers(3, 100)) });
    const error = (await events(await post(app, `/api/library/uploads/${id}/index`))).at(-1);
    // The old code said INDEX_WRITE_FAILED ("check free disk space") and named the index folder.
    expect(error?.data).toMatchObject({ code: 'INDEX_CORRUPT', hint: expect.stringMatching(/--rebuild/) });
    expect(JSON.stringify(error)).not.toContain(dir);
  });

  it("answers a file whose format cannot be told with a hint about its extension, not the CLI's --format", async () => {
    const app = await appWith();
    const id = await upload(app, { 'notes.txt': 'Some notes about papers I read.\nNothing else here.\n' });
    const error = (await events(await post(app, `/api/library/uploads/${id}/index`))).at(-1);
    expect(error?.data).toMatchObject({ code: 'UNKNOWN_FORMAT', message: expect.stringMatching(/^notes\.txt: /) });
    expect(error?.data.hint).not.toMatch(/--/);
    expect(error?.data.hint).toMatch(/extension \(\.jsonl, .*\.bib, \.ris/);
  });

  it('refuses a page from another origin, parts out of order and file names with folders', async () => {
    const app = await appWith();
    const foreign = await post(app, '/api/library/uploads', undefined, { origin: 'http://evil.example' });
    expect([foreign.status, (await foreign.json()).error.code]).toEqual([403, 'CROSS_ORIGIN']);
    const crossSite = await app.request(`${ORIGIN}/api/library/uploads`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);

    const { id } = await (await post(app, '/api/library/uploads')).json();
    const skipped = await post(app, `/api/library/uploads/${id}/files/a.jsonl?part=1`, 'x');
    expect([skipped.status, (await skipped.json()).error.details.field]).toEqual([400, 'part']);
    const folder = await post(app, `/api/library/uploads/${id}/files/..%2Fescape.jsonl?part=0`, 'x');
    expect(folder.status).toBe(400);
    expect((await post(app, '/api/library/uploads/not-an-id/index')).status).toBe(400);
  });

  it('keeps an upload on disk, so parts and the index request may reach different server processes', async () => {
    const first = await appWith();
    const second = await appWith();
    const { id } = await (await post(first, '/api/library/uploads')).json();
    const record = JSON.stringify({ id: 'across-processes', title: 'Sent to one process, indexed by another' });
    expect((await post(second, `/api/library/uploads/${id}/files/a.jsonl?part=0`, record)).status).toBe(200);
    expect((await post(first, `/api/library/uploads/${id}/files/.hidden?part=0`, record)).status).toBe(400);
    const done = (await events(await post(first, `/api/library/uploads/${id}/index`))).at(-1);
    expect(done?.event).toBe('done');
    expect(done?.data.added).toBe(1);
  });

  it('needs the token when one is set', async () => {
    const token = 'a-long-enough-test-token-123';
    const app = await appWith({ CITELENS_TOKEN: token });
    expect((await post(app, '/api/library/uploads')).status).toBe(401);
    expect((await post(app, '/api/library/uploads', undefined, { authorization: `Bearer ${token}` })).status).toBe(201);
  });

  // Regression: the OpenAPI document listed no 503 for the upload routes, which answer it when the
  // server is busy or the temporary folder's disk is full (DISK_FULL) or out of file handles.
  it('lists in the OpenAPI document the status each library route answers when the server is busy', async () => {
    const app = createApp({ holder: await holderFor(indexDir), config: testConfig(), maxInFlight: 0 });
    const doc = await (await (await appWith()).request('/api/openapi.json')).json();
    const routes: Array<[string, string, string]> = [
      ['get', '/api/library', '/api/library'],
      ['post', '/api/library/uploads', '/api/library/uploads'],
      ['post', '/api/library/uploads/{id}/files/{name}', `/api/library/uploads/${'0'.repeat(32)}/files/a.jsonl?part=0`],
      ['post', '/api/library/uploads/{id}/index', `/api/library/uploads/${'0'.repeat(32)}/index`],
    ];
    for (const [method, documented, url] of routes) {
      const res =
        method === 'get' ? await app.request(`${ORIGIN}${url}`) : await post(app, url, new Uint8Array([1, 2, 3]));
      const { error } = await res.json();
      expect([res.status, error.code], url).toEqual([503, 'OVERLOADED']);
      const listed = doc.paths[documented][method].responses[res.status];
      expect(listed?.description, documented).toContain('`OVERLOADED`');
    }
    const uploads = doc.paths['/api/library/uploads/{id}/files/{name}'].post.responses;
    expect(uploads[503].description).toContain('`DISK_FULL`, `RESOURCES_EXHAUSTED`');
    expect(doc.paths['/api/library'].get.responses[503].description).toContain('`INDEX_BUSY`');
  });

  // Regression: when the index was written but the new generation could not be loaded everywhere (a
  // peer process that did not reload), the upload's error said only that, as if nothing had been added.
  it('says the papers were added when the index was written but the new generation could not be loaded', async () => {
    const { dir } = await buildIndex([writeJsonl(tempDir(), 'start.jsonl', syntheticPapers(6))]);
    const holder = new IndexHolder({
      offline: true,
      reloadPeers: async () => {
        throw new AppError(
          'TIMEOUT',
          'This server reloaded, but not every other one did: server worker 4242 timed out.',
        );
      },
    });
    await holder.open(dir);
    try {
      const app = createApp({ holder, config: testConfig() });
      const added = syntheticPapers(3, 11).map((paper, i) => ({ ...paper, id: `late-${i}` }));
      const id = await upload(app, { 'late.jsonl': jsonl(added) });
      const last = (await events(await post(app, `/api/library/uploads/${id}/index`))).at(-1);
      expect(last?.event).toBe('error');
      expect(last?.data).toMatchObject({
        code: 'TIMEOUT',
        message:
          'The papers were added to the index (generation 2: 3 added, 0 updated), but the server could not load it yet: This server reloaded, but not every other one did: server worker 4242 timed out.',
      });
      expect(currentGeneration(dir)?.generation).toBe(2);
    } finally {
      holder.close();
    }
  });

  // Regression: a failure once the stream had begun was sent with its message as thrown, naming a server path.
  it('names no server path in the error event of a stream whose uploads folder fails once the upload was found ready', async () => {
    const app = await appWith();
    const id = await upload(app, { 'a.jsonl': jsonl(syntheticPapers(1)) });
    const folder = uploadsFolder();
    const lstat = fs.lstatSync;
    let looks = 0;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // The first look (before the stream) finds the folder; the second (in it) fails, as a folder replaced meanwhile.
    vi.spyOn(fs, 'lstatSync').mockImplementation(((target: fs.PathLike, options?: fs.StatSyncOptions) => {
      if (target === folder && ++looks === 2) throw Object.assign(new Error('EIO: i/o error, lstat'), { code: 'EIO' });
      return lstat(target, options);
    }) as typeof fs.lstatSync);
    try {
      const last = (await events(await post(app, `/api/library/uploads/${id}/index`))).at(-1);
      expect(last?.event).toBe('error');
      expect(last?.data).toMatchObject({
        code: 'UPLOADS_UNAVAILABLE',
        message: `Could not keep uploads in the folder …/${path.basename(folder)}: it could not be looked at (EIO).`,
      });
      expect(JSON.stringify(last?.data)).not.toContain(os.tmpdir());
    } finally {
      vi.restoreAllMocks();
      fs.rmSync(path.join(folder, id), { recursive: true, force: true });
    }
  });
});
