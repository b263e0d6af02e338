// A query that is nothing but a paper's identifier, pasted into search: a DOI (bare, "doi:…" or a
// doi.org address) or an arXiv id (bare, "arXiv:…" or an arxiv.org address) names that paper.

import { paperIdentifier } from '../../core/paper-identifiers.ts';
import type { IndexReader } from '../../indexer/index.ts';
import type { AllowedDocs } from './filters.ts';

/**
 * The doc of the library paper whose DOI or arXiv id the whole query is (version and case aside),
 * when it passes the filters; undefined when the query is no identifier or names no paper here
 * (it is then searched as words).
 */
export function paperNamedBy(reader: IndexReader, query: string, allowed?: AllowedDocs): number | undefined {
  const target = paperIdentifier(query.trim());
  if (target === undefined) return undefined;
  const paper =
    target.kind === 'doi' ? reader.papers.findByDoi(target.doi) : reader.papers.findByArxivId(target.arxivId);
  const doc = paper && reader.getPaper(paper.id)?.doc;
  if (doc === undefined || (allowed && !allowed.set.has(doc))) return undefined;
  return doc;
}
