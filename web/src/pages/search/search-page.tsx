// The Search page: the query, mode and filters live in the URL; results show highlighted passages,
// how many were found and how long it took, or why a query cannot match anything.
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type SearchQuery, searchPapers } from '../../api/library.api.ts';
import { useRequest } from '../../api/use-request.ts';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { LikeText } from './like-text.tsx';
import { ResultList } from './result-list.tsx';
import { SearchFacets } from './search-facets.tsx';
import { SearchFilterChips } from './search-filter-chips.tsx';
import { SearchForm } from './search-form.tsx';
import { activeFilterCount, PAGE_SIZE, paramsFromSearch, searchFromParams } from './search-url.ts';

export function SearchPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const search = searchFromParams(params);
  const key = search ? paramsFromSearch(search).toString() : null;
  const request = useRequest(key, (signal) => searchPapers({ ...search!, k: PAGE_SIZE }, signal));
  // The navigation's promise lets the form keep its edits on screen until the new URL renders.
  const go = (next: SearchQuery) => navigate(`?${paramsFromSearch(next)}`);
  // A text pasted into the search box that is too long for it goes to "Papers like this text".
  const [longText, setLongText] = useState<{ text: string } | null>(null);
  const response = request.data;
  const offset = search?.offset ?? 0;
  // A page past the last result (a stale link, or a library that has shrunk): papers do match.
  const total = response?.total ?? 0;
  const pastEnd = response !== undefined && response.results.length === 0 && offset > 0 && total > 0;
  // Where Previous leads from an empty page: the last page with results (the first, when none has).
  const lastPage = Math.floor(Math.max(0, total - 1) / PAGE_SIZE) * PAGE_SIZE;
  // Another page of results starts at its top, not where the reader left the last one.
  const summary = useRef<HTMLParagraphElement>(null);
  const shownOffset = useRef(offset);
  useEffect(() => {
    if (shownOffset.current === offset) return;
    shownOffset.current = offset;
    window.scrollTo(0, 0);
    summary.current?.focus({ preventScroll: true });
  }, [offset]);

  return (
    <>
      <title>{search ? `${search.q} · Search · Citelens` : 'Search · Citelens'}</title>
      <h1 tabIndex={-1}>Search</h1>
      <SearchForm search={search} onSearch={go} onLongText={(text) => setLongText({ text })} />
      <LikeText pasted={longText} />
      <div className="results-area" aria-busy={request.status === 'loading'}>
        {search ? <SearchFilterChips search={search} /> : null}
        {request.status === 'idle' ? (
          <EmptyState title="Search your library">
            <p className="muted">
              Hybrid mixes meaning and exact words; Semantic matches meaning only; Keyword matches words (BM25). Press{' '}
              <kbd>/</kbd> to jump to the box.
            </p>
          </EmptyState>
        ) : null}
        {request.status === 'error' && request.error ? (
          <ErrorNotice error={request.error} title="The search failed" onRetry={request.retry} />
        ) : null}
        {request.status === 'loading' && !response ? <Loading label="Searching…" lines={6} /> : null}
        {response && request.status !== 'idle' && request.status !== 'error' ? (
          <div className={request.status === 'loading' ? 'stale' : undefined}>
            <p className="result-summary" role="status" aria-live="polite" ref={summary} tabIndex={-1}>
              {response.summary} · {Math.round(response.tookMs)} ms · {response.mode}
              {search && response.results.length > 0 ? (
                <>
                  {' · '}
                  <Link to={`/map?${paramsFromSearch({ ...search, offset: 0 }).toString()}`}>Show on map</Link>
                </>
              ) : null}
            </p>
            {search && response.results.length > 0 ? (
              <label className="search-sort">
                <span>Sort by</span>
                <select
                  className="input"
                  value={search.sort ?? 'relevance'}
                  onChange={(event) =>
                    go({ ...search, offset: 0, sort: event.currentTarget.value === 'year' ? 'year' : undefined })
                  }
                >
                  <option value="relevance">Relevance</option>
                  <option value="year">Newest first</option>
                </select>
              </label>
            ) : null}
            {search && response.facets ? <SearchFacets facets={response.facets} search={search} /> : null}
            {response.results.length === 0 && response.notice ? (
              // The query itself cannot match (only stop words, symbols or exclusions): say why, not "try other words".
              <div className="notice notice-warning" role="note">
                <p className="notice-title">No papers match “{response.query}”.</p>
                <p>{response.notice}</p>
              </div>
            ) : pastEnd ? (
              <EmptyState title="This page is past the last result.">
                <p>
                  <Link to={`?${paramsFromSearch({ ...search!, offset: lastPage })}`}>Go to the last page</Link> or{' '}
                  <Link to={`?${paramsFromSearch({ ...search!, offset: 0 })}`}>the first</Link>.
                </p>
              </EmptyState>
            ) : response.results.length === 0 ? (
              <EmptyState title={`No papers match “${response.query}”.`}>
                <p className="muted">
                  {activeFilterCount(search) > 0
                    ? 'Try removing a filter, or a different mode.'
                    : 'Try other words, or the Semantic mode to match meaning rather than words.'}
                </p>
              </EmptyState>
            ) : (
              <ResultList
                results={response.results}
                start={offset}
                tagLink={(tag) => `?${paramsFromSearch({ ...search!, tag, offset: 0 })}`}
              />
            )}
            {search && (offset > 0 || response.hasMore) ? (
              <nav className="pager" aria-label="Result pages">
                {offset > 0 ? (
                  <Link
                    className="button"
                    to={`?${paramsFromSearch({ ...search, offset: response.results.length === 0 ? lastPage : Math.max(0, offset - PAGE_SIZE) })}`}
                  >
                    Previous
                  </Link>
                ) : (
                  <span />
                )}
                {response.hasMore ? (
                  <Link className="button" to={`?${paramsFromSearch({ ...search, offset: offset + PAGE_SIZE })}`}>
                    Next
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
