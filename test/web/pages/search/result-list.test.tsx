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
});
