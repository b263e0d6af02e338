import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleFile, ensureBundle } from '../../bin/bundle-cli.js';
import { PROJECT_ROOT } from '../../core/config.ts';
import { type CliResult, runNode } from '../support/run-cli.ts';
import { syntheticPapers, writeJsonl } from '../support/synthetic-papers.ts';
import { tempDir } from '../support/temp-dir.ts';

/** A time well before any test runs, so sources count as settled when a bundle records them. */
const LONG_AGO = new Date(Date.now() - 3_600_000);

/** Writes `files` (relative path → text) into a new temp folder, all last modified LONG_AGO. */
function project(files: Record<string, string>): { dir: string; entry: string } {
  const dir = fs.realpathSync(tempDir('citelens-bundle-src-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    fs.utimesSync(file, LONG_AGO, LONG_AGO);
  }
  return { dir, entry: path.join(dir, 'main.ts') };
}

/** Runs a bundle with Node from an unrelated folder and returns what it printed. */
function runBundle(file: string): string {
  const result = spawnSync(process.execPath, [file], { cwd: tempDir(), encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

const GREETING = {
  'main.ts': "import { greeting } from './lib.ts';\nconsole.log(greeting);\n",
  'lib.ts': "export const greeting: string = 'hello';\n",
};

describe('bundle-cli', () => {
  it('builds the bundle on first use and reuses it, untouched, while no input changes', async () => {
    const { entry } = project(GREETING);
    const cacheDir = tempDir();
    expect(await ensureBundle({ entry, cacheDir })).toEqual({ status: 'built', file: bundleFile(cacheDir) });
    const builtAt = fs.statSync(bundleFile(cacheDir)).mtimeMs;

    expect(await ensureBundle({ entry, cacheDir })).toEqual({ status: 'fresh', file: bundleFile(cacheDir) });
    expect(fs.statSync(bundleFile(cacheDir)).mtimeMs).toBe(builtAt);
    expect(runBundle(bundleFile(cacheDir))).toBe('hello\n');
  });

  it('accepts a cache folder relative to the working folder', async () => {
    const { entry } = project(GREETING);
    const cacheDir = path.relative(process.cwd(), tempDir());
    expect(await ensureBundle({ entry, cacheDir })).toEqual({
      status: 'built',
      file: path.resolve(cacheDir, 'cli.mjs'),
    });
    expect((await ensureBundle({ entry, cacheDir })).status).toBe('fresh');
  });

  it('rebuilds when a source file is touched or edited, and when the cached file is not a bundle it wrote', async () => {
    const { dir, entry } = project(GREETING);
    const cacheDir = tempDir();
    await ensureBundle({ entry, cacheDir });

    const lib = path.join(dir, 'lib.ts');
    const touched = new Date(LONG_AGO.getTime() + 60_000);
    fs.utimesSync(lib, touched, touched);
    expect((await ensureBundle({ entry, cacheDir })).status).toBe('built');
    expect((await ensureBundle({ entry, cacheDir })).status).toBe('fresh');

    fs.writeFileSync(lib, "export const greeting: string = 'goodbye';\n");
    fs.utimesSync(lib, LONG_AGO, LONG_AGO);
    expect((await ensureBundle({ entry, cacheDir })).status).toBe('built');
    expect(runBundle(bundleFile(cacheDir))).toBe('goodbye\n');

    fs.writeFileSync(bundleFile(cacheDir), "console.log('not from the builder');\n");
    expect((await ensureBundle({ entry, cacheDir })).status).toBe('built');
    expect(runBundle(bundleFile(cacheDir))).toBe('goodbye\n');
  });

  it('does not trust a source modified just before the build, and rebuilds once it has settled', async () => {
    const { dir, entry } = project(GREETING);
    const cacheDir = tempDir();
    fs.writeFileSync(path.join(dir, 'lib.ts'), "export const greeting: string = 'just saved';\n");
    expect((await ensureBundle({ entry, cacheDir })).status).toBe('built');
    expect((await ensureBundle({ entry, cacheDir })).status).toBe('built');

    fs.utimesSync(path.join(dir, 'lib.ts'), LONG_AGO, LONG_AGO);
    expect((await ensureBundle({ entry, cacheDir })).status).toBe('built');
    expect((await ensureBundle({ entry, cacheDir })).status).toBe('fresh');
  });

  it('gives each module, shebang or not, the import.meta url, dirname and filename of its own source file', async () => {
    const { dir, entry } = project({
      'main.ts':
        "#!/usr/bin/env node\nimport { where } from './sub/where.ts';\nconsole.log(JSON.stringify({ main: import.meta.url, ...where }));\n",
      'sub/where.ts':
        'export const where = { url: import.meta.url, dirname: import.meta.dirname, filename: import.meta.filename };\n',
    });
    const cacheDir = tempDir();
    await ensureBundle({ entry, cacheDir });
    const where = path.join(dir, 'sub', 'where.ts');
    expect(JSON.parse(runBundle(bundleFile(cacheDir)))).toEqual({
      main: pathToFileURL(entry).href,
      url: pathToFileURL(where).href,
      dirname: path.dirname(where),
      filename: where,
    });
  });

  it('bundles a lazily imported module, and rebuilds when it changes', async () => {
    const { dir, entry } = project({
      'main.ts': "const { lazy } = await import('./later/lazy.ts');\nconsole.log(lazy);\n",
      'later/lazy.ts': "export const lazy = 'loaded later';\n",
    });
    const cacheDir = tempDir();
    await ensureBundle({ entry, cacheDir });
    expect(runBundle(bundleFile(cacheDir))).toBe('loaded later\n');

    const touched = new Date(LONG_AGO.getTime() + 60_000);
    fs.utimesSync(path.join(dir, 'later', 'lazy.ts'), touched, touched);
    expect((await ensureBundle({ entry, cacheDir })).status).toBe('built');
  });

  it('refuses a module that uses import.meta beyond url, dirname and filename, naming its file and line', async () => {
    const { entry } = project({ 'main.ts': "// Resolves a sibling.\nconsole.log(import.meta.resolve('./x.js'));\n" });
    const result = await ensureBundle({ entry, cacheDir: tempDir() });
    expect(result).toEqual({ status: 'failed', reason: expect.stringContaining('main.ts:2 uses import.meta') });
  });

  it('refuses an import() of a computed path, naming its file and line', async () => {
    const { entry } = project({ 'main.ts': "const name = './lib.ts';\nawait import(name);\n", 'lib.ts': '' });
    const result = await ensureBundle({ entry, cacheDir: tempDir() });
    expect(result).toEqual({
      status: 'failed',
      reason: expect.stringMatching(/main\.ts:2: import\(\) of a computed path/),
    });
  });

  it('reports esbuild as unavailable, with no reason to print, when it is not installed', async () => {
    const { entry } = project(GREETING);
    const missing = 'citelens-no-such-package';
    const result = await ensureBundle({ entry, cacheDir: tempDir(), loadEsbuild: () => import(missing) });
    expect(result).toEqual({ status: 'unavailable' });
  });

  it('runs the entry through tsx, printing nothing else, when esbuild is not installed', () => {
    const { entry } = project({ ...GREETING, 'package.json': '{ "type": "module" }' });
    const script = `import { runCli } from ${JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, 'bin', 'bundle-cli.js')).href)};
await runCli({ entry: ${JSON.stringify(entry)}, cacheDir: ${JSON.stringify(tempDir())}, loadEsbuild: () => import('citelens-no-such-package') });`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('hello\n');
  });
});

const cacheDirs: string[] = [];

afterEach(() => {
  for (const dir of cacheDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh bundle cache inside the project, where the bundle's packages resolve; removed after the test. */
function projectCacheDir(): string {
  const parent = path.join(PROJECT_ROOT, 'node_modules', '.cache');
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, 'citelens-test-'));
  cacheDirs.push(dir);
  return dir;
}

/** Runs citelens through bin/citelens.js with its bundle cache in `cacheDir`, or straight through tsx. */
function citelens(via: { cacheDir: string } | 'tsx', args: string[]): Promise<CliResult> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CITELENS_')));
  const argv =
    via === 'tsx'
      ? ['--import', 'tsx', path.join(PROJECT_ROOT, 'cli', 'main.ts'), ...args]
      : [path.join(PROJECT_ROOT, 'bin', 'citelens.js'), ...args];
  if (via !== 'tsx') env.CITELENS_BUNDLE_DIR = via.cacheDir;
  // tsx is found from the working folder; the bundle must run from anywhere.
  return runNode(argv, { env, cwd: via === 'tsx' ? PROJECT_ROOT : tempDir() });
}

describe('citelens through its bundle', () => {
  it('builds the bundle on first use and prints the same help as through tsx', async () => {
    const cacheDir = projectCacheDir();
    const bundled = await citelens({ cacheDir }, ['--help']);
    expect(bundled).toMatchObject({ code: 0, stderr: '' });
    expect(fs.existsSync(bundleFile(cacheDir))).toBe(true);
    expect(bundled.stdout).toBe((await citelens('tsx', ['--help'])).stdout);
  });

  it('indexes on its builder thread, then shows info and search results exactly as through tsx', async () => {
    const cacheDir = projectCacheDir();
    const index = path.join(tempDir(), 'index');
    const papers = writeJsonl(tempDir(), 'papers.jsonl', syntheticPapers(20));
    const indexed = await citelens({ cacheDir }, ['index', papers, '--index', index, '--embedder', 'builtin']);
    expect(indexed.code, indexed.stderr).toBe(0);
    expect(indexed.stderr).not.toContain('notice:');
    expect(fs.existsSync(bundleFile(cacheDir))).toBe(true);
    expect(indexed.stdout).toMatch(/Indexed 20 papers/);

    const info = ['info', '--index', index, '--json'];
    const bundledInfo = await citelens({ cacheDir }, info);
    expect(JSON.parse(bundledInfo.stdout)).toMatchObject({ papers: 20, generation: 1 });
    expect(bundledInfo.stdout).toBe((await citelens('tsx', info)).stdout);

    const search = ['search', 'attention heads', '--index', index, '--json'];
    const withoutTiming = (run: CliResult) => ({ ...JSON.parse(run.stdout), tookMs: 0 });
    const bundledSearch = await citelens({ cacheDir }, search);
    expect(bundledSearch.code, bundledSearch.stderr).toBe(0);
    expect(withoutTiming(bundledSearch).results.length).toBeGreaterThan(0);
    expect(withoutTiming(bundledSearch)).toEqual(withoutTiming(await citelens('tsx', search)));
  });

  it('keeps PROJECT_ROOT at the repository, so default paths still point into it', async () => {
    const cacheDir = projectCacheDir();
    const bundled = await citelens({ cacheDir }, ['serve', '--help']);
    expect(bundled.stderr).toBe('');
    expect(fs.existsSync(bundleFile(cacheDir))).toBe(true);
    expect(bundled.stdout).toContain(path.join(PROJECT_ROOT, 'data', 'index'));
    expect(bundled.stdout).toBe((await citelens('tsx', ['serve', '--help'])).stdout);
  });

  it('leaves one whole bundle when several processes build it at once', async () => {
    const cacheDir = projectCacheDir();
    const runs = await Promise.all([1, 2, 3].map(() => citelens({ cacheDir }, ['--help'])));
    for (const run of runs) expect(run).toMatchObject({ code: 0, stderr: '', stdout: runs[0]!.stdout });
    expect(fs.readdirSync(cacheDir).sort()).toEqual(['cli.mjs', 'cli.mjs.map']);
    const map = JSON.parse(fs.readFileSync(path.join(cacheDir, 'cli.mjs.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.some((source) => source.endsWith('cli/main.ts'))).toBe(true);
    expect(fs.readFileSync(path.join(cacheDir, 'cli.mjs'), 'utf8').trimEnd()).toMatch(
      /sourceMappingURL=cli\.mjs\.map$/,
    );
  });

  it('falls back to tsx with a single notice when the bundle cannot be written', async () => {
    // A file where the cache folder should be, inside the project (a folder outside is set aside).
    const blocker = path.join(PROJECT_ROOT, 'node_modules', '.cache', `citelens-blocker-${process.pid}`);
    fs.mkdirSync(path.dirname(blocker), { recursive: true });
    fs.writeFileSync(blocker, '');
    try {
      const run = await citelens({ cacheDir: path.join(blocker, 'cache') }, ['--help']);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/^notice: running without the CLI bundle \(slower start\): .*ENOTDIR.*\n$/);
      expect(run.stdout).toBe((await citelens('tsx', ['--help'])).stdout);
    } finally {
      fs.rmSync(blocker, { force: true });
    }
  });
});
