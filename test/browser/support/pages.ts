// What every browser test shares: the server's URL (from the global setup), a page in a fresh
// context per test, and a screenshot saved under test-results/browser/ for CI to keep.
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { PROJECT_ROOT } from '../../../core/config.ts';

export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results', 'browser');

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 } satisfies BrowserContextOptions;
export const DESKTOP = { viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 } satisfies BrowserContextOptions;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The DevTools endpoint of the Chromium the global setup started. */
    cdpUrl: string;
    injectedPaperId: string;
  }
}

/**
 * Connects the test file to the run's Chromium (one browser for all files saves a launch each);
 * returns a function that opens a page on the server in a fresh context, closed after the test.
 */
export function browserPages(): (options?: BrowserContextOptions) => Promise<Page> {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.connectOverCDP(inject('cdpUrl'));
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close().catch(() => {});
  });
  afterAll(async () => {
    // Disconnects only: the global teardown ends Chromium.
    await browser?.close();
  });
  return async (options = DESKTOP) => {
    if (!browser) throw new Error('browserPages(): not connected to Chromium (did beforeAll fail?).');
    const context = await browser.newContext({ baseURL: inject('baseUrl'), ...options });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    (page as Page & { problems: string[] }).problems = problems;
    return page;
  };
}

/** Errors the page raised or logged so far (uncaught exceptions, console.error, CSP violations). */
export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/** Saves a full-page screenshot as test-results/browser/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
