// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchFacets } from '../../../../web/src/pages/search/search-facets.tsx';

afterEach(cleanup);

describe('search-facets', () => {
  it('lists the years newest first, not by how many papers each has', () => {
    const facets = {
      year: [
        { value: '2026', count: 39 },
        { value: '2021', count: 1 },
        { value: '2024', count: 1 },
      ],
      tag: [{ value: 'attention', count: 3 }],
      author: [],
      venue: [],
    };
    render(
      <MemoryRouter>
        <SearchFacets facets={facets} search={{ q: 'attention', mode: 'hybrid', offset: 0 }} />
      </MemoryRouter>,
    );
    const years = within(screen.getByRole('region', { name: 'Year' }))
      .getAllByRole('link')
      .map((link) => link.querySelector('.facet-label')?.textContent);
    expect(years).toEqual(['2026', '2024', '2021']);
    const link = within(screen.getByRole('region', { name: 'Year' })).getAllByRole('link')[1]!;
    expect(new URLSearchParams(link.getAttribute('href')!.slice(1)).get('year_from')).toBe('2024');
  });
});
