import fs from 'node:fs';
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

  it('sets the cite buttons side by side, with no empty room kept beside Copy BibTeX', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/papers/emo-mixture-of-experts');
    const buttons = page.getByRole('region', { name: 'Cite' }).getByRole('button');
    await buttons.first().waitFor();
    const boxes = await buttons.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
    expect(boxes.length).toBe(4);
    // Every button after the first on a row sits one flex gap (8 px) after the one before it.
    const gaps = boxes.slice(1).flatMap((box, i) => (box.top === boxes[i]!.top ? [box.left - boxes[i]!.right] : []));
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(12);
    await screenshot(page, 'paper-cite-buttons');
  });

  it('says the paper was not found for an unknown id, on a phone', async () => {
    const page = await openPage(PHONE);
    await page.goto('/papers/no-such-paper');
    await page.getByRole('heading', { name: 'Paper not found' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('no-such-paper');
    await screenshot(page, 'paper-not-found-phone');
  });

  it("offers to search for a stale link's paper instead of retrying a request that can only fail again", async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/papers/structural-origin-attention-sink-v2');
    await page.getByRole('heading', { name: 'Paper not found' }).waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await page.getByRole('link', { name: /Search the library for/ }).click();
    await page.waitForURL((url) => url.pathname === '/search');
    expect(new URL(page.url()).searchParams.get('q')).toBe('structural origin attention sink v2');
    await page
      .locator('.result-title')
      .filter({ hasText: 'The Structural Origin of Attention Sink' })
      .first()
      .waitFor();
  });

  it('marks only the cited span of a ?passage= link, and exports BibTeX, RIS and CSL-JSON', async () => {
    const page = await openPage(DESKTOP);
    const { paper, passages } = await (await page.request.get('/api/papers/attention-sink-structural-origin')).json();
    const passage = passages.find((p: { field: string }) => p.field === 'abstract');
    const start = passage.start + 10;
    const end = passage.start + 40;
    await page.goto(`/papers/${paper.id}?passage=${passage.id}&start=${start}&end=${end}`);
    const mark = page.locator('.summary mark.cited');
    await mark.waitFor();
    expect(await mark.textContent()).toBe(paper.abstract.slice(start, end));
    expect(await page.locator('.summary mark.cited').count()).toBe(1);

    expect(await page.locator('.bibtex-preview').textContent()).toContain(`title = {{${paper.title}}}`);
    const save = async (label: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: label }).click(),
      ]);
      return { name: download.suggestedFilename(), text: fs.readFileSync((await download.path())!, 'utf8') };
    };
    const bib = await save('Download BibTeX');
    expect(bib.name).toBe('attention-sink-structural-origin.bib');
    expect(bib.text).toMatch(/^@\w+\{attention-sink-structural-origin,/);
    expect((await save('Download RIS')).text).toContain(`TI  - ${paper.title}`);
    expect(JSON.parse((await save('Download CSL-JSON')).text)[0]).toMatchObject({ id: paper.id, title: paper.title });
    await screenshot(page, 'paper-cited-span');

    await page.getByRole('link', { name: 'Show on map' }).click();
    await page.waitForURL((url) => url.pathname === '/map' && url.searchParams.get('paper') === paper.id);
    await expect.poll(() => page.locator('.map-panel .map-panel-title').textContent()).toBe(paper.title);
    expect(pageProblems(page)).toEqual([]);
  });

  it('links tags to the Library filtered by them', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/papers/attention-sink-structural-origin');
    const tag = page.locator('.paper .tags a').first();
    await tag.waitFor();
    const name = (await tag.textContent()) ?? '';
    await tag.click();
    await page.waitForURL((url) => url.pathname === '/library' && url.searchParams.get('tag') === name);
    await page.locator('.library-table tbody tr[data-paper-id="attention-sink-structural-origin"]').waitFor();
    expect(pageProblems(page)).toEqual([]);
  });
});
