import { describe, expect, it } from 'vitest';
import { browserPages, DESKTOP, PHONE, pageProblems, screenshot } from './support/pages.ts';

const openPage = browserPages();

describe('search page', () => {
  it('puts the query and a filter in the URL, keeps the results on reload, and goes back with the back button', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/search');
    await page.getByRole('searchbox', { name: 'Search query' }).fill('attention');
    await page.getByRole('textbox', { name: 'Tag' }).fill('interpretability');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/[?&]tag=interpretability/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('attention');

    const titles = page.locator('.result-title');
    await titles.first().waitFor();
    const before = await titles.allTextContents();
    expect(before.length).toBeGreaterThan(0);
    for (const tags of await page.locator('.result .tags').allTextContents())
      expect(tags).toContain('interpretability');
    expect(await page.locator('.result-summary').textContent()).toMatch(/\d+ ms/);
    expect(await page.locator('.result mark.hit').count()).toBeGreaterThan(0);
    await screenshot(page, 'search-with-filter');

    await page.reload();
    await titles.first().waitFor();
    expect(await titles.allTextContents()).toEqual(before);
    expect(await page.getByRole('textbox', { name: 'Tag' }).inputValue()).toBe('interpretability');

    await page.getByRole('radio', { name: 'Keyword' }).check();
    await page.waitForURL(/mode=keyword/);
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('mode'));
    await expect.poll(() => page.getByRole('radio', { name: 'Hybrid' }).isChecked()).toBe(true);
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows the mode and query of the URL when Back comes before a mode change or a search has been drawn', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/search?q=attention&tag=interpretability');
    await page.locator('.result-title').first().waitFor();
    // The router writes the URL, then renders it in a transition; going back inside that window
    // lets React draw both navigations as one, landing on the URL it already showed.
    type Flagged = Window & { wentBack?: boolean };
    const backOnNextPush = () =>
      page.evaluate(() => {
        const push = history.pushState.bind(history);
        (window as Flagged).wentBack = false;
        addEventListener('popstate', () => ((window as Flagged).wentBack = true), { once: true });
        history.pushState = (...args: Parameters<History['pushState']>) => {
          push(...args);
          history.pushState = push;
          history.back();
        };
      });
    const wentBack = () => page.waitForFunction(() => (window as Flagged).wentBack === true);

    await backOnNextPush();
    await page.getByRole('radio', { name: 'Keyword' }).click();
    await wentBack();
    await expect.poll(() => page.getByRole('radio', { name: 'Hybrid' }).isChecked()).toBe(true);
    expect(new URL(page.url()).searchParams.has('mode')).toBe(false);

    await page.getByRole('searchbox', { name: 'Search query' }).fill('retrieval');
    await backOnNextPush();
    await page.getByRole('button', { name: 'Search' }).click();
    await wentBack();
    await expect.poll(() => page.getByRole('searchbox', { name: 'Search query' }).inputValue()).toBe('attention');
    expect(new URL(page.url()).searchParams.get('q')).toBe('attention');
    expect(pageProblems(page)).toEqual([]);
  });

  it('reaches results with the keyboard: / focuses the box, Tab moves on to the result links', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/search?q=retrieval');
    await page.locator('.result-title a').first().waitFor();
    await page.locator('body').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
    const reached: string[] = [];
    for (let i = 0; i < 14 && reached.length === 0; i++) {
      await page.keyboard.press('Tab');
      const inResult = await page.evaluate(() => Boolean(document.activeElement?.closest('.result-title')));
      if (inResult) reached.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
    }
    expect(reached).toHaveLength(1);
    await screenshot(page, 'search-keyboard-focus');
  });

  it('opens the next page of results at its top, not near its bottom', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/search?q=language%20models');
    await page.locator('.result-title').first().waitFor();
    const next = page.getByRole('link', { name: 'Next' });
    await next.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await next.click();
    await page.waitForURL((url) => url.searchParams.get('offset') === '10');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await expect.poll(() => page.locator('.results').first().getAttribute('start')).toBe('11');
    await screenshot(page, 'search-page-two');
    expect(pageProblems(page)).toEqual([]);
  });

  it('comes Back from a paper to the same place in the results, not their top', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/search?q=attention%20sink');
    const link = page.locator('.result-title a').nth(7);
    await link.waitFor();
    await link.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(500);
    await link.click();
    await page.waitForURL((url) => url.pathname.startsWith('/papers/'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/search');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before);
    // A link followed from there (a push) still opens its page at the top.
    await page.locator('.result-title a').nth(7).click();
    await page.waitForURL((url) => url.pathname.startsWith('/papers/'));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    expect(pageProblems(page)).toEqual([]);
  });

  it('says whether a result contains the words instead of a bare score, and narrows the search by a tag', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/search?q=attention');
    await page.locator('.result-title').first().waitFor();
    for (const text of await page.locator('.result .score').allTextContents()) {
      expect(text).toMatch(/^(Contains your words|Close in meaning|Not a match; nearest in meaning)$/);
    }
    const tag = page.locator('.result .tags a').first();
    const name = (await tag.textContent()) ?? '';
    await tag.click();
    await page.waitForURL((url) => url.searchParams.get('tag') === name && url.searchParams.get('q') === 'attention');
    await expect.poll(() => page.getByRole('textbox', { name: 'Tag' }).inputValue()).toBe(name);
    expect(pageProblems(page)).toEqual([]);
  });

  it('folds the filters away on a phone and sends the chosen order to the API', async () => {
    const page = await openPage(PHONE);
    await page.goto('/search?q=attention');
    await page.locator('.result-title').first().waitFor();
    const tag = page.getByRole('textbox', { name: 'Tag' });
    expect(await tag.isVisible()).toBe(false);
    await page.locator('.filters-toggle > summary').click();
    expect(await tag.isVisible()).toBe(true);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await screenshot(page, 'search-phone-filters');

    const sent = page.waitForRequest((request) => new URL(request.url()).searchParams.get('sort') === 'year');
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('year');
    await sent;
    await page.waitForURL((url) => url.searchParams.get('sort') === 'year');
    expect(pageProblems(page)).toEqual([]);
  });

  it('passes a quoted phrase and an exclusion through to the API, counting and marking only the papers holding the phrase', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/search');
    await page.getByRole('searchbox', { name: 'Search query' }).fill('"kv cache"');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '"kv cache"');
    const titles = page.locator('.result-title');
    await titles.first().waitFor();
    expect((await titles.allTextContents()).sort()).toEqual([
      'Feather: Batch Size vs. Prefix Homogeneity in LLM Inference',
      'Memory Inception: Latent-Space KV Cache Manipulation for Steering LLMs',
    ]);
    expect(await page.locator('.result-summary').textContent()).toMatch(/^Results 1–2 of 2\b/);
    const marked = (await page.locator('.result mark.hit').allTextContents()).map((text) => text.toLowerCase());
    expect(marked).toContain('kv cache');

    await page.goto(`/search?q=${encodeURIComponent('"kv cache" -prefix')}`);
    await expect.poll(() => page.locator('.result-summary').textContent()).toMatch(/^1 result of 1\b/);
    expect(await titles.allTextContents()).toEqual([
      'Memory Inception: Latent-Space KV Cache Manipulation for Steering LLMs',
    ]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('finds papers like a pasted abstract, with the total, and orders by year when asked', async () => {
    const page = await openPage(DESKTOP);
    const { paper } = await (await page.request.get('/api/papers/attention-sink-structural-origin')).json();
    await page.goto('/search');
    await page.getByText('Papers like this text').click();
    await page.getByRole('textbox', { name: 'Paste an abstract or a paragraph' }).fill(paper.abstract);
    await page.getByRole('button', { name: 'Find similar papers' }).click();
    const first = page.locator('.like-text .result-title').first();
    await expect.poll(() => first.textContent()).toBe(paper.title);
    await screenshot(page, 'search-like-text');
    expect(pageProblems(page)).toEqual([]);

    // A fresh browser session: this one keeps the pasted text and its results above any later search.
    const page2 = await openPage(DESKTOP);
    await page2.goto('/search?q=attention&sort=year');
    await page2.locator('.result-title').first().waitFor();
    expect(await page2.locator('.result-summary').textContent()).toMatch(
      /^Results 1–\d+(?: of|:) (at least )?\d+ matching/,
    );
    const years = (await page2.locator('.results .paper-meta').allTextContents()).map((meta) =>
      Number(/\b(19|20)\d\d\b/.exec(meta)?.[0] ?? 0),
    );
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(await page2.locator('.search-facets .facet-value').count()).toBeGreaterThan(0);
    expect(pageProblems(page2)).toEqual([]);
  });

  it('keeps the pasted text and the papers like it when the reader opens one and comes back', async () => {
    const page = await openPage(DESKTOP);
    const { paper } = await (await page.request.get('/api/papers/attention-sink-structural-origin')).json();
    await page.goto('/search?q=attention');
    await page.getByText('Papers like this text').click();
    const box = page.getByRole('textbox', { name: 'Paste an abstract or a paragraph' });
    await box.fill(paper.abstract);
    await page.getByRole('button', { name: 'Find similar papers' }).click();
    const found = page.locator('.like-text .result-title');
    await expect.poll(() => found.first().textContent()).toBe(paper.title);
    const titles = await found.allTextContents();
    expect(await page.locator('.like-text-summary').textContent()).toMatch(/closest in meaning to the text/);

    await found.first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: paper.title }).waitFor();
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/search');
    await expect.poll(() => found.allTextContents()).toEqual(titles);
    expect(await box.inputValue()).toBe(paper.abstract);
    await screenshot(page, 'search-like-text-after-back');

    await page.getByRole('button', { name: 'Clear' }).click();
    expect(await found.count()).toBe(0);
    await page.reload();
    await page.locator('.result-title').first().waitFor();
    expect(await box.inputValue()).toBe('');
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows a venue filter, which the form has no field for, as a chip that removes it', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/search?q=attention&venue=Journal+of+Nowhere');
    await page.getByText('No papers match “attention”.').waitFor();
    const chips = page.getByRole('list', { name: 'Active filters' });
    expect(await chips.textContent()).toContain('Venue: Journal of Nowhere');
    await screenshot(page, 'search-venue-chip');

    await chips.getByRole('link', { name: /Venue: Journal of Nowhere/ }).click();
    await page.waitForURL((url) => !url.searchParams.has('venue') && url.searchParams.get('q') === 'attention');
    await page.locator('.result-title').first().waitFor();
    expect(await chips.count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
  });

  it('searches a text too long for the search box by meaning, whole, instead of cutting it short unseen', async () => {
    const page = await openPage(DESKTOP);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const { paper } = await (await page.request.get('/api/papers/leakdojo-rag-leakage')).json();
    const long = `${paper.abstract} `.repeat(6).trim();
    expect(long.length).toBeGreaterThan(1000);
    await page.goto('/search?q=attention');
    await page.locator('.result-title').first().waitFor();
    await page.evaluate((text) => navigator.clipboard.writeText(text), long);
    const box = page.getByRole('searchbox', { name: 'Search query' });
    await box.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');

    const likeBox = page.getByRole('textbox', { name: 'Paste an abstract or a paragraph' });
    await expect.poll(() => likeBox.inputValue()).toBe(long);
    await expect.poll(() => page.locator('.like-text .result-title').first().textContent()).toBe(paper.title);
    expect(await page.locator('.like-text').getByRole('note').textContent()).toMatch(
      /longer than its 1,000 characters/,
    );
    // The search box keeps the query it had, not the first 1,000 characters of the text.
    expect(await box.inputValue()).toBe('attention');
    await screenshot(page, 'search-long-paste');
    expect(pageProblems(page)).toEqual([]);
  });
});
