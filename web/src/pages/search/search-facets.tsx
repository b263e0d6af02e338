// Facet counts of a search (when the server sends them): each value narrows the search to it.
import { Link } from 'react-router';
import type { SearchQuery } from '../../api/library.api.ts';
import type { SearchFacets as Facets } from '../../api/search-contract.ts';
import { paramsFromSearch } from './search-url.ts';

/** Values shown per facet. */
const SHOWN = 6;

const GROUPS = [
  { name: 'year', label: 'Year' },
  { name: 'tag', label: 'Tag' },
  { name: 'author', label: 'Author' },
  { name: 'venue', label: 'Venue' },
] as const;

function narrowed(search: SearchQuery, name: (typeof GROUPS)[number]['name'], value: string): SearchQuery {
  if (name === 'year') return { ...search, yearFrom: Number(value), yearTo: Number(value), offset: 0 };
  return { ...search, [name]: value, offset: 0 };
}

/** The values shown for a facet: the most frequent, with years then read newest first as on a timeline. */
function shownValues(facets: Facets, name: (typeof GROUPS)[number]['name']) {
  const top = facets[name].slice(0, SHOWN);
  return name === 'year' ? [...top].sort((a, b) => Number(b.value) - Number(a.value)) : top;
}

export function SearchFacets({ facets, search }: { facets: Facets; search: SearchQuery }) {
  const groups = GROUPS.filter((group) => facets[group.name].length > 0);
  if (groups.length === 0) return null;
  return (
    // Folded by default: open, its links would stand between the search box and the results for Tab.
    <details className="search-facets">
      <summary>Narrow the results by year, tag, author or venue</summary>
      <div className="search-facet-groups">
        {groups.map((group) => (
          <section key={group.name} aria-label={group.label} className="search-facet">
            <h3 className="facet-title">{group.label}</h3>
            <ul className="facet-values">
              {shownValues(facets, group.name).map(({ value, count }) => (
                <li key={value}>
                  <Link className="facet-value" to={`?${paramsFromSearch(narrowed(search, group.name, value))}`}>
                    <span className="facet-label">{value}</span>
                    <span className="facet-count">{count}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </details>
  );
}
