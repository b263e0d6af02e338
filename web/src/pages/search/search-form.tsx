// The search box, the mode switch and the filters. Edits stay local until submitted; a mode
// change re-runs the current search at once. Once handed to the URL, the form shows the URL.
import { type ClipboardEvent, type FormEvent, startTransition, useId, useState } from 'react';
import type { SearchMode } from '../../../../server/search/search.schema.ts';
import type { SearchQuery } from '../../api/library.api.ts';
import { PHONE_QUERY, useMediaQuery } from '../../app/use-media-query.ts';
import { activeFilterCount, SEARCH_MODES } from './search-url.ts';

type Draft = { q: string; mode: SearchMode; yearFrom: string; yearTo: string; author: string; tag: string };

const MODE_LABELS: Record<SearchMode, string> = { hybrid: 'Hybrid', semantic: 'Semantic', keyword: 'Keyword' };

/** The search box's length: the query travels in the URL (shareable, Back works), which must stay short. */
export const MAX_QUERY_CHARS = 1000;

function draftOf(search: SearchQuery | null): Draft {
  return {
    q: search?.q ?? '',
    mode: search?.mode ?? 'hybrid',
    yearFrom: search?.yearFrom?.toString() ?? '',
    yearTo: search?.yearTo?.toString() ?? '',
    author: search?.author ?? '',
    tag: search?.tag ?? '',
  };
}

function queryOf(draft: Draft): SearchQuery | null {
  const q = draft.q.trim();
  if (!q) return null;
  const year = (value: string) => (/^\d{1,4}$/.test(value.trim()) ? Number(value) : undefined);
  return {
    q,
    mode: draft.mode,
    offset: 0,
    yearFrom: year(draft.yearFrom),
    yearTo: year(draft.yearTo),
    author: draft.author.trim() || undefined,
    tag: draft.tag.trim() || undefined,
  };
}

/** Typing not yet handed to the URL, and the URL (as a draft) it was typed over. */
type Edits = { url: string; draft: Draft };

/**
 * The search form. It shows the URL's search (`search`) except for edits not yet submitted;
 * `onSearch` writes a search to the URL and may return the navigation's promise.
 */
export function SearchForm({
  search,
  onSearch,
  onLongText,
}: {
  search: SearchQuery | null;
  onSearch: (next: SearchQuery) => void | Promise<void>;
  /** Takes a pasted text too long for the box (an abstract), which the box would otherwise cut short unseen. */
  onLongText?: (text: string) => void;
}) {
  const ids = useId();
  // On a phone the filters fold away behind "Filters (n)"; wider screens always show them.
  const narrow = useMediaQuery(PHONE_QUERY);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const fromUrl = draftOf(search);
  const url = JSON.stringify(fromUrl);
  const [edits, setEdits] = useState<Edits | null>(null);

  // The URL is the truth: back/forward or a shared link replace whatever was typed.
  if (edits !== null && edits.url !== url) setEdits(null);
  const draft = edits?.url === url ? edits.draft : fromUrl;

  const edit = (change: Partial<Draft>) =>
    setEdits((e) => ({ url, draft: { ...(e?.url === url ? e.draft : fromUrl), ...change } }));

  const set = (field: keyof Draft) => (event: { target: { value: string } }) => edit({ [field]: event.target.value });

  // The edits stay on screen until the router's location update, and are dropped in the same
  // transition, so from then on the form shows whatever the URL has become. Waiting for the URL to
  // change instead misses Back pressed before React rendered the new URL: the router's updates are
  // transitions, React renders only the last, and the URL it shows is the one the edits were made on.
  const handOff = (next: Draft, query: SearchQuery) => {
    setEdits({ url, draft: next });
    startTransition(async () => {
      setEdits(null);
      await onSearch(query);
    });
  };

  // A new query keeps the chosen order and venue (set from the results, not the form).
  const withResultOptions = (query: SearchQuery): SearchQuery => ({
    ...query,
    sort: search?.sort,
    venue: search?.venue,
  });

  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    const box = event.currentTarget;
    const selected = (box.selectionEnd ?? 0) - (box.selectionStart ?? 0);
    if (!onLongText || box.value.length - selected + pasted.length <= MAX_QUERY_CHARS) return;
    event.preventDefault();
    onLongText(pasted);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = queryOf(draft);
    if (query) handOff(draft, withResultOptions(query));
  };

  const changeMode = (mode: SearchMode) => {
    const next = { ...draft, mode };
    const query = queryOf(next);
    // With no search shown yet, the mode is part of the next submit; otherwise it re-runs the search.
    if (query && search) handOff(next, withResultOptions(query));
    else edit({ mode });
  };

  return (
    <search>
      <form className="search-form" onSubmit={submit} aria-label="Search the library">
        <div className="search-row">
          <label htmlFor={`${ids}-q`} className="visually-hidden">
            Search query
          </label>
          <input
            id={`${ids}-q`}
            className="input input-large"
            type="search"
            name="q"
            placeholder="Search papers…"
            autoComplete="off"
            maxLength={MAX_QUERY_CHARS}
            onPaste={paste}
            value={draft.q}
            onChange={set('q')}
            data-primary-input=""
          />
          <button type="submit" className="button button-primary">
            Search
          </button>
        </div>
        <div className="search-options">
          <fieldset className="segmented">
            <legend className="visually-hidden">Search mode</legend>
            {SEARCH_MODES.map((mode) => (
              <label key={mode} className="segmented-option">
                <input
                  type="radio"
                  name="mode"
                  value={mode}
                  checked={draft.mode === mode}
                  onChange={() => changeMode(mode)}
                />
                <span>{MODE_LABELS[mode]}</span>
              </label>
            ))}
          </fieldset>
          <details
            className="filters-toggle"
            open={!narrow || filtersOpen}
            onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
          >
            <summary>Filters{activeFilterCount(search) > 0 ? ` (${activeFilterCount(search)})` : ''}</summary>
            <fieldset className="filters">
              <legend className="visually-hidden">Filters</legend>
              <label className="field field-year">
                <span>From year</span>
                <input
                  className="input"
                  name="year_from"
                  inputMode="numeric"
                  pattern="\d{1,4}"
                  value={draft.yearFrom}
                  onChange={set('yearFrom')}
                />
              </label>
              <label className="field field-year">
                <span>To year</span>
                <input
                  className="input"
                  name="year_to"
                  inputMode="numeric"
                  pattern="\d{1,4}"
                  value={draft.yearTo}
                  onChange={set('yearTo')}
                />
              </label>
              <label className="field">
                <span>Author</span>
                <input className="input" name="author" value={draft.author} onChange={set('author')} />
              </label>
              <label className="field">
                <span>Tag</span>
                <input className="input" name="tag" value={draft.tag} onChange={set('tag')} />
              </label>
            </fieldset>
          </details>
        </div>
      </form>
    </search>
  );
}
