// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyCitation, VerifyResponse } from '../../../../server/verify/verify.schema.ts';
import { verifyView } from '../../../../web/src/pages/verify/verify-model.ts';
import { VerifyTable } from '../../../../web/src/pages/verify/verify-table.tsx';

const citation = (over: Partial<VerifyCitation>): VerifyCitation => ({
  marker: '[1]',
  kind: 'numeric',
  start: 0,
  end: 3,
  paperId: null,
  title: null,
  verdict: 'not_in_library',
  score: 0,
  support: 0,
  contradiction: 0,
  judge: null,
  evidence: null,
  conflicts: [],
  resolvedBy: null,
  reference: null,
  note: null,
  closest: null,
  part: null,
  ...over,
});

const TEXT = 'Attention sinks are a structural artefact [1, 2]. Models dream in colour [7]. Sinks carry meaning [3].';
const at = (marker: string) => ({ start: TEXT.indexOf(marker), end: TEXT.indexOf(marker) + marker.length });

const response: VerifyResponse = {
  claims: [
    {
      text: 'Attention sinks are a structural artefact [1, 2].',
      start: 0,
      end: 50,
      citations: [
        citation({
          marker: '[1]',
          ...at('[1, 2]'),
          paperId: 'sink-paper',
          title: 'The Structural Origin of Attention Sinks',
          verdict: 'supported',
          score: 0.9,
          evidence: { text: 'The sink is a structural artefact of variance.', start: 20, end: 66, field: 'abstract' },
          resolvedBy: 'title',
        }),
        citation({
          marker: '[2]',
          ...at('[1, 2]'),
          paperId: 'valence-paper',
          title: 'Negative Before Positive',
          verdict: 'not_supported',
          score: 0.1,
          conflicts: ['negation'],
          note: 'The paper is about emotional valence.',
        }),
      ],
      suggestions: [
        {
          paperId: 'other-sink',
          title: 'Sinks Revisited',
          score: 0.8,
          evidence: { text: 'Sinks arise from variance.', start: 0, end: 26, field: 'abstract' },
        },
      ],
    },
    {
      text: 'Models dream in colour [7].',
      start: 51,
      end: 78,
      citations: [
        citation({
          marker: '[7]',
          ...at('[7]'),
          reference: '[7] A. Nobody. Dreams of Models. 2019.',
          note: 'No library paper matches.',
          closest: { paperId: 'dream-paper', title: 'Do Language Models Dream?', score: 0.4 },
        }),
      ],
      suggestions: [],
    },
    {
      text: 'Sinks carry meaning [3].',
      start: TEXT.indexOf('Sinks carry'),
      end: TEXT.length,
      citations: [
        citation({
          marker: '[3]',
          ...at('[3]'),
          paperId: 'sink-paper',
          title: 'The Structural Origin of Attention Sinks',
          verdict: 'contradicted',
          score: 0.2,
          evidence: { text: 'The sink carries no semantic meaning.', start: 67, end: 104, field: 'abstract' },
          resolvedBy: 'title',
        }),
      ],
      suggestions: [],
    },
  ],
  references: [],
  tookMs: 5,
};

function show(view = verifyView(response, TEXT)) {
  return render(
    <MemoryRouter>
      <VerifyTable claims={view.claims} />
    </MemoryRouter>,
  );
}

afterEach(cleanup);

describe('verify-table', () => {
  it('gives each claim a row group with one row per citation', () => {
    show();
    const groups = screen.getAllByRole('rowgroup').slice(1);
    expect(groups).toHaveLength(3);
    expect(within(groups[0]!).getAllByRole('row')).toHaveLength(2);
    expect(within(groups[1]!).getAllByRole('row')).toHaveLength(1);
    expect(groups[0]!.querySelector('.claim-cell')!.getAttribute('rowspan')).toBe('2');
  });

  it('states each verdict in words, not only by colour, with the reason when there is one', () => {
    const { container } = show();
    const verdicts = [...container.querySelectorAll('[data-verdict]')];
    expect(verdicts.map((v) => v.getAttribute('data-verdict'))).toEqual([
      'supported',
      'not_supported',
      'not_in_library',
      'contradicted',
    ]);
    expect(verdicts.map((v) => v.textContent?.replace(/^\S+\s/, ''))).toEqual([
      'Supported',
      'Not supported',
      'Not in the library',
      'Contradicted',
    ]);
    expect(verdicts[1]!.className).toContain('verdict-bad');
    expect(screen.getByText('the evidence negates the claim; The paper is about emotional valence.')).toBeTruthy();
  });

  it('quotes the evidence sentence of the cited paper', () => {
    const { container } = show();
    const evidence = container.querySelectorAll('q.evidence');
    expect([...evidence].map((q) => q.textContent)).toEqual([
      'The sink is a structural artefact of variance.',
      'The sink carries no semantic meaning.',
    ]);
    expect(screen.getAllByText('No evidence sentence')).toHaveLength(2);
    expect(screen.getAllByText('Show in the abstract')).toHaveLength(2);
  });

  it('links cited and better-supported papers, and names the reference a citation points at', () => {
    show();
    expect(screen.getByRole('link', { name: 'Sinks Revisited' }).getAttribute('href')).toBe('/papers/other-sink');
    expect(screen.getByText('“Sinks arise from variance.”')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Negative Before Positive' }).getAttribute('href')).toBe(
      '/papers/valence-paper',
    );
    expect(screen.getByText('[7] A. Nobody. Dreams of Models. 2019.')).toBeTruthy();
    expect(screen.getAllByText('None better')).toHaveLength(2);
  });

  it('counts the verdicts by how they read, contradicted apart from not supported', () => {
    expect(verifyView(response, TEXT).summary).toEqual({ ok: 1, warn: 0, contra: 1, bad: 1, none: 1 });
  });

  it('shows a contradicted citation with its own word, icon and colour class', () => {
    const { container } = show();
    const contradicted = container.querySelector('[data-verdict="contradicted"]')!;
    expect(contradicted.textContent).toBe('≠ Contradicted');
    expect(contradicted.className).toContain('verdict-contra');
    const others = [...container.querySelectorAll('[data-verdict]')].filter((v) => v !== contradicted);
    for (const other of others) {
      expect(other.className).not.toContain('verdict-contra');
      expect(other.textContent).not.toContain('≠');
    }
  });

  it('names the library paper an unresolved reference most resembles, with a link', () => {
    show();
    expect(screen.getByRole('link', { name: 'Do Language Models Dream?' }).getAttribute('href')).toBe(
      '/papers/dream-paper',
    );
    expect(screen.getByText('(40% of title words shared)')).toBeTruthy();
  });

  it('shows the part of a claim a citation was judged for, when it was not the whole sentence', () => {
    const part = { text: 'Attention sinks are a structural artefact', start: 0, end: 41 };
    const judgedInPart: VerifyResponse = {
      ...response,
      claims: [{ ...response.claims[0]!, citations: [{ ...response.claims[0]!.citations[0]!, part }] }],
    };
    const { container } = show(verifyView(judgedInPart, TEXT));
    expect([...container.querySelectorAll('.citation-part')].map((e) => e.textContent)).toEqual([
      'Judged for “Attention sinks are a structural artefact”',
    ]);
    cleanup();
    expect(show().container.querySelectorAll('.citation-part')).toHaveLength(0);
  });

  it('says so when a claim cites nothing', () => {
    show({
      text: 'An uncited claim.',
      claims: [{ claim: 'An uncited claim.', citations: [], better: [] }],
      marks: [],
      summary: { ok: 0, warn: 0, contra: 0, bad: 0, none: 0 },
    });
    expect(screen.getByText('This claim cites nothing.')).toBeTruthy();
  });
});
