// The search box, the mode switch and the filters. Edits stay local until submitted; a mode
// change re-runs the current search at once.
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { SearchMode } from '../../../../server/search/search.schema.ts';
import type { SearchQuery } from '../../api/library.api.ts';
import { SEARCH_MODES } from './search-url.ts';

type Draft = { q: string; mode: SearchMode; yearFrom: string; yearTo: string; author: string; tag: string };

const MODE_LABELS: Record<SearchMode, string> = { hybrid: 'Hybrid', semantic: 'Semantic', keyword: 'Keyword' };

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

export function SearchForm({
  search,
  onSearch,
}: {
  search: SearchQuery | null;
  onSearch: (next: SearchQuery) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(search));
  const ids = useId();
  const current = JSON.stringify(draftOf(search));

  // The URL is the truth: back/forward or a shared link replace whatever was typed.
  useEffect(() => setDraft(JSON.parse(current) as Draft), [current]);

  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = queryOf(draft);
    if (next) onSearch(next);
  };

  const changeMode = (mode: SearchMode) => {
    const next = { ...draft, mode };
    setDraft(next);
    const query = queryOf(next);
    if (query && search) onSearch({ ...query, offset: 0 });
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
            maxLength={1000}
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
        </div>
      </form>
    </search>
  );
}
