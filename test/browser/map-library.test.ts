import { describe, expect, it } from 'vitest';
import { browserPages, DESKTOP, PHONE, pageProblems, screenshot } from './support/pages.ts';

const openPage = browserPages();

describe('map and library pages', () => {
  it('draws every paper on the map, highlights a search and opens a paper on click', async () => {
    const page = await openPage(DESKTOP);
    const stats = await (await page.request.get('/api/stats')).json();
    await page.goto('/map?q=attention');
    const points = page.locator('circle.map-point[data-paper-id]');
    await points.first().waitFor();
    expect(await points.count()).toBe(stats.papers);
    await expect.poll(() => page.locator('circle.is-hit').count()).toBeGreaterThan(0);

    const hit = page.locator('circle.is-hit').first();
    await hit.hover();
    const label = await page.locator('.map-label text').textContent();
    expect(label?.length).toBeGreaterThan(3);
    await screenshot(page, 'map-highlighted');

    const id = await hit.getAttribute('data-paper-id');
    await hit.click();
    await page.waitForURL((url) => url.pathname === `/papers/${id}`);
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows the counts, the embedder and a notice for the built-in embedder, on a phone in the dark', async () => {
    const page = await openPage({ ...PHONE, colorScheme: 'dark' });
    await page.goto('/library');
    await page.getByText('Using the built-in offline embedder').waitFor();
    expect(await page.locator('.stat dd').first().textContent()).toMatch(/^\d+$/);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await screenshot(page, 'library-phone-dark');
    expect(pageProblems(page)).toEqual([]);
  });
});
