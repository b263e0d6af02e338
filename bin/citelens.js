#!/usr/bin/env node
// The citelens command: runs the CLI from a cached bundle of the TypeScript sources (see
// bundle-cli.js), or through tsx when no bundle can be built.
import { runCli } from './bundle-cli.js';

// CITELENS_BUNDLE_DIR moves the bundle cache (tests use it); it must stay inside the project.
await runCli(process.env.CITELENS_BUNDLE_DIR ? { cacheDir: process.env.CITELENS_BUNDLE_DIR } : {});
