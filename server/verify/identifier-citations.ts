// Citations by identifier: arXiv ids ("arXiv:2401.01234v2", an arxiv.org address) and DOIs ("doi:…",
// a doi.org address, or bare), as a whole item of a group or in running text. The grammar is
// core/paper-identifiers.ts's, which search reads pasted identifiers with too.
import { paperIdentifier } from '../../core/paper-identifiers.ts';
import type { CitationTarget } from './parse-citations.ts';

export { BARE_ARXIV, BARE_DOI, cleanDoi, DOI_PATTERN } from '../../core/paper-identifiers.ts';

/** The arXiv id or DOI an item of a group is, if it is one. */
export function identifierTarget(item: string): CitationTarget | undefined {
  return paperIdentifier(item);
}
