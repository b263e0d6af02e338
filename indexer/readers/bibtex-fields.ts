// BibTeX entry fields to record fields: key → id, author → authors ("Last, First and …"), keywords with
// Mendeley's mendeley-tags and JabRef's groups → tags, BibLaTeX's journaltitle → journal, its venue (the
// event's place) → eventVenue, a thesis's school and a report's institution → venue, eprint → arXiv id (and
// arXiv the venue of a preprint that names no other), LaTeX made plain text.
import { paperIdentifier } from '../../core/paper-identifiers.ts';
import { arxivIdInText, arxivIdOf, arxivIdOfLink } from './arxiv-ids.ts';
import { takeVenue } from './bibtex-venue.ts';
import { cleanIdentifier, cleanLatex } from './latex.ts';
import { problemAt } from './locate.ts';
import { preprintOfVenue } from './preprint-venue.ts';
import { contentKey } from './values.ts';

const NAME_SEPARATOR = /\s+and\s+/iy;
const IDENTIFIER_FIELDS = new Set(['doi', 'eprint']);
/** Where an entry without an eprint field names its arXiv id. */
const ARXIV_NAMING_FIELDS = ['journal', 'note', 'howpublished', 'publisher', 'number'];

/** A parsed entry's fields as a record: key → id, author → authors, keywords and tag fields → tags, LaTeX made plain. */
export function toFields(type: string, key: string, raw: Map<string, string>): Record<string, unknown> {
  const fields: Record<string, unknown> = { entryType: type };
  if (key !== '') fields.id = key;
  const tags: string[] = [];
  for (const [name, value] of raw) {
    // Mendeley keeps its tags in "mendeley-tags", JabRef its groups in "groups": both are the paper's tags.
    if (name === 'keywords' || name === 'keyword' || name === 'mendeley-tags' || name === 'groups') {
      tags.push(cleanLatex(value));
      continue;
    }
    if (name === 'author') fields.authors = splitAuthors(value);
    else if (name === 'editor') fields.editors = splitAuthors(value);
    else if (name === 'url') Object.assign(fields, urlFields(value));
    else if (name === 'file') fields.file = filePaths(value);
    // BibLaTeX (Zotero's Better BibLaTeX, biblatex styles) names the journal "journaltitle".
    else if (name === 'journaltitle' && !raw.has('journal')) fields.journal = cleanLatex(value);
    // BibLaTeX's venue is where the event was held ("Vancouver, Canada"), not where the paper appeared.
    else if (name === 'venue') fields.eventVenue = cleanLatex(value);
    else if (IDENTIFIER_FIELDS.has(name)) fields[name] = cleanIdentifier(value);
    else fields[name] = cleanLatex(value);
  }
  if (tags.length > 0) fields.tags = tags.join(',');
  if (typeof fields.month === 'string') fields.month = monthName(fields.month);
  const hasDoi = typeof fields.doi === 'string' && fields.doi.trim() !== '';
  if (!hasDoi && paperIdentifier(key)?.kind === 'doi') {
    // The ACM Digital Library keys an entry by its DOI ("@inproceedings{10.1145/3292500.3330701,"); an entry
    // kept without its doi field still names the paper by it.
    fields.doi = key;
  }
  const archive = String(fields.archiveprefix ?? fields.eprinttype ?? '').toLowerCase();
  const eprint = fields.eprint;
  delete fields.eprint;
  // An eprint of the arXiv (so named, or unnamed and shaped like an arXiv id) is its arXiv id.
  const arxivEprint =
    typeof eprint === 'string' && (archive === 'arxiv' || archive === '') ? arxivIdOf(eprint) : undefined;
  if (arxivEprint !== undefined) fields.arxivId = arxivEprint;
  else if (eprint !== undefined) fields.eprintId = eprint;
  takeVenue(type, fields, { arxivEprint: arxivEprint !== undefined });
  if (fields.arxivId === undefined) {
    const arxivId = arxivIdNamed(fields);
    if (arxivId !== undefined) fields.arxivId = arxivId;
  }
  if (fields.arxivId === undefined && typeof fields.journal === 'string' && typeof fields.volume === 'string') {
    // DBLP names an arXiv preprint by its journal and volume: journal = {CoRR}, volume = {abs/2101.00001}.
    const arxivId = preprintOfVenue(`${fields.journal} ${fields.volume}`);
    if (arxivId !== undefined) fields.arxivId = arxivId;
  }
  // A journal naming only the preprint server ("arXiv preprint arXiv:1810.04805", "CoRR") is made the server's one
  // name with every reader's venue (preprintServerOf, record-fields.ts).
  return fields;
}

/** The months' names, as BibTeX's month macros give them. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH_NUMBER = /^0?([1-9]|1[0-2])$/;

/**
 * A month as BibTeX's month macros give it ("mar" → "March"), also when braced or quoted ("{mar}", "{Mar.}"),
 * written as a number ("3", "{03}") or named in other case ("march"); any other value ("Spring",
 * "March--April") as it is.
 */
export function monthName(value: string): string {
  const text = value.trim();
  const number = MONTH_NUMBER.exec(text)?.[1];
  if (number !== undefined) return MONTH_NAMES[Number(number) - 1]!;
  const word = /^([a-z]{3,9})\.?$/i.exec(text)?.[1]?.toLowerCase();
  const named = MONTH_NAMES.find((name) => name.toLowerCase() === word || name.slice(0, 3).toLowerCase() === word);
  return named ?? value;
}

/**
 * The arXiv id of an entry that has no eprint field but names the preprint elsewhere: its arxiv.org link
 * (JabRef, Mendeley, Zotero's BibTeX of a preprint), or "arXiv:<id>" in the journal (Google Scholar's
 * "arXiv preprint arXiv:1810.04805") or note (Zotero's "arXiv:1810.04805 [cs]"); so it is one paper with
 * the same preprint read from an arXiv feed or a RIS export.
 */
function arxivIdNamed(fields: Record<string, unknown>): string | undefined {
  const links = Array.isArray(fields.urls) ? fields.urls : [fields.url];
  for (const link of links) {
    const found = typeof link === 'string' ? arxivIdOfLink(link) : undefined;
    if (found !== undefined) return found;
  }
  for (const name of ARXIV_NAMING_FIELDS) {
    const value = fields[name];
    // "arXiv:1810.04805", as Google Scholar writes the journal ("arXiv preprint arXiv:…") and Zotero the note.
    const found = typeof value === 'string' ? arxivIdInText(value) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The file field as the paths it names: JabRef escapes ":" and "\\" within a path ("C\\:/Users/…"),
 * Mendeley writes a backslash as "$\\backslash$"; read as LaTeX, "\\:" became a space.
 */
function filePaths(value: string): string {
  return value
    .replace(/\$\\backslash\$/g, '\\')
    .replace(/\\([:;\\])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const LINK_START = /\s+(?=https?:\/\/)/i;

/**
 * The url field: one link, or (as Mendeley writes it) several separated by spaces, "http://arxiv.org/abs/…
 * http://dx.doi.org/…": the first is the url, all of them are kept as urls. Line breaks inside one link go.
 */
function urlFields(value: string): { url: string; urls?: string[] } {
  const links = value
    .trim()
    .split(LINK_START)
    .map(cleanIdentifier)
    .filter((link) => link !== '');
  return links.length > 1 ? { url: links[0]!, urls: links } : { url: links[0] ?? '' };
}

/** Splits "A and B" at brace depth 0 ("{Barnes and Noble}" is one name) and turns "Last, First" into "First Last". */
function splitAuthors(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let from = 0;
  for (let at = 0; at < value.length; at++) {
    const char = value[at];
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (char === ' ' || char === '\t' || char === '\n' || char === '\r')) {
      NAME_SEPARATOR.lastIndex = at;
      if (NAME_SEPARATOR.test(value)) {
        names.push(value.slice(from, at));
        from = NAME_SEPARATOR.lastIndex;
        at = from - 1;
      }
    }
  }
  names.push(value.slice(from));
  return names.map((name) => displayName(name)).filter((name) => name !== '' && name.toLowerCase() !== 'others');
}

function displayName(raw: string): string {
  const parts = splitTopLevel(raw, ',').map((part) => cleanLatex(part));
  if (parts.length === 1) return parts[0] ?? '';
  const [last = '', second = '', third] = parts;
  // "von Last, Jr, First" and "Last, First" both put the given name first.
  return (third === undefined ? `${second} ${last}` : `${third} ${last} ${second}`).trim();
}

function splitTopLevel(value: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let at = 0; at < value.length; at++) {
    const char = value[at];
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (char === separator && depth === 0) {
      parts.push(value.slice(from, at));
      from = at + 1;
    }
  }
  parts.push(value.slice(from));
  return parts;
}

/** Gives a keyless entry ("@article{,") a key made from its content, and says so. */
export function keyless(fields: Record<string, unknown>, location: { file: string; line: number; record: number }) {
  const hasIdentifier = typeof fields.doi === 'string' || typeof fields.arxivId === 'string';
  const key = hasIdentifier ? null : contentKey(fields);
  if (key !== null) fields.id = key;
  const given =
    key !== null
      ? `the key "${key}" was made from its author, year and title`
      : hasIdentifier
        ? 'it is known by its DOI or arXiv id'
        : 'it is known by its file and record number';
  return problemAt(location.file, location.line, location.record, 'key', `the entry has no citation key; ${given}`);
}
