// Once per browser-test run: builds the web UI if it is missing or older than its sources,
// indexes the sample library plus the injected-title fixture with the builtin embedder into a
// temp folder, starts the real server on 127.0.0.1 with a free port, and starts one Chromium
// that every test file connects to.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig, PROJECT_ROOT } from '../../core/config.ts';
import { indexPapers } from '../../indexer/index.ts';
import { startServer } from '../../server/serve.ts';
import { launchChromium } from './support/chromium.ts';

const WEB = path.join(PROJECT_ROOT, 'web');
const FIXTURE = path.join(PROJECT_ROOT, 'test', 'browser', 'fixtures', 'injected-title.jsonl');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'dist' && entry.name !== 'node_modules') newest = Math.max(newest, newestSource(full));
    } else {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

async function buildWebIfStale(): Promise<void> {
  const built = path.join(WEB, 'dist', 'index.html');
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestSource(WEB)) return;
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build (several times
  // larger): the pages under test must be the ones `npm start` serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(WEB, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildWebIfStale();
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-browser-'));
  await indexPapers({
    indexDir,
    files: [path.join(PROJECT_ROOT, 'data', 'papers.jsonl'), FIXTURE],
    embedder: 'builtin',
    offline: true,
  });
  const config = loadConfig({ CITELENS_HOST: '127.0.0.1', CITELENS_PORT: '0', CITELENS_OFFLINE: '1' });
  const server = await startServer({ config, indexDir });
  const chromium = await launchChromium();
  project.provide('baseUrl', server.url);
  project.provide('cdpUrl', chromium.cdpUrl);
  project.provide('injectedPaperId', 'injected-title-paper');
  return async () => {
    await chromium.close();
    await server.close();
    fs.rmSync(indexDir, { recursive: true, force: true });
  };
}
