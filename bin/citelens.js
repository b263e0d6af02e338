#!/usr/bin/env node
// The citelens command: runs the CLI from a cached bundle of the TypeScript sources (see
// bundle-cli.js), or through tsx when no bundle can be built.
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, runCli } from './bundle-cli.js';

// CITELENS_BUNDLE_DIR moves the bundle cache (tests use it). It must stay inside the project: the
// bundle loads its packages (better-sqlite3, …) through the project's node_modules, and one kept
// elsewhere could not start. A folder outside is set aside, with a notice, for the default one.
const asked = process.env.CITELENS_BUNDLE_DIR;
const outside = asked ? !insideProject(asked) : false;
if (asked && outside) {
  process.stderr.write(
    `notice: CITELENS_BUNDLE_DIR (${asked}) lies outside the project (${PROJECT_ROOT}); the bundle loads its packages through the project's node_modules, so the default folder is used\n`,
  );
}
await runCli(asked && !outside ? { cacheDir: asked } : {});

// Whether a folder (which may not exist yet) lies inside the project, links followed.
function insideProject(dir) {
  const wanted = path.resolve(dir);
  let existing = wanted;
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const real = path.join(fs.realpathSync.native(existing), path.relative(existing, wanted));
  const relative = path.relative(fs.realpathSync.native(PROJECT_ROOT), real);
  return relative === '' || !(relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative));
}
