// The identifiers a paper is known by outside the library: arXiv ids ("arXiv:2401.01234v2", an
// arxiv.org address, or bare) and DOIs ("doi:…", a doi.org address, or bare). One grammar for
// citations (server/verify) and queries (server/search).

// An arxiv.org address, as written with or without its scheme and on the site's mirrors ("www.", "export.").
const ARXIV_ADDRESS = String.raw`(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/`;
const ARXIV_NEW = new RegExp(String.raw`^(?:arxiv:\s*|${ARXIV_ADDRESS})?(\d{4}\.\d{4,5}(?:v\d+)?)$`, 'iu');
const ARXIV_OLD = new RegExp(
  String.raw`^(?:arxiv:\s*|${ARXIV_ADDRESS})([a-z-]+(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?)$`,
  'iu',
);
const DOI = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/iu;
/** An arXiv id in running text, prefixed or as an address. */
// In running text an address without its scheme must start its word ("notarxiv.org/abs/…" is none);
// with one it may follow anything, as a pasted link glued to the word before does.
const ARXIV_ADDRESS_IN_TEXT = String.raw`(?:https?:\/\/(?:www\.|export\.)?|(?<![\p{L}\p{N}.\/:])(?:www\.|export\.)?)arxiv\.org\/(?:abs|pdf)\/`;
export const BARE_ARXIV = new RegExp(
  String.raw`(?:\barxiv:\s*|${ARXIV_ADDRESS_IN_TEXT})(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?)`,
  'giu',
);
/**
 * A DOI in running text: its suffix may hold balanced parentheses (10.1016/0921-4534(89)90484-X) but
 * ends before an unbalanced one, a bracket, a quote or white space. Each alternative starts with a
 * different character, so matching never backtracks.
 */
export const DOI_PATTERN = `10\\.\\d{4,9}\\/(?:[^\\s"'<>()\\[\\]]|\\([^\\s"'<>()\\[\\]]{0,40}\\))+`;
/** A DOI in running text. */
export const BARE_DOI = new RegExp(`\\b(?:doi:\\s*|https?:\\/\\/(?:dx\\.)?doi\\.org\\/)?(${DOI_PATTERN})`, 'giu');

/** A DOI without the punctuation that ends the sentence around it, lower-cased. */
export function cleanDoi(doi: string): string {
  return doi.replace(/[.,;:]+$/u, '').toLowerCase();
}

// An old-style id's subject class ("math.AG" of "math.AG/0301001"), which arXiv's canonical id leaves out.
const SUBJECT_CLASS = /^([a-z-]+)\.[a-z]{2}(?=\/\d{7}(?:v\d+)?$)/iu;

/**
 * An arXiv id (without prefix) in arXiv's canonical form: an old-style id without its subject class
 * ("math.AG/0301001" is "math/0301001", as arXiv lists it); any other id as it is.
 */
export function canonicalArxivId(id: string): string {
  return id.replace(SUBJECT_CLASS, '$1');
}

/** A paper identifier: an arXiv id (lower-cased, its version kept) or a DOI (cleaned). */
export type PaperIdentifier = { kind: 'arxiv'; arxivId: string } | { kind: 'doi'; doi: string };

/** The arXiv id or DOI a whole text is ("arXiv:2401.01234", "https://doi.org/10.1/x"), if it is one. */
export function paperIdentifier(text: string): PaperIdentifier | undefined {
  const arxiv = ARXIV_NEW.exec(text) ?? ARXIV_OLD.exec(text);
  if (arxiv) return { kind: 'arxiv', arxivId: arxiv[1]!.toLowerCase() };
  const doi = DOI.exec(text);
  if (doi) return { kind: 'doi', doi: cleanDoi(doi[1]!) };
  return undefined;
}
