import { describe, expect, inject, it } from 'vitest';
import { browserPages, DESKTOP, pageProblems, screenshot } from './support/pages.ts';

const openPage = browserPages();
const TITLE = '<script>window.__pwned=1</script>Injected title';

describe('paper text with markup', () => {
  it('shows a title holding a script tag literally and never runs it', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`/papers/${inject('injectedPaperId')}`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: 'Injected title' }).waitFor();
    expect(await heading.textContent()).toBe(TITLE);
    // Markup in an abstract is cleaned away when indexing (indexer/readers); none of it may become elements.
    expect(await page.locator('.summary').textContent()).toContain('carries markup too');
    expect(await page.locator('main img, main b, main script').count()).toBe(0);
    // Its url is javascript:…, which must never become a link.
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await screenshot(page, 'injected-title-paper');

    await page.goto('/search?q=Injected+title&mode=keyword');
    const result = page.locator('.result-title').filter({ hasText: 'Injected title' });
    await result.waitFor();
    expect(await result.textContent()).toBe(TITLE);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(pageProblems(page)).toEqual([]);
  });
});
