// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatsResponse } from '../../../../server/library/index-stats.ts';
import { LibraryStats } from '../../../../web/src/pages/library/library-stats.tsx';

const stats: StatsResponse = {
  papers: 1200,
  passages: 5400,
  embedder: { kind: 'builtin', model: 'lsa', revision: 'abc123', dimensions: 256, queryPrefix: '' },
  builtAt: '2026-12-01T10:00:00.000Z',
  generation: 3,
  sizeBytes: 12_000_000,
  builtinEmbedder: true,
  embedderOutdated: null,
};

afterEach(cleanup);

describe('LibraryStats', () => {
  it('shows the counts and says the built-in embedder is in use', () => {
    render(<LibraryStats stats={stats} />);
    expect(screen.getByText('1,200')).toBeTruthy();
    expect(screen.getByText('Using the built-in offline embedder')).toBeTruthy();
    expect(screen.queryByText('The embedder model is out of date')).toBeNull();
  });

  it('says the embedder model is out of date, why, and that the next index run refits it', () => {
    render(<LibraryStats stats={{ ...stats, embedderOutdated: 'the model was fitted by an older Citelens' }} />);
    const notice = screen.getByText('The embedder model is out of date').closest('[role="note"]')!;
    expect(notice.textContent).toContain('fitted by an older Citelens');
    expect(notice.textContent).toContain('citelens index');
  });
});
