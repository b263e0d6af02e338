// The arXiv id a reader finds in an eprint or number field, a link, a DOI or a note, by core's one grammar of
// arXiv ids (BARE_ARXIV), in arXiv's canonical form and without its version: the preprint from an arXiv feed, RIS,
// BibTeX or CSL-JSON is one paper.
import { BARE_ARXIV, canonicalArxivId } from '../../core/paper-identifiers.ts';

/** Not global, so exec keeps no state between calls. */
const IN_TEXT = new RegExp(BARE_ARXIV.source, 'iu');
/** A whole value that is an arxiv.org address, its PDF's included ("https://arxiv.org/pdf/1810.04805v2.pdf"). */
const LINK = new RegExp(`^(?:${BARE_ARXIV.source})(?:\\.pdf)?\\/?$`, 'iu');
/** arXiv's DOIs (DataCite, since 2022): "10.48550/arXiv.2301.01234", "10.48550/arXiv.hep-th/9901001". */
const ARXIV_DOI = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?10\.48550\/arxiv\.(\S+)$/iu;
const VERSION = /v\d+$/iu;

/** An arXiv id as a reader stores it, and the version the value named ("v2"), if any. */
export type ArxivReference = { id: string; version: string | undefined };

/**
 * The arXiv id a whole value names, with its version apart: an arxiv.org address ("http://arxiv.org/abs/
 * hep-th/9901001v2"), "arXiv:2301.01234v2", or the bare id an eprint or number field holds ("2301.01234v2",
 * "math.AG/0301001"). The id is stored in arXiv's canonical form, without its version: "hep-th/9901001", and
 * "math/0301001" for "math.AG/0301001" (an old-style id's subject class is not part of the id; an export that
 * writes it and one that does not name one paper).
 */
export function arxivReference(value: string): ArxivReference | undefined {
  const text = value.trim();
  const id = LINK.exec(text)?.[1] ?? LINK.exec(`arXiv:${text}`)?.[1];
  return id === undefined ? undefined : versionApart(id);
}

/** The arXiv id a whole value names (see arxivReference), without its version. */
export function arxivIdOf(value: string): string | undefined {
  return arxivReference(value)?.id;
}

/** The arXiv id of a value that is an arxiv.org address (or "arXiv:<id>"), without its version. */
export function arxivIdOfLink(link: string): string | undefined {
  const id = LINK.exec(link.trim())?.[1];
  return id === undefined ? undefined : versionApart(id).id;
}

/** The arXiv id named in running text ("arXiv preprint arXiv:1810.04805"), without its version. */
export function arxivIdInText(text: string): string | undefined {
  const id = IN_TEXT.exec(text)?.[1];
  return id === undefined ? undefined : versionApart(id).id;
}

/** The arXiv id of one of arXiv's own DOIs ("10.48550/arXiv.2301.01234"); undefined for any other DOI. */
export function arxivIdOfDoi(doi: string): string | undefined {
  const suffix = ARXIV_DOI.exec(doi.trim())?.[1];
  return suffix === undefined ? undefined : arxivIdOf(suffix);
}

function versionApart(id: string): ArxivReference {
  return { id: canonicalArxivId(id.replace(VERSION, '')), version: VERSION.exec(id)?.[0]?.toLowerCase() };
}
