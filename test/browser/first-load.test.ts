// What a first visit costs: bytes transferred (compressed, headers included) for the page and its
// assets, and the time to first contentful paint, measured in Chromium over loopback. The byte
// budget (150 KB) is asserted; the time is recorded in test-results/browser/first-load.json only.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserPages, DESKTOP, SCREENSHOT_DIR } from './support/pages.ts';

const openPage = browserPages();
const BUDGET_BYTES = 150 * 1024;

describe('first load', () => {
  it('transfers at most 150 KB of page and assets, compressed, and caches hashed assets', async () => {
    const results: Record<string, unknown> = {};
    for (const url of ['/', '/library', '/search?q=attention']) {
      const page = await openPage(DESKTOP);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const urls = new Map<string, string>();
      const bytes = { assets: 0, api: 0 };
      cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
      cdp.on('Network.loadingFinished', (event) => {
        const isApi = new URL(urls.get(event.requestId) ?? 'http://x/').pathname.startsWith('/api/');
        bytes[isApi ? 'api' : 'assets'] += event.encodedDataLength;
      });
      const encodings: string[] = [];
      page.on('response', (response) => {
        if (/\.(js|css)$/.test(new URL(response.url()).pathname)) {
          encodings.push(`${response.headers()['content-encoding']} ${response.headers()['cache-control']}`);
        }
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      const paint = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      );
      expect(bytes.assets, url).toBeLessThanOrEqual(BUDGET_BYTES);
      expect(encodings.length).toBeGreaterThan(0);
      for (const encoding of encodings) expect(encoding).toBe('br public, max-age=31536000, immutable');
      results[url] = {
        assetBytes: bytes.assets,
        apiBytes: bytes.api,
        firstContentfulPaintMs: paint === null ? null : Math.round(paint),
      };
    }
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'first-load.json'), `${JSON.stringify(results, null, 2)}\n`);
  });
});
