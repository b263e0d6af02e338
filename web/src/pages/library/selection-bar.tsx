// What is selected in the Library table, selecting every paper the filters match, and exporting
// the selection as BibTeX, RIS or CSL-JSON.
import { useEffect, useRef, useState } from 'react';
import type { Paper } from '../../../../indexer/paper.schema.ts';
import type { LibraryRow } from '../../../../server/library/library.schema.ts';
import { downloadCitations, EXPORT_FORMATS, type ExportFormat } from '../../citations/export-formats.ts';
import type { LibraryView } from './library-url.ts';
import { MAX_SELECT_ALL, matchingRows } from './select-all.ts';

/** A table row as a paper for export (the table has no abstracts or affiliations). */
export function rowAsPaper(row: LibraryRow): Paper {
  return { ...row, abstract: '', affiliations: [], metadata: {} };
}

export function SelectionBar({
  selected,
  onClear,
  view,
  matching,
  onSelect,
}: {
  selected: ReadonlyMap<string, LibraryRow>;
  onClear: () => void;
  /** The table's filters and order, and how many papers they match (undefined while unknown). */
  view: LibraryView;
  matching: number | undefined;
  /** Adds rows to the selection. */
  onSelect: (rows: readonly LibraryRow[]) => void;
}) {
  const count = selected.size;
  const [selecting, setSelecting] = useState<'idle' | 'loading' | 'failed'>('idle');
  /** The "Select all" under way: a new view or leaving the page stops it, so it adds no papers then. */
  const pending = useRef<AbortController | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new view (new filters or order) stops it.
  useEffect(
    () => () => {
      pending.current?.abort();
      pending.current = null;
      setSelecting('idle');
    },
    [view],
  );
  const selectAll = async () => {
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setSelecting('loading');
    try {
      const rows = await matchingRows(view, controller.signal);
      if (controller.signal.aborted) return;
      onSelect(rows);
      setSelecting('idle');
    } catch {
      if (!controller.signal.aborted) setSelecting('failed');
    } finally {
      if (pending.current === controller) pending.current = null;
    }
  };
  const canSelectAll = matching !== undefined && matching > 0 && matching <= MAX_SELECT_ALL;
  const save = (format: ExportFormat) =>
    downloadCitations([...selected.values()].map(rowAsPaper), format, `citelens-${count}-papers`);
  return (
    <section className="selection-bar" aria-label="Selected papers">
      <span className="selection-info">
        <span role="status" aria-live="polite">
          {count === 0 ? 'Select papers to export them.' : `${count.toLocaleString()} selected`}
        </span>
        {canSelectAll ? (
          <button type="button" className="link-button" disabled={selecting === 'loading'} onClick={selectAll}>
            {selecting === 'loading'
              ? 'Selecting…'
              : matching === 1
                ? 'Select the one listed'
                : `Select all ${matching.toLocaleString()} listed`}
          </button>
        ) : null}
        {count > 0 ? (
          <button type="button" className="link-button" onClick={onClear}>
            Clear selection
          </button>
        ) : null}
        {selecting === 'failed' ? (
          <span className="selection-error" role="alert">
            The papers could not be selected: the server did not answer.
          </span>
        ) : null}
      </span>
      {/* The export buttons wrap as one group, so none is left alone on a line under the others. */}
      <span className="selection-exports">
        {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => (
          <button key={format} type="button" className="button" disabled={count === 0} onClick={() => save(format)}>
            Export {EXPORT_FORMATS[format].label}
          </button>
        ))}
      </span>
    </section>
  );
}
