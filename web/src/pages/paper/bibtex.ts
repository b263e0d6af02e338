// A BibTeX entry for a paper, from the fields the library knows.
import type { Paper } from '../../../../indexer/paper.schema.ts';

// Braces must stay balanced inside a field, and TeX's special characters must not act.
function escapeField(value: string): string {
  return value
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}])/g, '\\$1')
    .replace(/([&%$#_])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A citation key from the paper id: letters, digits and `-_:.` only. */
export function bibtexKey(paper: Pick<Paper, 'id'>): string {
  return paper.id.replace(/[^A-Za-z0-9_:.-]/g, '') || 'paper';
}

/** The paper as an `@article` (with a journal) or `@misc` entry. */
export function toBibtex(paper: Paper): string {
  const fields: Array<[string, string | null | undefined]> = [
    ['title', paper.title],
    ['author', paper.authors.length > 0 ? paper.authors.join(' and ') : undefined],
    ['year', paper.year === null ? undefined : String(paper.year)],
    ['journal', paper.venue],
    ['doi', paper.doi],
    ['eprint', paper.arxivId],
    ['archiveprefix', paper.arxivId ? 'arXiv' : undefined],
    ['url', paper.url],
  ];
  const body = fields
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([name, value]) => `  ${name} = {${name === 'url' || name === 'doi' ? value : escapeField(value)}}`)
    .join(',\n');
  return `@${paper.venue ? 'article' : 'misc'}{${bibtexKey(paper)},\n${body}\n}\n`;
}
