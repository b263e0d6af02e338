// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../../../indexer/paper.schema.ts';
import type { AskResponse } from '../../../../server/answer/answer.schema.ts';
import { answerView, streamingView } from '../../../../web/src/pages/ask/answer-model.ts';
import { AnswerView } from '../../../../web/src/pages/ask/answer-view.tsx';
import { paperWith } from '../../../support/paper.ts';

const paper = (id: string, title: string, abstract: string): Paper =>
  paperWith({ id, title, abstract, authors: ['A. Author'], year: 2026 });

const sinkAbstract = 'Sinks appear early. The sink carries no semantic meaning. It is a structural artefact.';
const sink = paper('sink-paper', 'The Structural Origin of Attention Sinks', sinkAbstract);
const valence = paper('valence-paper', 'Negative Before Positive', 'Negative valence sits in early layers.');
const unused = paper('unused-paper', 'An Unused Paper', 'Nothing relevant here.');

// The sink passage is the abstract's 2nd and 3rd sentences (offsets 20–86 of the abstract).
const sinkPassage = { id: 4, field: 'abstract' as const, text: sinkAbstract.slice(20), start: 20, end: 86, score: 0.9 };

const response: AskResponse = {
  question: 'What are attention sinks?',
  abstained: false,
  mode: 'extractive',
  answer: {
    text: '',
    sentences: [
      {
        text: 'The sink carries no semantic meaning.',
        support: 0.9,
        supported: true,
        citations: [{ n: 1, paperId: 'sink-paper', passageId: 4, field: 'abstract', start: 20, end: 57 }],
      },
      {
        text: 'Negative valence sits in early layers.',
        support: 0.8,
        supported: true,
        citations: [{ n: 2, paperId: 'valence-paper', passageId: 9, field: 'abstract', start: 0, end: 38 }],
      },
      {
        text: 'Sinks are caused by cosmic rays.',
        support: 0.1,
        supported: false,
        citations: [
          { n: 1, paperId: 'sink-paper', passageId: 4, field: 'abstract', start: 58, end: 86 },
          { n: 2, paperId: 'valence-paper', passageId: 9, field: 'abstract', start: 0, end: 38 },
        ],
      },
    ],
  },
  sources: [
    { n: 1, paper: sink, passages: [sinkPassage], cited: true },
    {
      n: 2,
      paper: valence,
      passages: [{ id: 9, field: 'abstract', text: valence.abstract, start: 0, end: 38, score: 0.7 }],
      cited: true,
    },
    {
      n: 3,
      paper: unused,
      passages: [{ id: 12, field: 'abstract', text: unused.abstract, start: 0, end: 22, score: 0.2 }],
      cited: false,
    },
  ],
  tookMs: 12,
};

function show(view = answerView(response), streaming = false) {
  return render(
    <MemoryRouter>
      <AnswerView answer={view} streaming={streaming} />
    </MemoryRouter>,
  );
}

afterEach(cleanup);

describe('answer-view', () => {
  it('gives every sentence a chip per cited source, placed before its final full stop', () => {
    const { container } = show();
    const chips = [...container.querySelectorAll('[data-citation]')].map((c) => c.getAttribute('data-citation'));
    expect(chips).toEqual(['1', '2', '1', '2']);
    const first = container.querySelector('.sentence')!;
    expect(first.lastElementChild!.textContent).toBe('.');
    expect(first.lastElementChild!.previousElementSibling!.className).toBe('chips');
    expect(
      screen.getAllByRole('button', { name: 'Citation 1: The Structural Origin of Attention Sinks' }),
    ).toHaveLength(2);
  });

  it('shows in a chip the cited passage with the exact supporting span highlighted', async () => {
    const user = userEvent.setup();
    show();
    await user.hover(screen.getAllByRole('button', { name: /^Citation 1:/ })[1]!);
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip.textContent).toContain(sinkPassage.text);
    expect(tooltip.querySelector('mark')!.textContent).toBe('It is a structural artefact.');
  });

  it('marks an unsupported sentence visibly and in words', () => {
    const { container } = show();
    const flagged = container.querySelectorAll('.sentence.unsupported');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.textContent).toContain('Sinks are caused by cosmic rays');
    expect(flagged[0]!.querySelector('.unsupported-flag')!.textContent).toMatch(/^not supported: .*support 10%/);
    expect(container.querySelectorAll('.sentence:not(.unsupported)')).toHaveLength(2);
  });

  it('lists the cited sources with their cited spans highlighted, and folds away the uncited ones', () => {
    show();
    const list = screen.getByRole('region', { name: 'Sources' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.id)).toEqual(['source-1', 'source-2', 'source-3']);
    expect([...items[0]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'The sink carries no semantic meaning.',
      'It is a structural artefact.',
    ]);
    // The title opens the paper at the first cited span ('The sink carries no semantic meaning.', 20–57).
    expect(within(items[0]!).getByRole('link').getAttribute('href')).toBe(
      '/papers/sink-paper?passage=4&start=20&end=57',
    );
    expect(items[2]!.closest('details')).not.toBeNull();
    expect(items[0]!.closest('details')).toBeNull();
  });

  it('highlights both parts of a quote joined across two adjoining passages, in the sources and in the chip', async () => {
    // A leaning sentence quoted with the one before it, which ends the passage before (0–35 and 36–86).
    const abstract = 'Aspirin reduced stroke risk in men. This effect was absent in women, as expected.';
    const joinedPaper = paper('aspirin-paper', 'Aspirin and stroke in men and women', abstract);
    const cut = abstract.indexOf('This');
    const end = abstract.indexOf(', as');
    const view = answerView({
      ...response,
      answer: {
        text: '',
        sentences: [
          {
            text: `${abstract.slice(0, end)}.`,
            support: 0.9,
            supported: true,
            citations: [{ n: 1, paperId: 'aspirin-paper', passageId: 21, field: 'abstract', start: 0, end }],
          },
        ],
      },
      sources: [
        {
          n: 1,
          paper: joinedPaper,
          passages: [
            { id: 21, field: 'abstract', text: abstract.slice(cut), start: cut, end: abstract.length, score: 0.9 },
            { id: 20, field: 'abstract', text: abstract.slice(0, cut - 1), start: 0, end: cut - 1, score: 0.5 },
          ],
          cited: true,
        },
      ],
    });
    const user = userEvent.setup();
    show(view);
    const item = within(screen.getByRole('region', { name: 'Sources' })).getAllByRole('listitem')[0]!;
    // Both passages are shown (best first), each with its part of the quote marked.
    expect([...item.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'This effect was absent in women',
      'Aspirin reduced stroke risk in men.',
    ]);
    await user.hover(screen.getByRole('button', { name: /^Citation 1:/ }));
    expect(screen.getByRole('tooltip').querySelector('mark')!.textContent).toBe(
      'Aspirin reduced stroke risk in men. This effect was absent in women',
    );
  });

  it('moves focus to the cited source when a chip is clicked', async () => {
    const user = userEvent.setup();
    show();
    await user.click(screen.getAllByRole('button', { name: /^Citation 2:/ })[0]!);
    expect(document.activeElement?.id).toBe('source-2');
    expect(document.activeElement?.className).toContain('is-focused');
  });

  it('shows an abstention plainly, with the closest papers and no chips', () => {
    const { container } = show(
      answerView({
        ...response,
        abstained: true,
        reason: 'Nothing in the library is about protein folding.',
        answer: { text: '', sentences: [] },
      }),
    );
    expect(screen.getByRole('heading', { name: 'No answer from the library' })).toBeTruthy();
    expect(screen.getByText('Nothing in the library is about protein folding.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'An Unused Paper' }).getAttribute('href')).toBe('/papers/unused-paper');
    expect(container.querySelector('[data-citation]')).toBeNull();
  });

  it('renders a streaming answer as it arrives, holding back a half-written marker', () => {
    const { container } = show(streamingView(response.sources, 'The sink carries no meaning [1]. More [2'), true);
    expect(screen.getByRole('region', { name: 'Answer' }).getAttribute('aria-busy')).toBe('true');
    expect(container.querySelector('.typing')).not.toBeNull();
    expect(container.querySelector('.answer-text')!.textContent!.trim()).toBe('The sink carries no meaning1. More');
    expect([...container.querySelectorAll('[data-citation]')].map((c) => c.getAttribute('data-citation'))).toEqual([
      '1',
    ]);
  });

  it('shows answer and source text holding markup literally', () => {
    const markup = '<script>window.__pwned=1</script><b>bold</b>';
    const { container } = show(
      answerView({
        ...response,
        answer: { text: '', sentences: [{ ...response.answer.sentences[0]!, text: markup }] },
        sources: [{ ...response.sources[0]!, paper: { ...sink, title: markup } }],
      }),
    );
    expect(container.querySelector('script, b')).toBeNull();
    expect(container.querySelector('.answer-text')!.textContent).toContain(markup);
    expect(screen.getByRole('region', { name: 'Sources' }).textContent).toContain(markup);
  });

  it("keeps a paper's own bracketed number in a quoted sentence as text, not a citation chip", () => {
    const quoted = 'The sink carries no semantic meaning [2].';
    const { container } = show(
      answerView({
        ...response,
        answer: { text: '', sentences: [{ ...response.answer.sentences[0]!, text: quoted }] },
      }),
    );
    expect([...container.querySelectorAll('[data-citation]')].map((c) => c.getAttribute('data-citation'))).toEqual([
      '1',
    ]);
    expect(container.querySelector('.answer-text')!.textContent).toContain('meaning [2]');
  });

  it('reads markers in a streaming answer only for numbers of its sources', () => {
    const { container } = show(streamingView(response.sources, 'Pruning barely changes perplexity [7] [1]. '), true);
    expect([...container.querySelectorAll('[data-citation]')].map((c) => c.getAttribute('data-citation'))).toEqual([
      '1',
    ]);
    expect(container.querySelector('.answer-text')!.textContent).toContain('perplexity [7]');
  });

  it('shows the bottom line of a yes/no question above the answer, with the sources on each side', () => {
    const { container } = show(
      answerView({ ...response, bottomLine: { verdict: 'mixed', claim: 'sinks matter', yes: [1], no: [2] } }),
    );
    const line = container.querySelector('[data-verdict]')!;
    expect(line.getAttribute('data-verdict')).toBe('mixed');
    expect(line.textContent).toContain('Bottom line');
    expect(line.textContent).toContain('Mixed');
    expect(line.textContent).toContain('for: [1]; against: [2]');
    expect(line.textContent).toContain('Backing it: The Structural Origin of Attention Sinks.');
    expect(line.compareDocumentPosition(container.querySelector('.answer-text')!)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
  });

  it('shows an unclear bottom line with the one finding it saw, or says that no cited sentence reports one', () => {
    const { container } = show(
      answerView({ ...response, bottomLine: { verdict: 'unclear', claim: 'sinks matter', yes: [], no: [1] } }),
    );
    expect(container.querySelector('[data-verdict]')!.textContent).toContain(
      'Unclear — the cited findings are too few to commit (against: [1])',
    );
    const none = show(
      answerView({ ...response, bottomLine: { verdict: 'unclear', claim: 'sinks matter', yes: [], no: [] } }),
    );
    expect(none.container.querySelector('[data-verdict]')!.textContent).toContain(
      'Unclear — the cited sentences report no finding on it',
    );
  });

  it('shows no bottom line when the answer has none', () => {
    const { container } = show();
    expect(container.querySelector('[data-verdict]')).toBeNull();
  });

  it("lists with an abstention the closest papers with their scores and the question's concepts they lack", () => {
    show(
      answerView({
        ...response,
        abstained: true,
        reason: 'The library holds no answer.',
        answer: { text: '', sentences: [] },
        closest: [
          { paperId: 'sink-paper', title: sink.title, score: 0.29, missing: ['transformer', 'language'] },
          { paperId: 'unused-paper', title: unused.title, score: 0, missing: ['transformer'] },
        ],
      }),
    );
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      "The Structural Origin of Attention Sinks — holds 29% of the question's key concepts; lacks transformer, language",
      "An Unused Paper — holds 0% of the question's key concepts; lacks transformer",
    ]);
  });
});
