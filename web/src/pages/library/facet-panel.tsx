// The Library's facets: for year, tag, author and venue, the values among the matching papers with
// their counts; choosing one filters the table, choosing it again removes the filter.
import { useState } from 'react';
import type { FacetCount, LibraryFacets } from '../../../../server/library/library.schema.ts';
import type { LibraryView } from './library-url.ts';

/** Values shown per facet before "Show all". */
const SHOWN = 8;

export type FacetName = keyof LibraryFacets;

const FACETS: Array<{ name: FacetName; label: string }> = [
  { name: 'year', label: 'Year' },
  { name: 'tag', label: 'Tag' },
  { name: 'author', label: 'Author' },
  { name: 'venue', label: 'Venue' },
];

/** The value a facet is filtered by in the view (a year facet filters year_from = year_to). */
export function activeFacetValue(view: LibraryView, name: FacetName): string | undefined {
  if (name === 'year') {
    return view.year_from !== undefined && view.year_from === view.year_to ? String(view.year_from) : undefined;
  }
  return view[name];
}

function FacetGroup({
  name,
  label,
  counts,
  active,
  onPick,
}: {
  name: FacetName;
  label: string;
  counts: FacetCount[];
  active: string | undefined;
  onPick: (name: FacetName, value: string | undefined) => void;
}) {
  const [all, setAll] = useState(false);
  if (counts.length === 0) return null;
  const shown = all ? counts : counts.slice(0, SHOWN);
  return (
    <section className="facet" aria-labelledby={`facet-${name}`}>
      <h3 id={`facet-${name}`} className="facet-title">
        {label}
      </h3>
      <ul className="facet-values">
        {shown.map(({ value, count }) => {
          const on = active !== undefined && active.toLowerCase() === value.toLowerCase();
          return (
            <li key={value}>
              <button
                type="button"
                className={`facet-value${on ? ' is-active' : ''}`}
                aria-pressed={on}
                onClick={() => onPick(name, on ? undefined : value)}
              >
                <span className="facet-label">{value}</span>
                <span className="facet-count">{count.toLocaleString()}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {counts.length > SHOWN ? (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${counts.length}`}
        </button>
      ) : null}
    </section>
  );
}

export function FacetPanel({
  facets,
  view,
  onPick,
}: {
  facets: LibraryFacets | undefined;
  view: LibraryView;
  onPick: (name: FacetName, value: string | undefined) => void;
}) {
  if (!facets) return null;
  return (
    <div className="facets">
      {FACETS.map(({ name, label }) => (
        <FacetGroup
          key={name}
          name={name}
          label={label}
          counts={facets[name]}
          active={activeFacetValue(view, name)}
          onPick={onPick}
        />
      ))}
    </div>
  );
}
