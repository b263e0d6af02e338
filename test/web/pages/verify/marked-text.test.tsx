// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyCitation, VerifyResponse } from '../../../../server/verify/verify.schema.ts';
import { AbstractWithEvidence } from '../../../../web/src/pages/verify/evidence-in-abstract.tsx';
import { MarkedText } from '../../../../web/src/pages/verify/marked-text.tsx';
import { verifyView } from '../../../../web/src/pages/verify/verify-model.ts';

const TEXT = 'Sinks are structural [1, 2].\n\nSinks carry meaning (Lin, 2026). Dreams [9].';
const at = (marker: string) => ({ start: TEXT.indexOf(marker), end: TEXT.indexOf(marker) + marker.length });

const citation = (marker: string, group: string, verdict: VerifyCitation['verdict']): VerifyCitation => ({
  marker,
  kind: 'numeric',
  ...at(group),
  paperId: verdict === 'not_in_library' ? null : 'p',
  title: verdict === 'not_in_library' ? null : 'P',
  verdict,
  score: 0.5,
  support: 0.25,
  contradiction: 0.25,
  judge: 'builtin',
  evidence: null,
  conflicts: [],
  resolvedBy: null,
  reference: null,
  note: null,
  closest: null,
  part: null,
});

const response: VerifyResponse = {
  claims: [
    {
      text: 'Sinks are structural [1, 2].',
      ...at('Sinks are structural [1, 2].'),
      citations: [citation('[1]', '[1, 2]', 'supported'), citation('[2]', '[1, 2]', 'not_supported')],
      suggestions: [],
    },
    {
      text: 'Sinks carry meaning (Lin, 2026).',
      ...at('Sinks carry meaning (Lin, 2026).'),
      citations: [citation('Lin, 2026', '(Lin, 2026)', 'contradicted')],
      suggestions: [],
    },
    {
      text: 'Dreams [9].',
      ...at('Dreams [9].'),
      citations: [citation('[9]', '[9]', 'not_in_library')],
      suggestions: [],
    },
  ],
  references: [],
  tookMs: 1,
};

afterEach(cleanup);

describe('marked-text', () => {
  it('shows the pasted text exactly, white space kept, with one mark per citation group', () => {
    render(<MarkedText view={verifyView(response, TEXT)} />);
    const region = screen.getByRole('region', { name: 'Your text with each citation marked by its verdict' });
    const marks = [...region.querySelectorAll('mark')];
    expect(marks.map((m) => m.firstChild?.textContent)).toEqual(['[1, 2]', '(Lin, 2026)', '[9]']);
    // Without the icons and the words for screen readers, the region reads as the text that was sent.
    const copy = region.cloneNode(true) as HTMLElement;
    for (const extra of copy.querySelectorAll('.verdict-mark-icons, .visually-hidden')) extra.remove();
    expect(copy.textContent).toBe(TEXT);
  });

  it('marks a group by its most serious verdict and names every verdict in it in words', () => {
    render(<MarkedText view={verifyView(response, TEXT)} />);
    const marks = [...document.querySelectorAll('mark')];
    expect(marks.map((m) => m.className)).toEqual([
      'verdict-mark verdict-mark-bad',
      'verdict-mark verdict-mark-contra',
      'verdict-mark verdict-mark-none',
    ]);
    expect(marks[0]!.getAttribute('data-verdict')).toBe('supported not_supported');
    expect(marks[0]!.textContent).toBe('[1, 2]✓✗ ([1]: supported; [2]: not supported)');
    expect(marks[1]!.textContent).toBe('(Lin, 2026)≠ (Lin, 2026: contradicted)');
  });

  it('leaves out marks whose offsets fall outside the text', () => {
    const view = verifyView(response, 'short');
    expect(view.marks).toEqual([]);
  });
});

describe('evidence-in-abstract', () => {
  it('marks the evidence sentence within the whole abstract', () => {
    const abstract = 'We ran a trial. Caffeine raised recall by 12%. Sleep was unchanged.';
    const start = abstract.indexOf('Caffeine');
    const end = abstract.indexOf(' Sleep');
    const { container } = render(<AbstractWithEvidence text={abstract} start={start} end={end} />);
    expect(container.textContent).toBe(abstract);
    expect([...container.querySelectorAll('mark.evidence-mark')].map((m) => m.textContent)).toEqual([
      'Caffeine raised recall by 12%.',
    ]);
  });
});
