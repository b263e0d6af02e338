// A venue that only names an arXiv preprint, as reference managers write one's journal: Google Scholar's
// "arXiv preprint arXiv:1810.04805", Zotero's "arXiv:1706.03762 [cs]". Such a venue is arXiv's.
import { BARE_ARXIV } from '../../core/paper-identifiers.ts';
import { arxivIdInText } from './arxiv-ids.ts';

/** "arXiv:<id>" (or an arxiv.org address), after Google Scholar's "arXiv preprint", before Zotero's "[cs, stat]". */
const PREPRINT_VENUE = new RegExp(
  `^(?:arxiv\\s+preprint\\s+)?(?:${BARE_ARXIV.source})(?:\\s*\\[[a-z][\\w.\\-, ]*\\])?\\.?$`,
  'iu',
);

/** The name a preprint's venue is stored under. */
export const ARXIV_VENUE = 'arXiv';

/**
 * The arXiv id a venue names when it names nothing else ("arXiv preprint arXiv:1810.04805" → "1810.04805",
 * without version), else undefined: "Advances in NeurIPS (arXiv:1810.04805)" is a venue of its own.
 */
export function preprintOfVenue(venue: string): string | undefined {
  const text = venue.trim().replace(/\s+/gu, ' ');
  return PREPRINT_VENUE.test(text) ? arxivIdInText(text) : undefined;
}
