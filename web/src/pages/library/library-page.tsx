// The Library page: every paper in a sortable, filterable, virtualised table with facet counts
// and export of the selected papers; adding paper files; what the index holds and which embedder built it.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { LibraryRow, LibrarySort } from '../../../../server/library/library.schema.ts';
import { getStats } from '../../api/library.api.ts';
import { useRequest } from '../../api/use-request.ts';
import { Onboarding } from '../../components/onboarding.tsx';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { AddPapers } from './add-papers.tsx';
import { type FacetName, FacetPanel } from './facet-panel.tsx';
import { readSelection, saveSelection } from './library-selection.ts';
import { LibraryStats } from './library-stats.tsx';
import { LibraryTable } from './library-table.tsx';
import { FILTER_NAMES, type LibraryView, paramsFromView, viewFromParams } from './library-url.ts';
import { SelectionBar } from './selection-bar.tsx';
import { TextFilter } from './text-filter.tsx';
import { useLibraryRows } from './use-library-rows.ts';

const FILTER_LABELS: Record<(typeof FILTER_NAMES)[number], string> = {
  text: 'Words',
  year_from: 'From',
  year_to: 'To',
  author: 'Author',
  tag: 'Tag',
  venue: 'Venue',
};

export function LibraryPage() {
  // Bumped when added papers are indexed, so the counts and the table are read again.
  const [generation, setGeneration] = useState(0);
  const stats = useRequest(`stats-${generation}`, (signal) => getStats(signal));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const paramsKey = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view changes only when the URL does.
  const view = useMemo(() => viewFromParams(params), [paramsKey]);
  const rows = useLibraryRows(view, generation);
  // The selection outlasts a visit to one of its papers (Back) and a reload, for the browser session.
  const [selected, setSelected] = useState<ReadonlyMap<string, LibraryRow>>(readSelection);
  useEffect(() => saveSelection(selected), [selected]);

  const show = (next: LibraryView, replace = false) => navigate(`?${paramsFromView(next)}`, { replace });
  // Refining the words typed replaces the history entry, so Back leaves the filter rather than
  // stepping through every pause in the typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `show` is recreated each render; the view decides.
  const setText = useMemo(
    () => (text: string | undefined) => show({ ...view, text }, view.text !== undefined && text !== undefined),
    [view],
  );
  const onSort = (sort: LibrarySort, order: 'asc' | 'desc') => show({ ...view, sort, order });
  const onPick = (name: FacetName, value: string | undefined) => {
    if (name === 'year') {
      const year = value === undefined ? undefined : Number(value);
      show({ ...view, year_from: year, year_to: year });
    } else {
      show({ ...view, [name]: value });
    }
  };
  const onToggle = (row: LibraryRow, on: boolean) =>
    setSelected((previous) => {
      const next = new Map(previous);
      if (on) next.set(row.id, row);
      else next.delete(row.id);
      return next;
    });
  const activeFilters = FILTER_NAMES.filter((name) => view[name] !== undefined);
  // With the server down, the counts and the list fail alike: one notice says so, and its
  // "Try again" reads both again.
  const sameFailure = stats.status === 'error' && rows.status === 'error' && stats.error?.code === rows.error?.code;
  const retryAll = () => {
    stats.retry();
    rows.retry();
  };

  return (
    <>
      <title>Library · Citelens</title>
      <h1 tabIndex={-1}>Library</h1>
      <AddPapers onIndexed={() => setGeneration((n) => n + 1)} />
      {stats.error?.code === 'INDEX_NOT_FOUND' ? (
        <Onboarding onLibraryPage />
      ) : stats.status === 'error' && stats.error ? (
        <ErrorNotice
          error={stats.error}
          title="The library could not be read"
          onRetry={sameFailure ? retryAll : stats.retry}
        />
      ) : !stats.data ? (
        <Loading label="Reading the library…" lines={3} />
      ) : (
        <LibraryStats stats={stats.data} />
      )}
      {stats.error?.code === 'INDEX_NOT_FOUND' ? null : (
        <section aria-labelledby="papers-heading" className="library">
          <h2 id="papers-heading">Papers</h2>
          <div className="library-layout">
            <details className="library-facets" open={typeof window === 'undefined' || window.innerWidth > 760}>
              <summary>Facets</summary>
              <FacetPanel facets={rows.facets} view={view} onPick={onPick} />
            </details>
            <div className="library-main">
              <TextFilter value={view.text} onChange={setText} />
              <p className="result-summary" role="status" aria-live="polite">
                {rows.status === 'error'
                  ? // No count: the last one read belongs to another view, or there was none (the error says why).
                    ''
                  : rows.status === 'loading' && rows.total === 0
                    ? 'Loading papers…'
                    : `${rows.total.toLocaleString()} ${rows.total === 1 ? 'paper' : 'papers'}${activeFilters.length > 0 ? (rows.total === 1 ? ' matches' : ' match') : ''}`}
              </p>
              {activeFilters.length > 0 ? (
                <ul className="active-filters" aria-label="Active filters">
                  {activeFilters.map((name) => (
                    <li key={name}>
                      <button
                        type="button"
                        className="filter-chip"
                        onClick={() => show({ ...view, [name]: undefined })}
                      >
                        {FILTER_LABELS[name]}: {String(view[name])}
                        <span aria-hidden="true"> ×</span>
                        <span className="visually-hidden"> (remove filter)</span>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
              <SelectionBar
                selected={selected}
                onClear={() => setSelected(new Map())}
                view={view}
                matching={rows.status === 'ready' ? rows.total : undefined}
                onSelect={(added) =>
                  setSelected((previous) => new Map([...previous, ...added.map((row) => [row.id, row] as const)]))
                }
              />
              {sameFailure ? null : rows.status === 'error' && rows.error ? (
                <ErrorNotice error={rows.error} title="The papers could not be listed" onRetry={rows.retry} />
              ) : rows.status === 'ready' && rows.total === 0 ? (
                <EmptyState title="No papers match these filters.">
                  <p className="muted">Remove a filter to see more.</p>
                </EmptyState>
              ) : (
                <LibraryTable rows={rows} view={view} onSort={onSort} selected={selected} onToggle={onToggle} />
              )}
            </div>
          </div>
        </section>
      )}
    </>
  );
}
