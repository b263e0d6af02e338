// A query that is nothing but a paper's identifier, pasted into search: a DOI (bare, "doi:…" or a
// doi.org address) or an arXiv id (bare, "arXiv:…" or an arxiv.org address) names that paper. One
// the library does not hold finds nothing, and says so: read as words, its digits and domain names
// ("doi", "org", "10") would match papers that have nothing to do with it.

import { type PaperIdentifier, paperIdentifier } from '../../core/paper-identifiers.ts';
import type { IndexReader } from '../../indexer/index.ts';
import type { AllowedDocs } from './filters.ts';

/**
 * What a query that is a paper's DOI or arXiv id (version and case aside) names: the library paper's
 * doc when it passes the filters, else null (no paper here has it, or the filters leave it out);
 * undefined when the query is no identifier and is searched as words.
 */
export function paperNamedBy(reader: IndexReader, query: string, allowed?: AllowedDocs): number | null | undefined {
  const target = paperIdentifier(query.trim());
  if (target === undefined) return undefined;
  const doc = docOf(reader, target);
  if (doc === undefined || (allowed && !allowed.set.has(doc))) return null;
  return doc;
}

function docOf(reader: IndexReader, target: PaperIdentifier): number | undefined {
  const paper =
    target.kind === 'doi' ? reader.papers.findByDoi(target.doi) : reader.papers.findByArxivId(target.arxivId);
  return paper ? reader.getPaper(paper.id)?.doc : undefined;
}

/** Why a query that is an identifier found nothing (no paper has it, or the filters leave it out); undefined otherwise. */
export function identifierNotice(reader: IndexReader, query: string): string | undefined {
  const target = paperIdentifier(query.trim());
  if (target === undefined) return undefined;
  const named = target.kind === 'doi' ? `the DOI ${target.doi}` : `the arXiv id ${target.arxivId}`;
  if (docOf(reader, target) !== undefined)
    return `The paper with ${named} is in the library, but the filters leave it out.`;
  return `No paper in the library has ${named}. Add it with \`citelens index\`, or search for its title.`;
}
