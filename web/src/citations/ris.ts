// A RIS record for a paper (the tagged format EndNote, Zotero and Mendeley import).
import type { Paper } from '../../../indexer/paper.schema.ts';
import { safeHttpUrl } from '../pages/paper/paper-links.ts';

// A RIS value is one line; a newline in it would start a bogus tag.
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** The paper as a RIS record: `JOUR` with a journal, `GEN` without; ends with `ER  - `. */
export function toRis(paper: Paper): string {
  const lines: string[] = [`TY  - ${paper.venue ? 'JOUR' : 'GEN'}`, `ID  - ${oneLine(paper.id)}`];
  lines.push(`TI  - ${oneLine(paper.title)}`);
  for (const author of paper.authors) lines.push(`AU  - ${oneLine(author)}`);
  if (paper.year !== null) lines.push(`PY  - ${paper.year}`);
  if (paper.venue) lines.push(`JO  - ${oneLine(paper.venue)}`);
  if (paper.abstract) lines.push(`AB  - ${oneLine(paper.abstract)}`);
  if (paper.doi) lines.push(`DO  - ${oneLine(paper.doi)}`);
  const url = safeHttpUrl(paper.url);
  if (url) lines.push(`UR  - ${url}`);
  for (const tag of paper.tags) lines.push(`KW  - ${oneLine(tag)}`);
  lines.push('ER  - ');
  return `${lines.join('\r\n')}\r\n`;
}

/** Several papers as one .ris file. */
export function toRisFile(papers: readonly Paper[]): string {
  return papers.map(toRis).join('\r\n');
}
