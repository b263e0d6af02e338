// Where a BibTeX or BibLaTeX entry appeared when it names no journal or booktitle: the event of its eventtitle,
// a thesis's school, a report's institution, or arXiv for a preprint arXiv exported (its eprint and archivePrefix).
import { ARXIV_VENUE } from './preprint-venue.ts';
import { publisherIsVenue } from './record-kind.ts';

/** BibTeX's and BibLaTeX's thesis entry types, whose school (BibLaTeX: institution) is where they appeared. */
const THESIS_TYPES = new Set(['phdthesis', 'mastersthesis', 'thesis']);
/** BibTeX's and BibLaTeX's report entry types, whose institution is where they appeared. */
const REPORT_TYPES = new Set(['techreport', 'report']);

/**
 * Gives an entry of `type` that names no journal or booktitle its venue, in place: its eventtitle, else a thesis's
 * school (or institution), a report's institution, else arXiv when its eprint is an arXiv id (`arxivEprint`).
 * The field taken as the venue is taken off the entry; an entry with a venue of its own keeps it.
 */
export function takeVenue(type: string, fields: Record<string, unknown>, { arxivEprint }: { arxivEprint: boolean }) {
  takeEventAsVenue(fields);
  const kind = type.toLowerCase();
  if (THESIS_TYPES.has(kind)) takeFirstAsVenue(fields, ['school', 'institution']);
  if (REPORT_TYPES.has(kind)) takeFirstAsVenue(fields, ['institution']);
  if (arxivEprint) takeArxivAsVenue(fields);
}

/**
 * A paper given at an event names it in BibLaTeX's eventtitle; without a journal or booktitle (proceedings),
 * that is its venue, before the publisher, as CSL-JSON's event-title is.
 */
function takeEventAsVenue(fields: Record<string, unknown>): void {
  if (named(fields.journal) || named(fields.booktitle) || !named(fields.eventtitle)) return;
  fields.venue = fields.eventtitle;
  delete fields.eventtitle;
}

/**
 * A thesis's venue is the university that granted it: its school, or BibLaTeX's institution (which names the
 * school of its @thesis and its @phdthesis alike); a report's is the institution that issued it (JabRef, Zotero
 * and Google Scholar write @techreport with an institution; BibLaTeX's @report too). Only when the entry names
 * no journal, booktitle or venue of its own.
 */
function takeFirstAsVenue(fields: Record<string, unknown>, keys: readonly string[]): void {
  if (named(fields.journal) || named(fields.booktitle) || named(fields.venue)) return;
  const key = keys.find((name) => named(fields[name]));
  if (key === undefined) return;
  fields.venue = fields[key];
  delete fields[key];
}

/**
 * arXiv's own export of a preprint (`@misc{…, eprint={1706.03762}, archivePrefix={arXiv}, primaryClass={cs.CL}}`)
 * names no journal: it appeared on arXiv, the venue every reader gives a preprint there (preprint-venue.ts). Not
 * for an entry with a journal, booktitle or venue, nor one known by its publisher (a book) that names one.
 */
function takeArxivAsVenue(fields: Record<string, unknown>): void {
  if (named(fields.journal) || named(fields.booktitle) || named(fields.venue)) return;
  if (named(fields.publisher) && publisherIsVenue(fields)) return;
  fields.venue = ARXIV_VENUE;
}

function named(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
