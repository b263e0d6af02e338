// The citation formats papers can be exported in, with their file names and media types.
import type { Paper } from '../../../indexer/paper.schema.ts';
import { toBibtexFile } from './bibtex.ts';
import { toCslJsonFile } from './csl-json.ts';
import { toRisFile } from './ris.ts';

export type ExportFormat = 'bibtex' | 'ris' | 'csl-json';

export const EXPORT_FORMATS: Record<
  ExportFormat,
  { label: string; extension: string; mediaType: string; write: (papers: readonly Paper[]) => string }
> = {
  bibtex: { label: 'BibTeX', extension: 'bib', mediaType: 'application/x-bibtex', write: toBibtexFile },
  ris: { label: 'RIS', extension: 'ris', mediaType: 'application/x-research-info-systems', write: toRisFile },
  'csl-json': {
    label: 'CSL-JSON',
    extension: 'json',
    mediaType: 'application/vnd.citationstyles.csl+json',
    write: toCslJsonFile,
  },
};

/** Saves the papers as a file in the chosen format through the browser's download. */
export function downloadCitations(papers: readonly Paper[], format: ExportFormat, baseName: string): void {
  const spec = EXPORT_FORMATS[format];
  const blob = new Blob([spec.write(papers)], { type: spec.mediaType });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = `${baseName}.${spec.extension}`;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
