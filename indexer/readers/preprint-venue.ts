// A venue that only names a preprint server, as exporters spell one: "ArXiv" (Semantic Scholar), "arXiv.org",
// "arXiv e-prints" (NASA ADS), "arXiv (Cornell University)" (OpenAlex), DBLP's "CoRR" with its "abs/2101.00001",
// Google Scholar's "arXiv preprint arXiv:1810.04805", Zotero's "arXiv:1706.03762 [cs]"; bioRxiv's and medRxiv's too.
// Each is stored under the server's one name, so a library filtered by venue shows one arXiv.
import { BARE_ARXIV } from '../../core/paper-identifiers.ts';
import { arxivIdInText, arxivIdOf } from './arxiv-ids.ts';

/** The name an arXiv preprint's venue is stored under. */
export const ARXIV_VENUE = 'arXiv';

/** Zotero's subject classes after an id: "arXiv:1802.03426 [cs, stat]". */
const CLASSES = String.raw`(?:\s*\[[a-z][\w.\-, ]*\])?`;
/** An id without "arXiv:", as DBLP's volume writes one ("abs/2101.00001"); only after arXiv's name. */
const PLAIN_ID = String.raw`(?:abs\/)?((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?)`;
/** "arXiv:<id>" or an arxiv.org address, which name arXiv by themselves. */
const NAMED_ID = `(?:${BARE_ARXIV.source})${CLASSES}`;
/** An id after arXiv's name. */
const ID = `(?:${BARE_ARXIV.source}|${PLAIN_ID})${CLASSES}`;
/** How exporters name arXiv. DBLP's "CoRR" is matched apart, in its own case: "CORR" is also an orthopaedics journal. */
const ARXIV_NAME = String.raw`(?:arxiv(?:\.org)?|computing\s+research\s+repository)`;
/** What may follow a server's name and still name only the server. */
const QUALIFIER = String.raw`(?:e-?prints?|e-?print\s+archive|preprints?|preprint\s+server|\((?:cornell\s+university|corr|arxiv|cold\s+spring\s+harbor\s+laboratory)\)|:?\s*the\s+preprint\s+server\s+for\s+[a-z]+(?:\s+[a-z]+)?)`;
const QUALIFIED = String.raw`(?:\s*${QUALIFIER})*`;

/** "arXiv:<id>", after Google Scholar's "arXiv preprint", before Zotero's "[cs, stat]": arXiv's own form of a preprint. */
const WRITTEN_PREPRINT = new RegExp(`^(?:arxiv\\s+preprint\\s+)?${NAMED_ID}$`, 'iu');
/** "arXiv:<id>" alone, or arXiv named (and qualified), then perhaps one preprint's id. */
const ARXIV_VENUE_TEXT = new RegExp(`^(?:${NAMED_ID}|${ARXIV_NAME}${QUALIFIED}(?:[\\s,:]+${ID})?)$`, 'iu');
/** DBLP's name for arXiv, in its own case ("CoRR", "CoRR (arXiv)"), then perhaps one preprint's id. */
const CORR = /^CoRR(?:\s*\((?:arXiv|cs)\))?/u;
const CORR_REST = new RegExp(`^(?:[\\s,:]+${ID})?$`, 'iu');
const TRAILING_PLAIN_ID = new RegExp(`[\\s,:]${PLAIN_ID}${CLASSES}$`, 'iu');
const OTHER_SERVERS: readonly [name: string, text: RegExp][] = [
  ['bioRxiv', new RegExp(`^biorxiv(?:\\.org)?${QUALIFIED}$`, 'iu')],
  ['medRxiv', new RegExp(`^medrxiv(?:\\.org)?${QUALIFIED}$`, 'iu')],
];

/** A venue with its spaces made single and a final period (or comma) taken off, as the patterns read it. */
function plain(venue: string): string {
  return venue.trim().replace(/\s+/gu, ' ').replace(/[.,]$/u, '').trim();
}

function namesArxiv(text: string): boolean {
  const corr = CORR.exec(text)?.[0];
  return ARXIV_VENUE_TEXT.test(text) || (corr !== undefined && CORR_REST.test(text.slice(corr.length)));
}

/**
 * The one name of the preprint server a venue names and nothing else ("ArXiv", "arXiv e-prints", "CoRR",
 * "arXiv preprint arXiv:1810.04805" → "arXiv"; "BioRxiv", "bioRxiv: the preprint server for biology" →
 * "bioRxiv"), else undefined: "Advances in NeurIPS (arXiv:1810.04805)" and "Nature" are venues of their own.
 */
export function preprintServerOf(venue: string): string | undefined {
  const text = plain(venue);
  if (namesArxiv(text)) return ARXIV_VENUE;
  return OTHER_SERVERS.find(([, pattern]) => pattern.test(text))?.[0];
}

/**
 * The arXiv id a venue names when it names nothing else but arXiv ("arXiv preprint arXiv:1810.04805" →
 * "1810.04805", "CoRR abs/2101.00001" → "2101.00001", without version), else undefined: "ArXiv" names no
 * preprint, and "Advances in NeurIPS (arXiv:1810.04805)" is a venue of its own.
 */
export function preprintOfVenue(venue: string): string | undefined {
  const text = plain(venue);
  if (!namesArxiv(text)) return undefined;
  const plainId = TRAILING_PLAIN_ID.exec(text)?.[1];
  return arxivIdInText(text) ?? (plainId === undefined ? undefined : arxivIdOf(plainId));
}

/**
 * The arXiv id of a venue written as arXiv writes a preprint ("arXiv:1706.03762 [cs]", "arXiv preprint
 * arXiv:1810.04805"), else undefined: the narrower rule a RIS record's id has been made by since version 14, so
 * that "ArXiv abs/1901.00003" (its arXiv id taken by every reader: records.ts) does not change the id of the record.
 */
export function writtenPreprintOfVenue(venue: string): string | undefined {
  const text = plain(venue);
  return WRITTEN_PREPRINT.test(text) ? arxivIdInText(text) : undefined;
}
