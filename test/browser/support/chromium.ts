// Starts Debian's Chromium (never a downloaded browser) with a fresh profile and connects
// playwright-core to it over the DevTools protocol, so the launch flags are exactly ours.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The flags this machine's Chromium needs: no sandbox as root, and no calls to the (closed) network. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export type LaunchedBrowser = {
  browser: Browser;
  /** The DevTools HTTP endpoint, for `chromium.connectOverCDP` from other processes. */
  cdpUrl: string;
  close: () => Promise<void>;
};

async function waitForDevToolsPort(profile: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const file = path.join(profile, 'DevToolsActivePort');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${CHROMIUM_PATH} exited with code ${child.exitCode} before it was ready.`);
    try {
      const port = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
      if (port > 0) return port;
    } catch {
      // Not written yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${CHROMIUM_PATH} did not open its DevTools port within ${timeoutMs} ms (no ${file}).`);
}

/** Launches Chromium headless with a new empty profile; `close` ends it and removes the profile. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM_PATH}: apt-get install chromium`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-chromium-'));
  // Its own process group, so Chromium's helper processes can be ended together with it.
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const stop = async () => {
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group has already gone.
    }
    await exited;
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  try {
    const port = await waitForDevToolsPort(profile, child, 20_000);
    const cdpUrl = `http://127.0.0.1:${port}`;
    const browser = await chromium.connectOverCDP(cdpUrl);
    return {
      browser,
      cdpUrl,
      close: async () => {
        // Browser.close shuts Chromium down cleanly; Playwright's close() would only disconnect.
        try {
          const session = await browser.newBrowserCDPSession();
          await session.send('Browser.close');
        } catch {
          // Already closing.
        }
        await stop();
      },
    };
  } catch (error) {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await stop();
    throw new Error(`${(error as Error).message}\nChromium said:\n${stderr}`);
  }
}
