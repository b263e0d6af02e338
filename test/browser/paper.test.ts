import { describe, expect, it } from 'vitest';
import { browserPages, DESKTOP, PHONE, pageProblems, screenshot } from './support/pages.ts';

const openPage = browserPages();

describe('paper page', () => {
  it('shows the paper with its similar papers, and opens one of them', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/papers/attention-sink-structural-origin');
    await page.getByRole('heading', { level: 1, name: /Structural Origin of Attention Sink/ }).waitFor();
    const similar = page.getByRole('region', { name: 'Similar papers' }).getByRole('link');
    await similar.first().waitFor();
    expect(await similar.count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Copy BibTeX' }).isVisible()).toBe(true);
    await screenshot(page, 'paper-similar');

    const title = (await similar.first().textContent()) ?? '';
    await similar.first().click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: title }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('says the paper was not found for an unknown id, on a phone', async () => {
    const page = await openPage(PHONE);
    await page.goto('/papers/no-such-paper');
    await page.getByRole('heading', { name: 'Paper not found' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('no-such-paper');
    await screenshot(page, 'paper-not-found-phone');
  });
});
