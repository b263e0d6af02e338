// "Cite this paper": a BibTeX preview to copy, and the paper as a BibTeX, RIS or CSL-JSON file.
import type { Paper } from '../../../../indexer/paper.schema.ts';
import { bibtexKey, toBibtex } from '../../citations/bibtex.ts';
import { downloadCitations, EXPORT_FORMATS, type ExportFormat } from '../../citations/export-formats.ts';
import { CopyButton } from '../../components/copy-button.tsx';

export function CitePanel({ paper }: { paper: Paper }) {
  const bibtex = toBibtex(paper);
  return (
    <section className="cite card" aria-labelledby="cite-heading">
      <h2 id="cite-heading">Cite</h2>
      <pre className="bibtex-preview">
        <code>{bibtex}</code>
      </pre>
      <div className="paper-actions">
        <CopyButton text={bibtex} label="Copy BibTeX" copiedLabel="BibTeX copied" />
        {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            onClick={() => downloadCitations([paper], format, bibtexKey(paper))}
          >
            Download {EXPORT_FORMATS[format].label}
          </button>
        ))}
      </div>
    </section>
  );
}
