#!/usr/bin/env node
// The citelens command: runs the CLI from a cached bundle of the TypeScript sources (see
// bundle-cli.js), or through tsx when no bundle can be built.
import path from 'node:path';
import { PROJECT_ROOT, runCli } from './bundle-cli.js';

// CITELENS_BUNDLE_DIR moves the bundle cache (tests use it). It must stay inside the project: the
// bundle loads its packages (better-sqlite3, …) through the project's node_modules, and one kept
// elsewhere could not start. A folder outside is set aside, with a notice, for the default one.
const asked = process.env.CITELENS_BUNDLE_DIR;
const outside = asked ? path.relative(PROJECT_ROOT, path.resolve(asked)).startsWith('..') : false;
if (asked && outside) {
  process.stderr.write(
    `notice: CITELENS_BUNDLE_DIR (${asked}) lies outside the project (${PROJECT_ROOT}); the bundle loads its packages through the project's node_modules, so the default folder is used\n`,
  );
}
await runCli(asked && !outside ? { cacheDir: asked } : {});
