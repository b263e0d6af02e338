import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ERRORS } from '../../../core/errors.ts';
import { createApp } from '../../../server/app.ts';
import { createUpload } from '../../../server/library/upload.service.ts';
import { privateUploadsFolder, uploadsFolder } from '../../../server/library/uploads-folder.ts';
import { holderFor, testConfig } from '../../support/sample-index.ts';
import { tempDir } from '../../support/temp-dir.ts';

const ORIGIN = 'http://localhost';
const uid = process.geteuid?.();
// Only root may give a folder to another user (chown), and root may write in any folder whatever its mode.
const isRoot = uid === 0;

// Each test gets its own temporary folder (TMPDIR), so no test meets another's uploads folder.
let tmp: string;
let savedTmpdir: string | undefined;
beforeEach(() => {
  tmp = tempDir('citelens-tmpdir-');
  savedTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
});
afterEach(() => {
  vi.restoreAllMocks();
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
});

/** POST /api/library/uploads on an app serving no index (starting an upload needs none). */
async function startUpload(): Promise<Response> {
  const app = createApp({ holder: await holderFor(), config: testConfig() });
  return app.request(`${ORIGIN}/api/library/uploads`, { method: 'POST', headers: { origin: ORIGIN } });
}

/** The error an upload's start is answered with: 503 UPLOADS_UNAVAILABLE naming the folder and the reason. */
async function expectRefused(reason: RegExp): Promise<void> {
  const res = await startUpload();
  const body = (await res.json()) as { error: { code: string; message: string; hint: string } };
  expect([res.status, body.error.code]).toEqual([503, 'UPLOADS_UNAVAILABLE']);
  // The folder is named as the client may see a server path: its last segment.
  expect(body.error.message).toContain(`…/${path.basename(uploadsFolder())}`);
  expect(body.error.message).toMatch(reason);
  expect(body.error.hint).toBe(ERRORS.UPLOADS_UNAVAILABLE.hint);
}

describe('uploads-folder', () => {
  it("makes a private folder for uploads in the temporary folder, named for the process's user, and keeps it private", () => {
    const folder = privateUploadsFolder();
    // Named for the uid where the system has uids (every system but Windows).
    if (uid !== undefined) expect(folder).toBe(path.join(tmp, `citelens-uploads-${uid}`));
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    // Ours but opened to others: closed again.
    fs.chmodSync(folder, 0o755);
    expect(privateUploadsFolder()).toBe(folder);
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    const { id } = createUpload();
    expect(fs.statSync(path.join(folder, id)).isDirectory()).toBe(true);
  });

  // Regression: every user's server kept uploads in one shared "citelens-uploads" folder, so a file there (or a
  // folder of another user's, for a server not run as root) failed every upload with a 500.
  it('starts uploads whatever another user left at the shared name earlier versions used', async () => {
    fs.writeFileSync(path.join(tmp, 'citelens-uploads'), 'not a folder');
    // Loaded afresh now that TMPDIR is set: an earlier version fixed its folder when its module was loaded.
    vi.resetModules();
    const { createApp: freshApp } = await import('../../../server/app.ts');
    const app = freshApp({ holder: await holderFor(), config: testConfig() });
    const res = await app.request(`${ORIGIN}/api/library/uploads`, { method: 'POST', headers: { origin: ORIGIN } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(fs.readdirSync(uploadsFolder())).toEqual([id]);
  });

  // Regression: uploads left in the shared folder by an earlier version were never removed.
  it('removes the old uploads an earlier version left in the shared folder when it is a folder of its own', async () => {
    const shared = path.join(tmp, 'citelens-uploads');
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const left = (folder: string, name: string) => {
      fs.mkdirSync(path.join(folder, name), { recursive: true });
      fs.writeFileSync(path.join(folder, name, 'papers.jsonl'), '{}');
      fs.utimesSync(path.join(folder, name), hourAgo, hourAgo);
    };
    left(shared, 'old');
    fs.mkdirSync(path.join(shared, 'recent'));
    createUpload();
    expect(fs.readdirSync(shared)).toEqual(['recent']);
    // A symbolic link at that name (anyone may make one in the temporary folder) is never followed.
    fs.rmSync(shared, { recursive: true });
    const elsewhere = path.join(tmp, 'elsewhere');
    left(elsewhere, 'old');
    fs.symlinkSync(elsewhere, shared);
    createUpload();
    expect(fs.readdirSync(elsewhere)).toEqual(['old']);
  });

  // Regression: the folder was named for, and checked against, the real uid; the effective one creates it.
  it('names the folder for the effective user and takes it as its own in a process whose real user differs', async () => {
    if (uid === undefined) return;
    vi.spyOn(process, 'getuid').mockReturnValue(uid + 4242);
    const res = await startUpload();
    expect(res.status).toBe(201);
    expect(path.basename(uploadsFolder())).toBe(`citelens-uploads-${uid}`);
  });

  it('logs the full path of the folder it refuses, which the client sees shortened', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    fs.writeFileSync(uploadsFolder(), 'not a folder');
    await expectRefused(/: a file stands in its place\.$/);
    expect(log.mock.calls).toEqual([
      [
        `citelens: UPLOADS_UNAVAILABLE: Could not keep uploads in the folder ${uploadsFolder()}: a file stands in its place.`,
      ],
    ]);
  });

  it.skipIf(!isRoot)(
    'refuses a folder of its name that belongs to another user, with a 503 naming it and the owner, and writes nothing in it',
    async () => {
      const folder = uploadsFolder();
      fs.mkdirSync(folder, { mode: 0o777 });
      fs.chownSync(folder, 4242, 4242);
      await expectRefused(/: it belongs to another user \(uid 4242\), not to the one running Citelens \(uid 0\)\.$/);
      expect(fs.readdirSync(folder)).toEqual([]);
      expect(() => createUpload()).toThrow(expect.objectContaining({ code: 'UPLOADS_UNAVAILABLE' }));
    },
  );

  it('refuses a symbolic link in its place, and writes nothing where it points', async () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    fs.mkdirSync(elsewhere);
    fs.symlinkSync(elsewhere, uploadsFolder());
    await expectRefused(/: it is a symbolic link, not a folder of its own\.$/);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it('refuses a file in its place', async () => {
    fs.writeFileSync(uploadsFolder(), 'not a folder');
    await expectRefused(/: a file stands in its place\.$/);
  });

  it('says the temporary folder is missing when it is', async () => {
    process.env.TMPDIR = path.join(tmp, 'gone');
    await expectRefused(/: the temporary folder it goes in does not exist\.$/);
  });

  it.skipIf(isRoot)('refuses a folder of its own that it may not write in', async () => {
    const folder = uploadsFolder();
    fs.mkdirSync(folder, { mode: 0o500 });
    try {
      await expectRefused(/: this process may not write in it \(EACCES\)\.$/);
    } finally {
      fs.chmodSync(folder, 0o700);
    }
  });
});
