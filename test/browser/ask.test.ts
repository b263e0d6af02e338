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
});
