// The filters a search applies, each as a chip that removes it. The venue (picked from the facets)
// has no field in the form, so without its chip it would narrow every later search unseen.
import { Link } from 'react-router';
import type { SearchQuery } from '../../api/library.api.ts';
import { paramsFromSearch } from './search-url.ts';

const FILTERS = [
  { name: 'yearFrom', label: 'From' },
  { name: 'yearTo', label: 'To' },
  { name: 'author', label: 'Author' },
  { name: 'tag', label: 'Tag' },
  { name: 'venue', label: 'Venue' },
] as const;

/** One chip per active filter of `search`, linking to the same search without it; nothing when none is active. */
export function SearchFilterChips({ search }: { search: SearchQuery }) {
  const active = FILTERS.filter((filter) => search[filter.name] !== undefined);
  if (active.length === 0) return null;
  return (
    <ul className="active-filters search-active-filters" aria-label="Active filters">
      {active.map(({ name, label }) => (
        <li key={name}>
          <Link className="filter-chip" to={`?${paramsFromSearch({ ...search, [name]: undefined, offset: 0 })}`}>
            {label}: {String(search[name])}
            <span aria-hidden="true"> ×</span>
            <span className="visually-hidden"> (remove filter)</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
