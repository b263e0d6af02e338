// The Library page on a few thousand generated papers: the virtualised table, facets with counts,
// sorting, filtering from a tag anywhere, and exporting a selection.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { indexPapers } from '../../indexer/index.ts';
import { type RunningServer, startServer } from '../../server/serve.ts';
import { writeJsonl } from '../support/synthetic-papers.ts';
import { tempDir } from '../support/temp-dir.ts';
import { browserPages, DESKTOP, PHONE, pageProblems, screenshot } from './support/pages.ts';

const COUNT = 3_000;
const VENUES = ['ICLR', 'NeurIPS', 'ACL', 'EMNLP'];
const TAGS = ['llm', 'retrieval', 'systems', 'theory', 'vision'];

/** Generated papers with known facet counts: year 2000 + i % 25, venue i % 4, tag i % 5, author i % 40. */
function generatedPapers() {
  return Array.from({ length: COUNT }, (_, i) => ({
    id: `gen-${String(i).padStart(5, '0')}`,
    title: `Study ${String(i).padStart(5, '0')} of ${TAGS[i % 5]} at scale`,
    abstract: `We study ${TAGS[i % 5]} models and report results number ${i}.`,
    authors: [`Author ${i % 40}`, `Coauthor ${i % 13}`],
    year: 2000 + (i % 25),
    venue: VENUES[i % 4],
    url: i === 0 ? 'javascript:alert(1)' : `https://example.org/${i}`,
    tags: [TAGS[i % 5]],
  }));
}

const openPage = browserPages();
let server: RunningServer;

beforeAll(async () => {
  const dir = tempDir();
  const indexDir = path.join(dir, 'index');
  await indexPapers({
    indexDir,
    files: [writeJsonl(dir, 'generated.jsonl', generatedPapers())],
    embedder: 'builtin',
    offline: true,
  });
  const config = loadConfig({ CITELENS_HOST: '127.0.0.1', CITELENS_PORT: '0', CITELENS_OFFLINE: '1' });
  server = await startServer({ config, indexDir });
}, 180_000);
afterAll(async () => {
  await server?.close();
});

describe('library page', () => {
  it('lists thousands of papers in a virtualised table with facet counts, and sorts by year', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${server.url}/library`);
    await page.getByText(`${COUNT.toLocaleString('en-US')} papers`).waitFor();
    const rows = page.locator('.library-table tbody tr[data-paper-id]');
    await rows.first().waitFor();
    // Only the rows on screen (plus a margin) are in the page.
    expect(await rows.count()).toBeLessThan(80);
    expect(await rows.first().getAttribute('data-paper-id')).toBe('gen-00000');

    // Facet counts: 3000 papers over 4 venues and 5 tags.
    const venue = page.locator('.facet-value', { hasText: 'NeurIPS' });
    expect(await venue.locator('.facet-count').textContent()).toBe('750');
    expect(await page.locator('.facet-value', { hasText: 'retrieval' }).locator('.facet-count').textContent()).toBe(
      '600',
    );
    await screenshot(page, 'library-table-desktop');

    // Scrolling far down loads the rows there.
    await page.locator('[data-testid="library-table-scroll"]').evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await expect.poll(() => page.locator('.library-table tbody tr[data-paper-id="gen-01500"]').count()).toBe(1);

    await page.getByRole('button', { name: 'Year' }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'year');
    await expect
      .poll(() => page.locator('.library-table tbody tr[data-paper-id] td.col-year').first().textContent())
      .toBe('2000');
    await page.getByRole('button', { name: 'Year' }).click();
    await expect
      .poll(() => page.locator('.library-table tbody tr[data-paper-id] td.col-year').first().textContent())
      .toBe('2024');
    expect(pageProblems(page)).toEqual([]);
  });

  it('filters by a facet and by a tag link, with the counts of the filtered papers', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${server.url}/library`);
    await page.locator('.facet-value', { hasText: 'ICLR' }).click();
    await page.getByText('750 papers match').waitFor({ timeout: 8_000 });
    // Within ICLR (i % 4 == 0), the tags spread evenly: 150 each.
    await expect
      .poll(() => page.locator('.facet-value', { hasText: 'llm' }).locator('.facet-count').textContent())
      .toBe('150');
    await page.locator('.library-table a.tag-link', { hasText: 'llm' }).first().click();
    await page.getByText('150 papers match').waitFor({ timeout: 8_000 });
    expect(new URL(page.url()).searchParams.get('tag')).toBe('llm');
    await page.getByRole('button', { name: /Venue: ICLR/ }).click();
    await page.getByText('600 papers match').waitFor({ timeout: 8_000 });
    await screenshot(page, 'library-filtered');
    expect(pageProblems(page)).toEqual([]);
  });

  it('exports the selected papers as BibTeX with braced titles and no javascript: URL, and as RIS and CSL-JSON', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${server.url}/library`);
    const checkboxes = page.locator('.library-table tbody input[type="checkbox"]');
    await checkboxes.first().waitFor();
    await checkboxes.nth(0).check();
    await checkboxes.nth(1).check();
    await page.getByText('2 selected').waitFor();

    const save = async (label: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: label }).click(),
      ]);
      const file = await download.path();
      return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
    };
    const bib = await save('Export BibTeX');
    expect(bib.name).toBe('citelens-2-papers.bib');
    expect(bib.text).toContain('title = {{Study 00000 of llm at scale}}');
    expect(bib.text).not.toContain('javascript:');
    expect(bib.text).toContain('url = {https://example.org/1}');
    const ris = await save('Export RIS');
    expect(ris.text.match(/^TY {2}- JOUR/gm)).toHaveLength(2);
    const csl = await save('Export CSL-JSON');
    expect(JSON.parse(csl.text).map((item: { id: string }) => item.id)).toEqual(['gen-00000', 'gen-00001']);
    expect(pageProblems(page)).toEqual([]);
  });

  it('fits a phone with the facets collapsed', async () => {
    const page = await openPage(PHONE);
    await page.goto(`${server.url}/library`);
    await page.locator('.library-table tbody tr[data-paper-id]').first().waitFor();
    expect(await page.locator('.library-facets').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await screenshot(page, 'library-phone');
    expect(pageProblems(page)).toEqual([]);
  });
});
