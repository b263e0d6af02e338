// The Library table: one row per paper, virtualised (only the rows on screen are in the page, so
// 100k papers scroll as smoothly as 100), sortable by its column headers, with a checkbox per row.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { LibraryRow, LibrarySort } from '../../../../server/library/library.schema.ts';
import { PHONE_QUERY, useMediaQuery } from '../../app/use-media-query.ts';
import { type LibraryView, paramsFromView } from './library-url.ts';
import type { LibraryRows } from './use-library-rows.ts';

/** Height of a row in px: fixed, so the scroll bar is right before rows load. */
export const ROW_HEIGHT = 48;

type Column = { sort: LibrarySort | null; label: string; className: string; phone: boolean };

const COLUMNS: Column[] = [
  { sort: 'title', label: 'Title', className: 'col-title', phone: true },
  { sort: 'authors', label: 'Authors', className: 'col-authors', phone: false },
  { sort: 'year', label: 'Year', className: 'col-year', phone: true },
  { sort: 'venue', label: 'Venue', className: 'col-venue', phone: false },
  { sort: null, label: 'Tags', className: 'col-tags', phone: false },
];

function SortHeader({
  column,
  view,
  onSort,
}: {
  column: Column;
  view: LibraryView;
  onSort: (sort: LibrarySort, order: 'asc' | 'desc') => void;
}) {
  const { sort } = column;
  if (!sort) return <th className={column.className}>{column.label}</th>;
  const active = view.sort === sort;
  return (
    <th
      className={column.className}
      aria-sort={active ? (view.order === 'asc' ? 'ascending' : 'descending') : 'none'}
      scope="col"
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(sort, active && view.order === 'asc' ? 'desc' : 'asc')}
      >
        {column.label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (view.order === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

function PaperRowCells({ row, view, narrow }: { row: LibraryRow; view: LibraryView; narrow: boolean }) {
  // A tag or author in the table narrows the current view rather than starting a new one.
  const narrowed = (filter: 'tag' | 'author', value: string) => `?${paramsFromView({ ...view, [filter]: value })}`;
  return (
    <>
      <td className="col-title">
        <Link to={`/papers/${encodeURIComponent(row.id)}`} title={row.title}>
          {row.title}
        </Link>
      </td>
      {narrow ? null : (
        <td className="col-authors">
          {row.authors.slice(0, 3).map((author, i) => (
            <span key={author}>
              {i > 0 ? ', ' : ''}
              <Link className="quiet-link" to={narrowed('author', author)}>
                {author}
              </Link>
            </span>
          ))}
          {row.authors.length > 3 ? ' et al.' : ''}
        </td>
      )}
      <td className="col-year">{row.year ?? ''}</td>
      {narrow ? null : (
        <>
          <td className="col-venue" title={row.venue ?? undefined}>
            {row.venue ?? ''}
          </td>
          <td className="col-tags" title={row.tags.length > 0 ? row.tags.join(', ') : undefined}>
            {/* Chips that do not fit wrap onto a hidden second line: none is shown cut to an empty pill. */}
            <div className="tag-strip">
              {row.tags.slice(0, 3).map((tag) => (
                <Link key={tag} className="tag tag-link" to={narrowed('tag', tag)}>
                  {tag}
                </Link>
              ))}
            </div>
          </td>
        </>
      )}
    </>
  );
}

export function LibraryTable({
  rows,
  view,
  onSort,
  selected,
  onToggle,
}: {
  rows: LibraryRows;
  view: LibraryView;
  onSort: (sort: LibrarySort, order: 'asc' | 'desc') => void;
  selected: ReadonlyMap<string, LibraryRow>;
  onToggle: (row: LibraryRow, on: boolean) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // On a phone only title and year fit; the cells are left out (not hidden) so every row has as many as the header.
  const narrow = useMediaQuery(PHONE_QUERY);
  const columns = COLUMNS.filter((column) => column.phone || !narrow);
  const span = columns.length + 1;
  const virtualizer = useVirtualizer({
    count: rows.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { need } = rows;
  useEffect(() => {
    if (rows.total > 0) need(first, last);
  }, [need, first, last, rows.total]);
  // A new sort or filter starts at the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the view changes.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [JSON.stringify(view)]);

  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="library-table-scroll" ref={scroller} data-testid="library-table-scroll">
      <table className="library-table" aria-rowcount={rows.total + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th className="col-select">
              <span className="visually-hidden">Selected</span>
            </th>
            {columns.map((column) => (
              <SortHeader key={column.label} column={column} view={view} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 ? (
            <tr className="spacer-row" style={{ height: before }}>
              <td colSpan={span} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows.row(item.index);
            return (
              <tr
                key={item.key}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
                className={row && selected.has(row.id) ? 'is-selected' : undefined}
                data-paper-id={row?.id}
              >
                {row ? (
                  <>
                    <td className="col-select">
                      <input
                        type="checkbox"
                        checked={selected.has(row.id)}
                        onChange={(event) => onToggle(row, event.currentTarget.checked)}
                        aria-label={`Select “${row.title}”`}
                      />
                    </td>
                    <PaperRowCells row={row} view={view} narrow={narrow} />
                  </>
                ) : (
                  <td colSpan={span}>
                    <span className="skeleton-line" aria-hidden="true" />
                  </td>
                )}
              </tr>
            );
          })}
          {after > 0 ? (
            <tr className="spacer-row" style={{ height: after }}>
              <td colSpan={span} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
