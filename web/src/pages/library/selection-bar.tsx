// What is selected in the Library table, and exporting it as BibTeX, RIS or CSL-JSON.
import type { Paper } from '../../../../indexer/paper.schema.ts';
import type { LibraryRow } from '../../../../server/library/library.schema.ts';
import { downloadCitations, EXPORT_FORMATS, type ExportFormat } from '../../citations/export-formats.ts';

/** A table row as a paper for export (the table has no abstracts or affiliations). */
export function rowAsPaper(row: LibraryRow): Paper {
  return { ...row, abstract: '', affiliations: [], metadata: {} };
}

export function SelectionBar({
  selected,
  onClear,
}: {
  selected: ReadonlyMap<string, LibraryRow>;
  onClear: () => void;
}) {
  const count = selected.size;
  const save = (format: ExportFormat) =>
    downloadCitations([...selected.values()].map(rowAsPaper), format, `citelens-${count}-papers`);
  return (
    <section className="selection-bar" aria-label="Selected papers">
      <span role="status" aria-live="polite">
        {count === 0 ? 'Select papers to export them.' : `${count.toLocaleString()} selected`}
      </span>
      {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => (
        <button key={format} type="button" className="button" disabled={count === 0} onClick={() => save(format)}>
          Export {EXPORT_FORMATS[format].label}
        </button>
      ))}
      {count > 0 ? (
        <button type="button" className="link-button" onClick={onClear}>
          Clear selection
        </button>
      ) : null}
    </section>
  );
}
