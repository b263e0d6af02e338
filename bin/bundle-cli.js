// Runs the CLI from one esbuild bundle of our TypeScript (packages stay external), built on first
// use and rebuilt when an input changes, because loading ~140 of our modules through tsx costs seconds.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project folder (the one holding bin/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const BUNDLE_DEFAULTS = {
  /** The TypeScript module the bundle starts from. */
  entry: path.join(PROJECT_ROOT, 'cli', 'main.ts'),
  /**
   * Where the bundle is kept. It must lie inside the project: the bundle's bare imports (packages)
   * resolve from its own folder, through the project's node_modules.
   */
  cacheDir: path.join(PROJECT_ROOT, 'node_modules', '.cache', 'citelens'),
  /** Loads esbuild; only called when a (re)build is needed, so a fresh bundle never pays for it. */
  loadEsbuild: () => import('esbuild'),
};

/** Packages the bundle imports from node_modules at run time instead of containing them. */
const EXTERNAL_PACKAGES = [
  'better-sqlite3',
  'hnswlib-node',
  '@huggingface/transformers',
  'esbuild',
  'tsx',
  'swagger-ui-dist',
];

/** The bundle's first line: this marker, then the JSON record of what it was built from. */
const MARKER = '// citelens-bundle ';
/** Inputs changed this close to (or after) the build's start may have changed while esbuild read them. */
const SETTLE_MS = 2_000;
const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js' };
/** The names each module's `import.meta` properties are rewritten to (declared per module, so esbuild renames them apart). */
const META_NAMES = { url: '__citelensMetaUrl', dirname: '__citelensMetaDirname', filename: '__citelensMetaFilename' };

/**
 * @typedef {{ entry?: string, cacheDir?: string, loadEsbuild?: () => Promise<typeof import('esbuild')> }} BundleOptions
 * @typedef {{ status: 'fresh' | 'built', file: string } | { status: 'unavailable' } | { status: 'failed', reason: string }} BundleResult
 * @typedef {{ node: string, entry: string, inputs: Array<[file: string, mtimeMs: number, size: number]> }} BundleRecord
 */

/** Where the bundle of `cacheDir` (absolute, or relative to the working folder) lives. */
export function bundleFile(cacheDir = BUNDLE_DEFAULTS.cacheDir) {
  return path.resolve(cacheDir, 'cli.mjs');
}

/** The record on the first line of `file`, or undefined when there is no readable one. */
function readRecord(file) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const chunks = [];
    const chunk = Buffer.alloc(64 * 1024);
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      const end = chunk.subarray(0, read).indexOf(10);
      chunks.push(Buffer.from(chunk.subarray(0, end === -1 ? read : end)));
      if (end !== -1 || read === 0) break;
    }
    const line = Buffer.concat(chunks).toString('utf8');
    return line.startsWith(MARKER) ? JSON.parse(line.slice(MARKER.length)) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** True when `record` was built from `entry` under this Node version and no input has changed since. */
function isFresh(record, entry) {
  if (!record || record.node !== process.version || record.entry !== entry || !Array.isArray(record.inputs))
    return false;
  return record.inputs.every(([file, mtimeMs, size]) => {
    try {
      const stat = fs.statSync(file);
      return stat.mtimeMs === mtimeMs && stat.size === size;
    } catch {
      return false;
    }
  });
}

/**
 * Gives each module its own `import.meta.url`/`dirname`/`filename` (its source file's, not the
 * bundle's), so lookups relative to a module keep pointing into the source tree, and refuses
 * what a bundle cannot keep: an `import()` of a computed path, which would resolve from the cache.
 */
function sourceLocationPlugin() {
  const filter = new RegExp(
    `\\.(${Object.keys(LOADERS)
      .map((ext) => ext.slice(1))
      .join('|')})$`,
  );
  return {
    name: 'citelens-source-location',
    setup(build) {
      build.onLoad({ filter }, (args) => {
        const text = fs.readFileSync(args.path, 'utf8');
        const computed = /\bimport\(\s*(?![\s'"`)])/.exec(text);
        if (computed) {
          const line = text.slice(0, computed.index).split('\n').length;
          return {
            errors: [
              {
                text: 'import() of a computed path cannot be bundled (it would resolve from the bundle); use a string literal',
                location: { file: args.path, line, column: 0, lineText: text.split('\n')[line - 1] ?? '' },
              },
            ],
          };
        }
        const loader = LOADERS[path.extname(args.path)];
        if (!text.includes('import.meta')) return { contents: text, loader };
        // Declared at the start of the first line (after a shebang), so source map line numbers stay right.
        const values = { url: pathToFileURL(args.path).href, dirname: path.dirname(args.path), filename: args.path };
        const declarations = Object.entries(META_NAMES).map(
          ([key, name]) => `${name} = ${JSON.stringify(values[key])}`,
        );
        const at = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
        return { contents: `${text.slice(0, at)}const ${declarations.join(', ')};${text.slice(at)}`, loader };
      });
    },
  };
}

/** Stats `files` into a record's inputs; one changed since the build began is recorded as stale. */
function statInputs(files, startedAt) {
  return files.map((file) => {
    const stat = fs.statSync(file);
    return [file, stat.mtimeMs > startedAt - SETTLE_MS ? -1 : stat.mtimeMs, stat.size];
  });
}

/** Builds the bundle of `entry` into `file`, atomically: concurrent processes each rename a whole file. */
async function build(esbuild, entry, file) {
  const startedAt = Date.now();
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: PROJECT_ROOT,
    outfile: file,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Pure JavaScript packages are bundled too (resolving and loading their many files costs more than
    // the code); native addons, packages loaded lazily or for their files, and build tools stay outside.
    external: EXTERNAL_PACKAGES,
    // The options tsx transforms with, so the bundle behaves as the sources do under tsx.
    target: `node${process.versions.node}`,
    keepNames: true,
    // A map beside the bundle, not inside it: the map is read only when source maps are on (CITELENS_DEBUG),
    // while an inline one would be read and parsed with the code at every start.
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'silent',
    // Bundled CommonJS packages require Node's built-in modules; an ES module has no require of its own.
    banner: {
      js: `${MARKER.trim()}\nimport { createRequire as __citelensCreateRequire } from 'node:module';\nconst require = __citelensCreateRequire(${JSON.stringify(pathToFileURL(file).href)});`,
    },
    define: Object.fromEntries(Object.entries(META_NAMES).map(([key, name]) => [`import.meta.${key}`, name])),
    // Any other use of import.meta would silently see the bundle's; this turns it into a warning to refuse.
    supported: { 'import-meta': false },
    plugins: [sourceLocationPlugin()],
  });
  const meta = result.warnings.find((warning) => warning.text.includes('import.meta'));
  if (meta) {
    const where = meta.location ? `${meta.location.file}:${meta.location.line}` : entry;
    throw new Error(`${where} uses import.meta beyond url, dirname and filename, which a bundle cannot keep`);
  }
  const output = result.outputFiles.find((out) => out.path === file);
  if (!output) throw new Error(`esbuild produced no ${file}`);
  const map = result.outputFiles.find((out) => out.path === `${file}.map`);
  const sources = Object.keys(result.metafile.inputs)
    .filter((input) => !/^[\w-]+:/.test(input))
    .map((input) => path.resolve(PROJECT_ROOT, input));
  const require = createRequire(import.meta.url);
  const recipe = [fileURLToPath(import.meta.url), require.resolve('esbuild/package.json')];
  const tsconfig = path.join(PROJECT_ROOT, 'tsconfig.json');
  if (fs.existsSync(tsconfig)) recipe.push(tsconfig);
  /** @type {BundleRecord} */
  const record = { node: process.version, entry, inputs: statInputs([...sources, ...recipe], startedAt) };
  const code = output.text.slice(output.text.indexOf('\n'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The map first, so a bundle on disk never points to an older map.
  if (map) writeAtomic(`${file}.map`, map.contents);
  writeAtomic(file, `${MARKER}${JSON.stringify(record)}${code}`);
}

/** Writes `file` whole or not at all: concurrent builders each rename a complete file into place. */
function writeAtomic(file, content) {
  const temp = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Makes sure an up-to-date bundle of `entry` is in `cacheDir`: reuses it when none of its inputs
 * (sources, this script, tsconfig.json, esbuild's version, Node's version) changed, else rebuilds.
 * Never throws: reports `unavailable` when esbuild is not installed and `failed` (with a reason)
 * when building or writing failed.
 * @param {BundleOptions} [options]
 * @returns {Promise<BundleResult>}
 */
export async function ensureBundle(options = {}) {
  const opts = { ...BUNDLE_DEFAULTS, ...options };
  const entry = path.resolve(opts.entry);
  const file = bundleFile(opts.cacheDir);
  if (isFresh(readRecord(file), entry)) return { status: 'fresh', file };
  let esbuild;
  try {
    esbuild = await opts.loadEsbuild();
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') return { status: 'unavailable' };
    return { status: 'failed', reason: `esbuild could not be loaded: ${error?.message ?? error}` };
  }
  try {
    await build(esbuild, entry, file);
    return { status: 'built', file };
  } catch (error) {
    const reason = error?.errors?.length
      ? error.errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text)).join('; ')
      : (error?.message ?? String(error));
    return { status: 'failed', reason };
  }
}

/**
 * Runs the CLI: from the bundle when one can be had, else through tsx as before (with one notice
 * on stderr when a build failed, and none when esbuild is simply not installed).
 * @param {BundleOptions} [options]
 */
export async function runCli(options = {}) {
  const bundle = await ensureBundle(options);
  if (bundle.status === 'fresh' || bundle.status === 'built') {
    // The CLI prints stacks only under CITELENS_DEBUG; mapping them to .ts lines costs ~0.1 s of start-up.
    if (process.env.CITELENS_DEBUG) process.setSourceMapsEnabled(true);
    await import(pathToFileURL(bundle.file).href);
    return;
  }
  if (bundle.status === 'failed') {
    process.stderr.write(`notice: running without the CLI bundle (slower start): ${bundle.reason}\n`);
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.resolve(options.entry ?? BUNDLE_DEFAULTS.entry)).href);
}
