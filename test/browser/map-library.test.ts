import { describe, expect, it } from 'vitest';
import { browserPages, DESKTOP, PHONE, pageProblems, screenshot } from './support/pages.ts';

const openPage = browserPages();

describe('map and library pages', () => {
  it('draws every paper, names the clusters, highlights only relevant hits and shows a tapped paper beside the map', async () => {
    const page = await openPage(DESKTOP);
    const stats = await (await page.request.get('/api/stats')).json();
    await page.goto('/map?q=attention');
    const points = page.locator('circle.map-point[data-paper-id]');
    await points.first().waitFor();
    expect(await points.count()).toBe(stats.papers);
    // The four papers of the sample library that hold "attention" are highlighted as holding it, and
    // nothing else (the old map highlighted the top 12 whatever their score).
    await expect.poll(() => page.locator('.result-summary').textContent()).toBe('4 papers match “attention”');
    const keyword = await (await page.request.get('/api/search?q=attention&mode=keyword&k=100')).json();
    const holding = keyword.results
      .filter((r: { match: boolean }) => r.match)
      .map((r: { paper: { id: string } }) => r.paper.id);
    expect(holding).toHaveLength(4);
    const idsOf = (selector: string) =>
      page.locator(selector).evaluateAll((circles) => circles.map((c) => c.getAttribute('data-paper-id')).sort());
    expect(await idsOf('circle.is-hit.is-word-hit')).toEqual([...holding].sort());
    expect(await page.locator('circle.is-hit').count()).toBe(4);
    expect(await page.locator('circle.is-meaning-hit').count()).toBe(0);
    expect(await page.locator('#hits-heading + p + ol li').count()).toBe(4);
    // Clusters are named by words, not numbers.
    expect(await page.locator('.map-cluster-name').count()).toBeGreaterThan(0);
    expect(await page.locator('.legend').textContent()).not.toMatch(/Cluster \d/);

    const hit = page.locator('circle.is-hit').first();
    const id = await hit.getAttribute('data-paper-id');
    const title = await page.locator(`circle.map-hit[data-hit-for="${id}"]`).getAttribute('aria-label');
    // Points take no pointer events themselves (the map finds the nearest), so press where the point is drawn.
    const at = (await hit.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await expect.poll(() => page.locator('.map-label text').textContent()).toMatch(/^.{4,}/);
    expect(await page.locator('.map-label').evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
    await page.waitForURL((url) => url.searchParams.get('paper') === id);
    await expect.poll(() => page.locator('.map-panel .map-panel-title').textContent()).toBe(title);
    await screenshot(page, 'map-highlighted');
    await page.locator('.map-panel').getByRole('link', { name: 'Open' }).click();
    await page.waitForURL((url) => url.pathname === `/papers/${id}`);
    expect(pageProblems(page)).toEqual([]);
  });

  it('marks the papers that hold the word searched for apart from those that match by meaning alone', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/map?q=unlearning');
    await page.locator('circle.map-point').first().waitFor();
    // In the sample library one paper holds "unlearning"; StraTA's reinforcement-learning agents come
    // close enough in meaning to match.
    await expect.poll(() => page.locator('.result-summary').textContent()).toBe('2 papers match “unlearning”');
    const idsOf = (selector: string) =>
      page.locator(selector).evaluateAll((circles) => circles.map((c) => c.getAttribute('data-paper-id')));
    expect(await idsOf('circle.is-hit.is-word-hit')).toEqual(['icu-bench-multimodal-unlearning']);
    expect(await idsOf('circle.is-hit.is-meaning-hit')).toEqual(['strata-strategic-trajectory-abstraction']);
    expect(await page.locator('circle.is-hit').count()).toBe(2);
    const keyword = await (await page.request.get('/api/search?q=unlearning&mode=keyword&k=100')).json();
    expect(
      keyword.results.filter((r: { match: boolean }) => r.match).map((r: { paper: { id: string } }) => r.paper.id),
    ).toEqual(['icu-bench-multimodal-unlearning']);
    // Drawn apart: a solid ring for the word, a dashed one for meaning; the list says which is which.
    const dashes = (selector: string) => page.locator(selector).evaluate((c) => getComputedStyle(c).strokeDasharray);
    expect(await dashes('circle.is-word-hit')).toBe('none');
    expect(await dashes('circle.is-meaning-hit')).not.toBe('none');
    const listed = await page.locator('#hits-heading + p + ol li').allTextContents();
    expect(listed).toHaveLength(2);
    expect(listed.filter((text) => text.endsWith(' · close in meaning'))).toHaveLength(1);
    await screenshot(page, 'map-word-and-meaning-hits');
    expect(pageProblems(page)).toEqual([]);
  });

  it('draws no cluster name over another on a 390 px phone, each inside the map', async () => {
    const page = await openPage(PHONE);
    await page.goto('/map');
    await page.locator('circle.map-point').first().waitFor();
    const names = page.locator('.map-cluster-names .map-cluster-name');
    await expect.poll(() => names.count()).toBeGreaterThan(1);
    const map = (await page.locator('svg.map-svg').boundingBox())!;
    const boxes = await names.evaluateAll((texts) =>
      texts.map((text) => {
        const { left, top, right, bottom } = text.getBoundingClientRect();
        return { text: text.textContent, left, top, right, bottom };
      }),
    );
    const overlaps: string[] = [];
    for (const [i, a] of boxes.entries()) {
      expect(a.left, a.text ?? '').toBeGreaterThanOrEqual(map.x);
      expect(a.right, a.text ?? '').toBeLessThanOrEqual(map.x + map.width);
      for (const b of boxes.slice(i + 1)) {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          overlaps.push(`${a.text} / ${b.text}`);
      }
    }
    expect(overlaps).toEqual([]);
    await screenshot(page, 'map-phone-names');
    expect(pageProblems(page)).toEqual([]);
  });

  it('lets every point be tapped on a phone, even under a label, and hides a cluster from its legend entry', async () => {
    const page = await openPage({ ...PHONE, hasTouch: true, isMobile: true });
    await page.goto('/map');
    const points = page.locator('circle.map-point[data-paper-id]');
    await points.first().waitFor();
    const ids = await points.evaluateAll((circles) => circles.map((c) => c.getAttribute('data-paper-id') ?? ''));
    const missed: string[] = [];
    for (const id of ids) {
      const box = await page.locator(`circle.map-point[data-paper-id="${id}"]`).boundingBox();
      if (!box) {
        missed.push(`${id} (not drawn)`);
        continue;
      }
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      const selected = await expect
        .poll(() => new URL(page.url()).searchParams.get('paper'), { timeout: 1_000 })
        .toBe(id)
        .then(() => true)
        .catch(() => false);
      if (!selected) missed.push(id);
    }
    expect(missed).toEqual([]);
    // A tap a little off the point (within 12 px) still finds it.
    const first = await points.first().boundingBox();
    const firstId = await points.first().getAttribute('data-paper-id');
    await page.touchscreen.tap(first!.x + first!.width / 2 + 9, first!.y + first!.height / 2);
    await expect.poll(() => new URL(page.url()).searchParams.get('paper')).toBe(firstId);
    await screenshot(page, 'map-phone-tapped');

    const legend = page.locator('.legend-item').first();
    const before = await points.count();
    const groupSize = Number((await legend.locator('.muted').textContent())?.replace(/\D/g, ''));
    await legend.click();
    await expect.poll(() => points.count()).toBe(before - groupSize);
    expect(await legend.getAttribute('aria-pressed')).toBe('false');
    expect(pageProblems(page)).toEqual([]);
  });

  it('keeps the colouring in the URL, through Back, a reload and a shared link', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/map?q=attention');
    await page.locator('circle.map-point').first().waitFor();
    const byTag = page.getByRole('radio', { name: 'Tag' });
    const byCluster = page.getByRole('radio', { name: 'Cluster' });
    const legend = page.locator('.legend');
    expect(await byCluster.isChecked()).toBe(true);
    await byTag.check();
    await page.waitForURL((url) => url.searchParams.get('color') === 'tag', { timeout: 8_000 });
    expect(new URL(page.url()).searchParams.get('q')).toBe('attention');
    await expect.poll(() => legend.getAttribute('aria-label')).toMatch(/^Colours by tag/);

    await page.reload();
    await page.locator('circle.map-point').first().waitFor();
    expect(await byTag.isChecked()).toBe(true);
    expect(await legend.getAttribute('aria-label')).toMatch(/^Colours by tag/);

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('color'), { timeout: 8_000 });
    await expect.poll(() => byCluster.isChecked()).toBe(true);
    await expect.poll(() => legend.getAttribute('aria-label')).toMatch(/^Colours by cluster/);

    // A link with a colouring this version does not know opens with the default.
    await page.goto('/map?color=venue');
    await page.locator('circle.map-point').first().waitFor();
    expect(await byCluster.isChecked()).toBe(true);
    expect(pageProblems(page)).toEqual([]);
  });

  it('zooms with the wheel, the buttons and the keyboard, and pans with a drag', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/map');
    const map = page.locator('svg.map-svg');
    await page.locator('circle.map-point').first().waitFor();
    const zoom = async () => Number(await map.getAttribute('data-zoom'));
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await expect.poll(zoom).toBeGreaterThan(1.5);
    const zoomed = await zoom();

    const point = page.locator('circle.map-point').first();
    const before = (await point.boundingBox())!;
    await page.mouse.move(box.x + 200, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 260, box.y + 240, { steps: 5 });
    await page.mouse.up();
    const after = (await point.boundingBox())!;
    expect(Math.round(after.x - before.x)).not.toBe(0);
    await screenshot(page, 'map-zoomed');

    await map.focus();
    await page.keyboard.press('-');
    await expect.poll(zoom).toBeLessThan(zoomed);
    await page.keyboard.press('0');
    await expect.poll(zoom).toBe(1);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(zoom).toBe(1.5);
    expect(pageProblems(page)).toEqual([]);
  });

  it('keeps the export buttons together on one line, none left alone under the others', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/library');
    const bar = page.getByRole('region', { name: 'Selected papers' });
    await bar.getByRole('button', { name: /^Select all \d+ listed$/ }).waitFor();
    const tops = await bar
      .getByRole('button', { name: /^Export / })
      .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(tops.length).toBe(3);
    expect(new Set(tops).size).toBe(1);
  });

  it('keeps the selected papers when the reader opens one of them and comes Back', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/library');
    const row = page.locator('.library-table tbody tr:has(input[type=checkbox])').nth(1);
    await row.locator('input[type=checkbox]').check();
    const status = page.getByRole('region', { name: 'Selected papers' }).getByRole('status');
    expect(await status.textContent()).toBe('1 selected');
    await row.locator('a').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/papers/'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/library');
    await expect.poll(() => status.textContent()).toBe('1 selected');
    expect(await row.locator('input[type=checkbox]').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await page.reload();
    await expect.poll(() => status.textContent()).toBe('Select papers to export them.');
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
