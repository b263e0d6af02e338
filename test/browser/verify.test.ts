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
});
