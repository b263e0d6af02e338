// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/src/api/api-error.ts';
import { ErrorNotice } from '../../../web/src/components/status.tsx';

afterEach(cleanup);

describe('status', () => {
  it('shows a hint with its commands as code, not raw backticks', () => {
    const error = new ApiError(
      'INDEX_CORRUPT',
      'The index has no manifest.',
      503,
      null,
      'Rebuild it with `citelens index <files> --rebuild`.',
    );
    render(<ErrorNotice error={error} title="The search failed" onRetry={() => {}} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).not.toContain('`');
    expect(alert.querySelector('code')?.textContent).toBe('citelens index <files> --rebuild');
  });

  it('says how to reach the server without naming a command the user may not have run', () => {
    render(<ErrorNotice error={new ApiError('NETWORK', 'Could not reach the Citelens server.', 0)} title="Failed" />);
    expect(screen.getByRole('alert').textContent).not.toMatch(/citelens start|`/);
  });

  it('shows how to add papers instead of an error when there is no index yet', () => {
    const error = new ApiError(
      'INDEX_NOT_FOUND',
      'There is no index in /data/index.',
      503,
      null,
      'Build one with `citelens index`.',
    );
    render(
      <MemoryRouter>
        <ErrorNotice error={error} title="The search failed" onRetry={() => {}} />
      </MemoryRouter>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Your library is empty' })).toBeTruthy();
    expect(screen.getByText('citelens index papers.jsonl').tagName).toBe('CODE');
    expect(screen.getByRole('link', { name: 'Library' }).getAttribute('href')).toBe('/library');
  });

  it('offers no retry for a request the server refused as it stands, which would only fail the same way again', () => {
    const invalid = new ApiError(
      'INVALID_INPUT',
      "Query parameter 'year_from' must not be after year_to (2025 > 2020).",
      400,
      null,
      'Check the named field or parameter and try again.',
    );
    render(<ErrorNotice error={invalid} title="The search failed" onRetry={() => {}} />);
    expect(screen.getByRole('alert').textContent).toContain("'year_from' must not be after year_to");
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    cleanup();

    render(
      <ErrorNotice
        error={new ApiError('PAPER_NOT_FOUND', 'No paper has the id x.', 404)}
        title="F"
        onRetry={() => {}}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('offers a retry when the server was not reached, failed, or was busy', () => {
    for (const [code, status] of [
      ['NETWORK', 0],
      ['INTERNAL', 500],
      ['OVERLOADED', 503],
      ['INDEX_BUSY', 409],
      ['REQUEST_TIMEOUT', 408],
    ] as const) {
      render(<ErrorNotice error={new ApiError(code, 'Failed.', status)} title="F" onRetry={() => {}} />);
      expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
      cleanup();
    }
  });
});
