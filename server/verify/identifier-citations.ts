// Citations by identifier: arXiv ids ("arXiv:2401.01234v2", an arxiv.org address) and DOIs ("doi:…",
// a doi.org address, or bare), as a whole item of a group or in running text.
import type { CitationTarget } from './parse-citations.ts';

const ARXIV_NEW = /^(?:arxiv:\s*|https?:\/\/arxiv\.org\/(?:abs|pdf)\/)?(\d{4}\.\d{4,5}(?:v\d+)?)$/iu;
const ARXIV_OLD = /^(?:arxiv:\s*|https?:\/\/arxiv\.org\/(?:abs|pdf)\/)([a-z-]+(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?)$/iu;
const DOI = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/iu;
/** An arXiv id in running text, prefixed or as an address. */
export const BARE_ARXIV =
  /(?:\barxiv:\s*|https?:\/\/arxiv\.org\/(?:abs|pdf)\/)(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?)/giu;
/**
 * A DOI in running text: its suffix may hold balanced parentheses (10.1016/0921-4534(89)90484-X) but
 * ends before an unbalanced one, a bracket, a quote or white space. Each alternative starts with a
 * different character, so matching never backtracks.
 */
export const DOI_PATTERN = `10\\.\\d{4,9}\\/(?:[^\\s"'<>()\\[\\]]|\\([^\\s"'<>()\\[\\]]{0,40}\\))+`;
/** A DOI in running text. */
export const BARE_DOI = new RegExp(`\\b(?:doi:\\s*|https?:\\/\\/(?:dx\\.)?doi\\.org\\/)?(${DOI_PATTERN})`, 'giu');

/** A DOI without the punctuation that ends the sentence around it. */
export function cleanDoi(doi: string): string {
  return doi.replace(/[.,;:]+$/u, '').toLowerCase();
}

/** The arXiv id or DOI an item of a group is, if it is one. */
export function identifierTarget(item: string): CitationTarget | undefined {
  const arxiv = ARXIV_NEW.exec(item) ?? ARXIV_OLD.exec(item);
  if (arxiv) return { kind: 'arxiv', arxivId: arxiv[1]!.toLowerCase() };
  const doi = DOI.exec(item);
  if (doi) return { kind: 'doi', doi: cleanDoi(doi[1]!) };
  return undefined;
}
