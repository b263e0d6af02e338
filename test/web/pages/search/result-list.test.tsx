// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../server/search/search.schema.ts';
import { ResultList } from '../../../../web/src/pages/search/result-list.tsx';

afterEach(cleanup);

const TITLE = 'A Paper Without Any Abstract About Retrieval';

const result = {
  paper: {
    id: 'no-abstract',
    title: TITLE,
    authors: [],
    affiliations: [],
    year: null,
    venue: null,
    url: null,
    tags: [],
    abstract: null,
  },
  score: 0.7,
  passages: [
    {
      id: 'no-abstract#title',
      field: 'title',
      start: 0,
      end: TITLE.length,
      text: TITLE,
      highlights: [
        { start: 8, end: 15 },
        { start: 35, end: 44 },
      ],
    },
  ],
} as unknown as SearchResult;

describe('result-list', () => {
  it('marks the words searched for in the title of a paper matched by its title', () => {
    render(
      <MemoryRouter>
        <ResultList results={[result]} start={0} />
      </MemoryRouter>,
    );
    const heading = screen.getByRole('heading', { level: 2 });
    expect(heading.textContent).toBe(TITLE);
    expect([...heading.querySelectorAll('mark.hit')].map((mark) => mark.textContent)).toEqual(['Without', 'Retrieval']);
    expect(screen.getByText('Contains your words')).toBeTruthy();
  });

  it('says a result past the matching papers is no match, rather than close in meaning', () => {
    const far = { ...result, match: false, passages: [{ ...result.passages[0]!, highlights: [] }] } as SearchResult;
    render(
      <MemoryRouter>
        <ResultList results={[far]} start={10} />
      </MemoryRouter>,
    );
    expect(screen.getByText('Not a match; nearest in meaning')).toBeTruthy();
    expect(screen.queryByText('Close in meaning')).toBeNull();
  });

  it('sets the results closest in meaning apart from the matching ones, numbered on from them', () => {
    const at = (id: string, match: boolean) =>
      ({ ...result, match, paper: { ...result.paper, id, title: id }, passages: [] }) as unknown as SearchResult;
    const { container } = render(
      <MemoryRouter>
        <ResultList results={[at('a', true), at('b', true), at('c', false)]} start={10} />
      </MemoryRouter>,
    );
    const lists = container.querySelectorAll('ol.results');
    expect([...lists].map((ol) => [ol.getAttribute('start'), ol.querySelectorAll('li').length])).toEqual([
      ['11', 2],
      ['13', 1],
    ]);
    const divider = screen.getByText('No more papers match; the next are the closest in meaning.');
    expect(divider.previousElementSibling).toBe(lists[0]);
    expect(divider.nextElementSibling).toBe(lists[1]);
  });

  it('draws no dividing line on a page of matches only, nor on one of non-matches only', () => {
    const at = (id: string, match: boolean) =>
      ({ ...result, match, paper: { ...result.paper, id, title: id }, passages: [] }) as unknown as SearchResult;
    for (const matches of [
      [true, true],
      [false, false],
    ]) {
      const { container } = render(
        <MemoryRouter>
          <ResultList results={matches.map((m, i) => at(`p${i}`, m))} start={0} />
        </MemoryRouter>,
      );
      expect(container.querySelectorAll('ol.results').length).toBe(1);
      expect(container.querySelector('[data-results-divider]')).toBeNull();
      cleanup();
    }
  });
});
