import { describe, expect, it } from 'vitest';
import { browserPages, DESKTOP, pageProblems, screenshot } from './support/pages.ts';

const openPage = browserPages();

const PASTED = [
  'Attention sinks are a structural artefact rooted in a discrepancy in variance [1].',
  'Negative valence is signalled mostly in the early layers [2].',
  'Quantum annealers beat transformers at translation [3].',
  '',
  'References',
  '[1] The Structural Origin of Attention Sink: Variance Discrepancy, Super Neurons, and Dimension Disparity. 2026.',
  '[2] Negative Before Positive: Asymmetric Valence Processing in Large Language Models. 2026.',
  '[3] A. Nobody. Quantum Annealing for Everything. 2019.',
].join('\n');

describe('verify page', () => {
  it('shows a verdict and evidence for each citation of a pasted answer', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/verify');
    await page.getByRole('textbox', { name: 'Text with citations' }).fill(PASTED);
    await page.getByRole('button', { name: 'Verify' }).click();
    const verdicts = page.locator('.verify-table [data-verdict]');
    await verdicts.first().waitFor();
    expect(await verdicts.count()).toBe(3);
    const values = await verdicts.evaluateAll((els) => els.map((el) => el.getAttribute('data-verdict')));
    expect(values[0]).toMatch(/supported/);
    expect(values[2]).toBe('not_in_library');
    expect(await page.locator('.verify-table q.evidence').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'verify-verdicts');
    expect(pageProblems(page)).toEqual([]);
  });

  it('marks each citation of the pasted text by its verdict, and opens the evidence within its abstract', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/verify');
    await page.getByRole('textbox', { name: 'Text with citations' }).fill(PASTED);
    await page.getByRole('button', { name: 'Verify' }).click();
    const region = page.getByRole('region', { name: 'Your text with each citation marked by its verdict' });
    const marks = region.locator('mark[data-verdict]');
    await marks.first().waitFor();
    expect(await marks.count()).toBe(3);
    const verdicts = await marks.evaluateAll((els) => els.map((el) => el.getAttribute('data-verdict')));
    expect(verdicts[0]).toMatch(/supported/);
    expect(verdicts[2]).toBe('not_in_library');
    expect(await marks.nth(2).textContent()).toBe('[3]? ([3]: not in the library)');
    // Each verdict also reads in words, not only as the mark's colour.
    expect(await marks.nth(0).getAttribute('title')).toMatch(/^\[1\]: (?:partly )?supported$/);

    const firstRow = page.locator('.verify-table tbody tr').first();
    const quoted = (await firstRow.locator('q.evidence').textContent())!;
    await firstRow.getByText('Show in the abstract').click();
    const marked = firstRow.locator('.evidence-context mark.evidence-mark');
    await marked.waitFor();
    expect(await marked.textContent()).toBe(quoted);
    expect((await firstRow.locator('.evidence-context').textContent())!.length).toBeGreaterThan(quoted.length);
    await screenshot(page, 'verify-marked-text');
    expect(pageProblems(page)).toEqual([]);
  });

  it('keeps the draft and the last result when the user goes to another page and comes back', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/verify');
    const box = page.getByRole('textbox', { name: 'Text with citations' });
    await box.fill(PASTED);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.locator('.verify-table [data-verdict]').first().waitFor();
    await page.getByRole('textbox', { name: 'Reference list (optional)' }).fill('an unsent note');

    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.waitForURL('**/search**');
    await page.getByRole('link', { name: 'Verify', exact: true }).click();
    await page.waitForURL('**/verify');
    expect(await box.inputValue()).toBe(PASTED);
    expect(await page.getByRole('textbox', { name: 'Reference list (optional)' }).inputValue()).toBe('an unsent note');
    expect(await page.locator('.verify-table [data-verdict]').count()).toBe(3);

    // A reload within the same tab keeps the draft too (session storage).
    await page.reload();
    expect(await page.getByRole('textbox', { name: 'Text with citations' }).inputValue()).toBe(PASTED);
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows a claim that its cited paper contradicts with its own word, icon and mark', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/verify');
    const text = [
      'Attention sinks are caused by semantic content in the first token [1].',
      '',
      'References',
      '[1] The Structural Origin of Attention Sink: Variance Discrepancy, Super Neurons, and Dimension Disparity. 2026.',
    ].join('\n');
    await page.getByRole('textbox', { name: 'Text with citations' }).fill(text);
    await page.getByRole('button', { name: 'Verify' }).click();
    const verdict = page.locator('.verify-table [data-verdict]').first();
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('contradicted');
    expect(await verdict.textContent()).toBe('≠ Contradicted');
    const mark = page.locator('.marked-text mark[data-verdict="contradicted"]');
    expect(await mark.getAttribute('class')).toContain('verdict-mark-contra');
    // Its colour differs from a citation that is not supported.
    const colours = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.className = 'verdict verdict-bad';
      document.body.append(probe);
      const bad = getComputedStyle(probe).color;
      probe.remove();
      return { contra: getComputedStyle(document.querySelector('[data-verdict="contradicted"].verdict')!).color, bad };
    });
    expect(colours.contra).not.toBe(colours.bad);
    await screenshot(page, 'verify-contradicted');
    expect(pageProblems(page)).toEqual([]);
  });

  it('checks a draft longer than 20,000 characters whole, its reference list at the end included', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/verify');
    const introduction = Array.from(
      { length: 220 },
      (_, i) => `Paragraph ${i} of the introduction discusses prior work on serving language models in general terms.`,
    ).join(' ');
    const draft = [
      introduction,
      '',
      'Attention sinks are a structural artefact rooted in a discrepancy in variance [1].',
      '',
      'References',
      '[1] The Structural Origin of Attention Sink: Variance Discrepancy, Super Neurons, and Dimension Disparity. 2026.',
    ].join('\n');
    expect(draft.length).toBeGreaterThan(20_000);
    const box = page.getByRole('textbox', { name: 'Text with citations' });
    await box.fill(draft);
    expect((await box.inputValue()).length).toBe(draft.length);
    await page.getByRole('button', { name: 'Verify' }).click();
    const verdict = page.locator('.verify-table [data-verdict]').first();
    await verdict.waitFor();
    expect(await page.locator('.verify-table [data-verdict]').count()).toBe(1);
    expect(await verdict.getAttribute('data-verdict')).toMatch(/supported/);
    expect(pageProblems(page)).toEqual([]);
  });

  it('checks the text with Ctrl+Enter from its box, where Enter alone starts a new line', async () => {
    const page = await openPage(DESKTOP);
    await page.goto('/verify');
    const box = page.getByRole('textbox', { name: 'Text with citations' });
    await box.fill('Attention sinks are a structural artefact rooted in a discrepancy in variance [1].');
    await box.press('End');
    await box.press('Enter');
    await box.pressSequentially('References');
    await box.press('Enter');
    await box.pressSequentially('[1] The Structural Origin of Attention Sink. 2026.');
    expect((await box.inputValue()).split('\n')).toHaveLength(3);
    expect(await page.locator('.verify-table').count()).toBe(0);

    await box.press('Control+Enter');
    const verdict = page.locator('.verify-table [data-verdict]').first();
    await verdict.waitFor({ timeout: 8_000 });
    expect(await verdict.getAttribute('data-verdict')).toMatch(/supported/);
    expect(pageProblems(page)).toEqual([]);
  });
});
