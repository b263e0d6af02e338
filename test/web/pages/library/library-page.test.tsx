// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryPage } from '../../../../web/src/pages/library/library-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('library-page', () => {
  it('counts no papers when the list could not be read, leaving the error to say why', async () => {
    // jsdom has no media queries; the page asks for one (a phone folds the facets).
    vi.stubGlobal('matchMedia', (media: string) => ({
      matches: false,
      media,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    // Nor does it scroll: the table returns to its top on each new view.
    Element.prototype.scrollTo ??= () => {};
    // The server has stopped: every request fails before an answer.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    render(
      <MemoryRouter initialEntries={['/library']}>
        <LibraryPage />
      </MemoryRouter>,
    );

    expect(await screen.findByText('The papers could not be listed')).toBeTruthy();
    const summary = document.querySelector('.library-main .result-summary');
    expect(summary?.textContent).toBe('');
    expect(document.body.textContent).not.toMatch(/\b0 papers\b/);
  });
});
