// CSL-JSON items for papers (what citeproc, Pandoc and Zotero read).
import type { Paper } from '../../../indexer/paper.schema.ts';
import { safeHttpUrl } from '../pages/paper/paper-links.ts';

export type CslName = { family: string; given?: string } | { literal: string };

export type CslItem = {
  id: string;
  type: 'article-journal' | 'article';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': [[number]] };
  'container-title'?: string;
  abstract?: string;
  DOI?: string;
  URL?: string;
  keyword?: string;
};

/** "Ada Lovelace" → family Lovelace, given Ada; "Lovelace, Ada" likewise; one word stays literal. */
export function cslName(name: string): CslName {
  const comma = name.indexOf(',');
  if (comma > 0) {
    return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() };
  }
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { literal: name.trim() };
  return { family: words.at(-1) ?? name, given: words.slice(0, -1).join(' ') };
}

/** One paper as a CSL-JSON item. */
export function toCslItem(paper: Paper): CslItem {
  const url = safeHttpUrl(paper.url);
  return {
    id: paper.id,
    type: paper.venue ? 'article-journal' : 'article',
    title: paper.title,
    ...(paper.authors.length > 0 ? { author: paper.authors.map(cslName) } : {}),
    ...(paper.year !== null ? { issued: { 'date-parts': [[paper.year]] as [[number]] } } : {}),
    ...(paper.venue ? { 'container-title': paper.venue } : {}),
    ...(paper.abstract ? { abstract: paper.abstract } : {}),
    ...(paper.doi ? { DOI: paper.doi } : {}),
    ...(url ? { URL: url } : {}),
    ...(paper.tags.length > 0 ? { keyword: paper.tags.join(', ') } : {}),
  };
}

/** Several papers as a CSL-JSON file (an array of items). */
export function toCslJsonFile(papers: readonly Paper[]): string {
  return `${JSON.stringify(papers.map(toCslItem), null, 2)}\n`;
}
