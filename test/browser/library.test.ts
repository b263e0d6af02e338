// The Library page on a few thousand generated papers: the virtualised table, facets with counts,
// sorting, filtering from a tag anywhere, and exporting a selection.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { indexPapers } from '../../indexer/index.ts';
import { type RunningServer, startServer } from '../../server/serve.ts';
import { writeJsonl } from '../support/synthetic-papers.ts';
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

let dir: string;
// Not tempDir(): that is removed after each test, and the server serves from it for the whole file.
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-library-'));
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
  fs.rmSync(dir, { recursive: true, force: true });
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

  it('keeps every key typed into the filter while the table redraws, and goes Back to the list before it', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${server.url}/library`);
    await page.getByText(`${COUNT.toLocaleString('en-US')} papers`).waitFor();
    const filter = page.getByRole('searchbox', { name: 'Filter by title or author' });
    // A slow typist, never waiting for the page: each pause outlasts the filter's wait (250 ms), so
    // the table filters and redraws just as the next key lands.
    await filter.pressSequentially('Study 00015', { delay: 260 });
    expect(await filter.inputValue()).toBe('Study 00015');
    await page.waitForURL((url) => url.searchParams.get('text') === 'Study 00015', { timeout: 8_000 });
    await page.getByText('1 paper matches').waitFor({ timeout: 8_000 });
    expect(await filter.inputValue()).toBe('Study 00015');

    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/library' && !url.searchParams.has('text'), { timeout: 8_000 });
    await page.getByText(`${COUNT.toLocaleString('en-US')} papers`).waitFor();
    expect(await filter.inputValue()).toBe('');
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows each tag of a row whole or not at all, never cut to an empty pill', async () => {
    // The sample library: papers with three tags each, more than the Tags column holds.
    const page = await openPage(DESKTOP);
    await page.goto('/library');
    await page.locator('.library-table tbody tr[data-paper-id]').first().waitFor();
    const cut = await page.locator('.library-table td.col-tags').evaluateAll((cells) =>
      cells.flatMap((cell) => {
        // What clips the chips: their strip (one line), or the cell itself.
        const box = (cell.querySelector('.tag-strip') ?? cell).getBoundingClientRect();
        return [...cell.querySelectorAll<HTMLElement>('.tag-link')]
          .filter((chip) => {
            const r = chip.getBoundingClientRect();
            const inside =
              r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top && r.bottom <= box.bottom;
            const outside = r.left >= box.right || r.top >= box.bottom;
            // A chip is in sight whole (a word too long for the column ends in an ellipsis) or out of it.
            return !inside && !outside;
          })
          .map((chip) => chip.textContent);
      }),
    );
    expect(cut).toEqual([]);
    const tags = page.locator('.library-table tr[data-paper-id="agentic-precoding"] td.col-tags');
    expect(await tags.getAttribute('title')).toBe('agents, applications, reasoning');
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows a tag chip that wrapped out of sight once Tab reaches it, and hides it again after', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/library');
    await page.locator('.library-table tbody tr[data-paper-id]').first().waitFor();
    // A row whose strip of chips hides one on its second line.
    const hidden = await page.locator('.library-table td.col-tags').evaluateAll((cells) => {
      for (const cell of cells) {
        const strip = cell.querySelector('.tag-strip')!.getBoundingClientRect();
        const chips = [...cell.querySelectorAll('.tag-link')];
        const index = chips.findIndex((chip) => chip.getBoundingClientRect().top >= strip.bottom - 0.5);
        if (index > 0) return { id: cell.closest('tr')!.getAttribute('data-paper-id')!, index };
      }
      return null;
    });
    expect(hidden).not.toBeNull();
    const chips = page.locator(`.library-table tr[data-paper-id="${hidden!.id}"] .tag-link`);
    /** Whether the chip has focus, and lies whole inside its strip and its cell, on top where it is drawn. */
    const inSight = (index: number) =>
      chips.nth(index).evaluate((chip) => {
        const r = chip.getBoundingClientRect();
        const within = (box: DOMRect) =>
          r.left >= box.left - 0.5 &&
          r.right <= box.right + 0.5 &&
          r.top >= box.top - 0.5 &&
          r.bottom <= box.bottom + 0.5;
        const drawn = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {
          focused: document.activeElement === chip,
          whole:
            within(chip.closest('.tag-strip')!.getBoundingClientRect()) &&
            within(chip.closest('td')!.getBoundingClientRect()) &&
            drawn !== null &&
            chip.contains(drawn),
        };
      });

    await chips.nth(hidden!.index - 1).focus();
    await page.keyboard.press('Tab');
    expect(await inSight(hidden!.index)).toEqual({ focused: true, whole: true });
    // The strip did not scroll to it, leaving its first chip cut off.
    expect((await inSight(0)).whole).toBe(true);

    // Focus leaves the row's chips: the strip is one line again, its first chip in sight.
    await page.locator(`.library-table tr[data-paper-id="${hidden!.id}"] input[type="checkbox"]`).focus();
    expect(await inSight(0)).toEqual({ focused: false, whole: true });
    expect((await inSight(hidden!.index)).whole).toBe(false);
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

  it('selects every paper the filters match in one step, and exports them all', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${server.url}/library?venue=ICLR&tag=llm`);
    await page.getByText('150 papers match').waitFor({ timeout: 8_000 });
    await page.getByRole('button', { name: 'Select all 150 listed' }).click();
    await page.getByText('150 selected').waitFor({ timeout: 8_000 });
    // Only the rows on screen are drawn, yet all 150 are selected.
    expect(await page.locator('.library-table tbody input[type="checkbox"]:checked').count()).toBeLessThan(150);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSL-JSON' }).click(),
    ]);
    const items = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as Array<{ id: string }>;
    expect(items).toHaveLength(150);
    // ICLR (i % 4 == 0) and llm (i % 5 == 0): every twentieth generated paper.
    expect(items.every((item) => Number(item.id.slice(4)) % 20 === 0)).toBe(true);
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

  it('adds dropped files with a progress bar and shows the located problems of a bad file', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${server.url}/library`);
    await page.getByText(/^[\d,]+ papers$/).waitFor();
    const before = Number((await page.locator('.stat dd').first().textContent())?.replace(/\D/g, ''));

    // A bad file, dropped: nothing is indexed, and each problem names its file and line.
    const drop = async (name: string, text: string) => {
      const transfer = await page.evaluateHandle(
        ([fileName, content]) => {
          const data = new DataTransfer();
          data.items.add(new File([content], fileName, { type: 'application/json' }));
          return data;
        },
        [name, text] as const,
      );
      await page.locator('[data-testid="drop-zone"]').dispatchEvent('drop', { dataTransfer: transfer });
    };
    // A file with no usable record, dropped: nothing changes, and each problem names its file and line.
    await drop('broken.jsonl', `not json\n{"id": "no-title", "title": ""}\n`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('.notice-title').textContent()).toBe('The files were not added');
    expect(await alert.locator('.upload-problems li').allTextContents()).toEqual([
      expect.stringMatching(/^broken\.jsonl:1 /),
      expect.stringMatching(/^broken\.jsonl:2 .*title/),
    ]);
    await screenshot(page, 'library-upload-problems');

    // A good file, chosen: a progress bar, then the new papers in the counts and the table, no restart.
    await page.evaluate(() => {
      const seen = new MutationObserver(() => {
        if (document.querySelector('.upload-progress progress'))
          (window as { sawProgress?: boolean }).sawProgress = true;
      });
      seen.observe(document.body, { childList: true, subtree: true });
    });
    const added = Array.from({ length: 25 }, (_, i) => ({
      id: `dropped-${i}`,
      title: `Zeta dropped paper ${i}`,
      abstract: `An added paper about retrieval number ${i}.`,
      year: 2026,
      tags: ['dropped'],
    }));
    // One refused record among them: the others are added, and it is listed with its line.
    const lines = [...added.map((paper) => JSON.stringify(paper)), '{"id": "no-title-either", "title": ""}'];
    await page.getByLabel('Paper files').setInputFiles({
      name: 'added.jsonl',
      mimeType: 'application/json',
      buffer: Buffer.from(lines.join('\n')),
    });
    await page.getByText(/Indexed: 25 added/).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('alert').locator('.upload-problems li').allTextContents()).toEqual([
      expect.stringMatching(/^added\.jsonl:26 .*title/),
    ]);
    expect(await page.evaluate(() => (window as { sawProgress?: boolean }).sawProgress)).toBe(true);
    await expect.poll(() => page.locator('.stat dd').first().textContent()).toBe((before + 25).toLocaleString('en-US'));
    await page.locator('.facet-value', { hasText: 'dropped' }).click();
    await page.getByText('25 papers match').waitFor();
    await screenshot(page, 'library-upload-done');
    expect(pageProblems(page)).toEqual([]);
  }, 90_000);
});
