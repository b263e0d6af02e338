// The arXiv id a reader finds in a link or a note, by core's one grammar of arXiv ids (BARE_ARXIV), without
// its version: the preprint read from an arXiv feed, a RIS export or a BibTeX entry is one paper.
import { BARE_ARXIV } from '../../core/paper-identifiers.ts';

/** Not global, so exec keeps no state between calls. */
const IN_TEXT = new RegExp(BARE_ARXIV.source, 'iu');
/** A whole value that is an arxiv.org address, its PDF's included ("https://arxiv.org/pdf/1810.04805v2.pdf"). */
const LINK = new RegExp(`^(?:${BARE_ARXIV.source})(?:\\.pdf)?\\/?$`, 'iu');

/** The arXiv id of a value that is an arxiv.org address (or "arXiv:<id>"), without its version. */
export function arxivIdOfLink(link: string): string | undefined {
  return withoutVersion(LINK.exec(link.trim())?.[1]);
}

/** The arXiv id named in running text ("arXiv preprint arXiv:1810.04805"), without its version. */
export function arxivIdInText(text: string): string | undefined {
  return withoutVersion(IN_TEXT.exec(text)?.[1]);
}

function withoutVersion(id: string | undefined): string | undefined {
  return id?.replace(/v\d+$/i, '');
}
