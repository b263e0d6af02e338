// A BibTeX entry for a paper, from the fields the library knows. Titles are wrapped in an extra
// pair of braces so styles keep their capitals ("EMO" stays "EMO"), and a URL is written only when
// it is http(s), the same rule the page applies to its links.
import type { Paper } from '../../../indexer/paper.schema.ts';
import { safeHttpUrl } from '../pages/paper/paper-links.ts';

// Braces must stay balanced inside a field, and TeX's special characters must not act.
function escapeField(value: string): string {
  return value
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}])/g, '\\$1')
    .replace(/([&%$#_])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
}

// A URL or DOI is written as it is, but a brace or whitespace in it would end or break the field.
function verbatimField(value: string): string | undefined {
  return /[{}\s\\]/.test(value) ? undefined : value;
}

/** A citation key from the paper id: letters, digits and `-_:.` only. */
export function bibtexKey(paper: Pick<Paper, 'id'>): string {
  return paper.id.replace(/[^A-Za-z0-9_:.-]/g, '') || 'paper';
}

/** The paper as an `@article` (with a journal) or `@misc` entry. */
export function toBibtex(paper: Paper): string {
  const url = safeHttpUrl(paper.url);
  const fields: Array<[string, string | undefined]> = [
    ['title', `{${escapeField(paper.title)}}`],
    ['author', paper.authors.length > 0 ? escapeField(paper.authors.join(' and ')) : undefined],
    ['year', paper.year === null ? undefined : String(paper.year)],
    ['journal', paper.venue ? escapeField(paper.venue) : undefined],
    ['doi', paper.doi ? verbatimField(paper.doi) : undefined],
    ['eprint', paper.arxivId ? escapeField(paper.arxivId) : undefined],
    ['archiveprefix', paper.arxivId ? 'arXiv' : undefined],
    ['url', url ? verbatimField(url) : undefined],
  ];
  const body = fields
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(',\n');
  return `@${paper.venue ? 'article' : 'misc'}{${bibtexKey(paper)},\n${body}\n}\n`;
}

/** Several papers as one .bib file, entries separated by a blank line. */
export function toBibtexFile(papers: readonly Paper[]): string {
  return papers.map(toBibtex).join('\n');
}
