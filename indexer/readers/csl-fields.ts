// A CSL-JSON item's fields made ready for the field mapping (FIELD_ALIASES): a title written as a list, an arXiv id
// in "number" or "URL", a conference's "event-title" as the venue, a date written as a bare number, a citation key.
import { arxivIdOf, arxivIdOfLink } from './arxiv-ids.ts';
import { problemAt } from './locate.ts';
import type { RawRecord } from './reader.ts';
import { citationKeyInExtra, isBlank } from './values.ts';

/**
 * Repairs a CSL-JSON record in place: a title or container title written as a list is its first entry, an arXiv
 * preprint's id is read from its "number" ("arXiv:2401.01234", or bare when "archive" or "publisher" is arXiv) or its
 * arxiv.org "URL", a conference paper without "container-title" takes "event-title" as its venue, a date written as a
 * number is read as one (reported as a repair), and a citation key beside the item's id is kept as metadata
 * `citationKey`. Running it again on a repaired record changes nothing.
 */
export function repairCslRecord(record: RawRecord): void {
  firstOfTitleLists(record.fields);
  takeArxivId(record.fields);
  takeEventAsVenue(record.fields);
  repairNumericDates(record);
  keepCitationKey(record.fields);
}

/** Title fields some exporters write as lists, as Crossref does: the journal's full name, then its abbreviation. */
const TITLE_LISTS = [
  ['title', 'otherTitles'],
  ['container-title', 'otherContainerTitles'],
] as const;

/**
 * A title or container title written as a list (["Nature Machine Intelligence", "Nat Mach Intell"]) is its first
 * non-blank entry, not the entries run together; the others are kept as metadata.
 */
function firstOfTitleLists(fields: Record<string, unknown>): void {
  for (const [key, others] of TITLE_LISTS) {
    const value = fields[key];
    if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) continue;
    const titles = (value as string[]).filter((entry) => entry.trim() !== '');
    fields[key] = titles[0] ?? '';
    if (titles.length > 1) fields[others] = titles.slice(1);
  }
}

const ARXIV_NAME = /^\s*arxiv(?:\.org)?\s*$/i;

/** The arXiv id of an item that names one in "number" (Zotero's "Archive ID") or in its arxiv.org "URL". */
function takeArxivId(fields: Record<string, unknown>): void {
  if (fields.arxivId !== undefined) return;
  const number = typeof fields.number === 'string' ? fields.number : '';
  // A bare number is an arXiv id only when the item says it comes from arXiv: a report's number may look like one.
  const fromArxiv = [fields.archive, fields.publisher].some(
    (name) => typeof name === 'string' && ARXIV_NAME.test(name),
  );
  const id =
    arxivIdOfLink(number) ??
    (fromArxiv ? arxivIdOf(number) : undefined) ??
    (typeof fields.URL === 'string' ? arxivIdOfLink(fields.URL) : undefined);
  if (id !== undefined) fields.arxivId = id;
}

/**
 * A paper given at a conference names it in "event-title" (CSL 1.0.2) or, in older CSL, in "event" as text;
 * without a "container-title" (proceedings) or a "venue" of the item's own, that is its venue.
 */
function takeEventAsVenue(fields: Record<string, unknown>): void {
  if (!isBlank(fields['container-title']) || !isBlank(fields.venue)) return;
  for (const key of ['event-title', 'event']) {
    const event = fields[key];
    if (typeof event === 'string' && event.trim() !== '') {
      fields.venue = event;
      delete fields[key];
      return;
    }
  }
}

/**
 * Zotero's CSL JSON names an item by its URI ("id": "http://zotero.org/users/…/items/KEY") and gives the
 * citation key apart: Zotero 7's "citation-key", or Better BibTeX's "Citation Key: …" line in "note". It is
 * kept as metadata `citationKey`, as the Zotero database reader keeps it, so "[@key]" in a draft finds the paper.
 */
function keepCitationKey(fields: Record<string, unknown>): void {
  if (fields.citationKey !== undefined) return;
  const given = fields['citation-key'];
  const key = typeof given === 'string' && given.trim() !== '' ? given.trim() : citationKeyInExtra(fields.note);
  if (key === undefined || typeof fields.id !== 'string' || fields.id.trim() === '' || fields.id === key) return;
  fields.citationKey = key;
  delete fields['citation-key'];
}

const DATE_FIELDS = ['issued', 'published', 'date'] as const;
const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Some exporters write a date as a bare number: 20210128 is read as 2021-01-28; a number that is no year
 * (26) is dropped. Either way the record is kept and the repair reported.
 */
function repairNumericDates(record: RawRecord): void {
  const { fields, location } = record;
  for (const name of DATE_FIELDS) {
    const value = fields[name];
    if (typeof value !== 'number') continue;
    const repair = (message: string) => {
      record.repairs ??= [];
      record.repairs.push(problemAt(location.file, location.line, location.record, name, message));
    };
    const parts = YYYYMMDD.exec(String(value));
    if (parts) {
      fields[name] = `${parts[1]}-${parts[2]}-${parts[3]}`;
      repair(`the number ${value} was read as the date ${fields[name]}`);
    } else if (!(Number.isInteger(value) && value >= 1000 && value <= 2100)) {
      delete fields[name];
      repair(`the number ${value} is not a date or a year; it was dropped`);
    }
  }
}
