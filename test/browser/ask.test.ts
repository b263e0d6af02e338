import { describe, expect, it } from 'vitest';
import { browserPages, DESKTOP, PHONE, pageProblems, screenshot } from './support/pages.ts';

const openPage = browserPages();

describe('ask page', () => {
  it('answers a question with citation chips whose passage shows on focus and whose click reveals the source', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/');
    const question = page.getByRole('textbox', { name: 'Question' });
    await question.fill('Why do attention sinks appear in language models?');
    await question.press('Enter');
    await page.waitForURL(/\?q=Why\+do\+attention/);
    const chip = page.locator('[data-citation]').first();
    await chip.waitFor({ state: 'visible' });
    expect(await chip.getAttribute('aria-label')).toMatch(/^Citation \d+: .+/);

    await chip.focus();
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor({ state: 'visible' });
    expect((await tooltip.locator('mark').first().textContent())?.length).toBeGreaterThan(10);
    await screenshot(page, 'ask-chip-passage');

    const n = await chip.getAttribute('data-citation');
    await chip.click();
    const source = page.locator(`#source-${n}`);
    await expect.poll(() => source.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await source.isVisible()).toBe(true);
    expect(pageProblems(page)).toEqual([]);
  });

  it('says plainly when the library holds no answer, on a phone in the dark theme', async () => {
    const page = await openPage({ ...PHONE, colorScheme: 'dark' });
    await page.goto('/?q=How+do+glaciers+carve+fjords+in+Norway%3F');
    await page.getByRole('heading', { name: 'No answer from the library' }).waitFor();
    expect(await page.locator('[data-citation]').count()).toBe(0);
    await screenshot(page, 'ask-abstention-phone-dark');
    expect(pageProblems(page)).toEqual([]);
  });

  it('focuses the question box with the / key from anywhere in the app', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/library');
    await page.getByRole('heading', { name: 'Library' }).waitFor();
    await page.keyboard.press('/');
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('question');
    await screenshot(page, 'ask-slash-focus');
  });

  it('puts the bottom line of a yes/no question above the answer, sources numbered 1…n beside it on a wide screen', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`/?q=${encodeURIComponent('Do deep research agents cite sources accurately?')}`);
    const line = page.locator('[data-verdict]');
    await line.waitFor({ state: 'visible' });
    expect(await line.textContent()).toMatch(/^Bottom line\s*(Yes|No|Mixed|Unclear)/);
    // It names the papers on each side, or says that the cited sentences report no finding.
    expect(await line.textContent()).toMatch(/(for|against): \[\d+\]|report no finding/);
    const answer = page.locator('.answer-text');
    const lineBox = (await line.boundingBox())!;
    const answerBox = (await answer.boundingBox())!;
    expect(lineBox.y + lineBox.height).toBeLessThanOrEqual(answerBox.y);

    const chips = await page
      .locator('[data-citation]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-citation'))));
    const order = [...new Set(chips)];
    expect(order).toEqual(order.map((_, i) => i + 1));
    const sources = await page
      .locator('.source[data-source]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-source'))));
    expect(sources).toEqual(sources.map((_, i) => i + 1));

    const sourcesBox = (await page.getByRole('region', { name: 'Sources' }).boundingBox())!;
    const answerCard = (await page.getByRole('region', { name: 'Answer' }).boundingBox())!;
    expect(sourcesBox.x).toBeGreaterThanOrEqual(answerCard.x + answerCard.width);
    await screenshot(page, 'ask-bottom-line-wide');
    expect(pageProblems(page)).toEqual([]);
  });

  it('abstains on a question the library has no paper about, listing the closest papers with their scores', async () => {
    const page = await openPage(DESKTOP);
    // Its language models are the library's subject; its vaccines and influenza are not.
    await page.goto(
      `/?q=${encodeURIComponent('Which vaccines reduce influenza admissions in older language models?')}`,
    );
    await page.getByRole('heading', { name: 'No answer from the library' }).waitFor();
    const closest = page.locator('[data-closest]');
    await closest.first().waitFor();
    const texts = await closest.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts)
      expect(text).toMatch(/holds [1-9]\d*% of the question's key concepts; lacks .*(vaccines|influenza|admissions)/);
    expect(await page.locator('[data-citation]').count()).toBe(0);
    await screenshot(page, 'ask-abstention-closest');
    expect(pageProblems(page)).toEqual([]);
  });

  it('lists the questions asked since the page opened and reopens one with a click', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/');
    const box = page.getByRole('textbox', { name: 'Question' });
    await box.fill('What causes attention sinks?');
    await box.press('Enter');
    await page.locator('[data-citation]').first().waitFor();
    await box.fill('How does mixture of experts routing work?');
    await box.press('Enter');
    await page.waitForURL(/mixture/);
    const asked = page.getByRole('navigation', { name: 'Asked since this page opened' });
    const earlier = asked.getByRole('link', { name: 'What causes attention sinks?' });
    await earlier.waitFor();
    await earlier.click();
    await page.waitForURL(/q=What\+causes\+attention\+sinks/);
    // React renders the new URL a moment after the history changes: the box follows it.
    await expect.poll(() => box.inputValue()).toBe('What causes attention sinks?');
    await asked.getByRole('link', { name: 'How does mixture of experts routing work?' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });
});
