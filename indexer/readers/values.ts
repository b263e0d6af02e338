// Coercion of loosely typed input values into the shapes zPaper wants: ids, text, years, names and tag lists.
// Each coercer returns a value or a problem naming the sub-path at fault; none of them throws.
import { describeKind } from './locate.ts';

/** A coerced value, or what was wrong with it; `path` is relative to the field (e.g. "[2]"). */
export type Coerced<T> = { ok: true; value: T } | { ok: false; path: string; message: string };

const ok = <T>(value: T): Coerced<T> => ({ ok: true, value });
const fail = (message: string, path = ''): Coerced<never> => ({ ok: false, path, message });

// A year is the first run of exactly four digits: covers 2024, "2024-05", "May 2024", "2024a", ISO timestamps.
const FOUR_DIGITS = /(?<!\d)(\d{4})(?!\d)/;
const LIST_SEPARATOR = /\s*[;|]\s*/;
const TAG_SEPARATOR = /\s*[;|,]\s*/;
const AND_SEPARATOR = /\s*,?\s+(?:and|AND|&)\s+/;
const SPACE_RUN = /\s+/g;

/** True for values that mean "no value": undefined, null, blank text, an empty array. */
export function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The fields that hold a value (isBlank is false), in their order: a reader leaves out what an export left empty. */
export function withoutBlanks(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => !isBlank(value)));
}

/** Collapses every run of whitespace (including newlines) to one space. */
export function collapseSpace(text: string): string {
  return text.replace(SPACE_RUN, ' ').trim();
}

/** An id: text, or a whole number written as digits. */
export function coerceId(value: unknown): Coerced<string> {
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return ok(String(value));
  return fail(`expected text or a whole number, got ${describeKind(value)}`);
}

/** Text: a string, a number, or an array of strings (sentences) joined with spaces. */
export function coerceText(value: unknown): Coerced<string> {
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
  if (Array.isArray(value)) {
    const bad = value.findIndex((part) => typeof part !== 'string' && typeof part !== 'number');
    if (bad !== -1) return fail(`expected text, got ${describeKind(value[bad])}`, `[${bad}]`);
    return ok(value.map(String).join(' '));
  }
  return fail(`expected text, got ${describeKind(value)}`);
}

// How exports write a DOI around the DOI itself: as a resolver link, or after a "doi:" label.
const DOI_WRAPPER = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*|doi\s+)/i;

/**
 * A DOI as the bare name ("10.1000/xyz123"), also when the export wrote it as a link
 * ("https://doi.org/10.1000/xyz123", percent-escaped or not) or labelled it ("doi:10.1000/xyz123").
 */
export function coerceDoi(value: unknown): Coerced<string> {
  const text = coerceText(value);
  if (!text.ok) return text;
  const bare = text.value.trim().replace(DOI_WRAPPER, '');
  if (!/%[0-9a-f]{2}/i.test(bare)) return ok(bare);
  try {
    return ok(decodeURIComponent(bare));
  } catch {
    return ok(bare);
  }
}

const DOI_LINK = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/\S+)$/i;

/** The DOI a doi.org link names ("https://doi.org/10.1000/xyz" → "10.1000/xyz"); undefined for any other text. */
export function doiFromLink(url: string): string | undefined {
  return DOI_LINK.exec(url)?.[1];
}

/** A year from a number, a date string ("2024-05", "May 2024"), or a CSL date ({"date-parts": [[2024, 1]]}). */
export function coerceYear(value: unknown, depth = 0): Coerced<number | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === 'number') {
    return Number.isInteger(value) ? ok(value) : fail(`expected a whole year like 2024, got ${value}`);
  }
  if (typeof value === 'string') {
    const match = FOUR_DIGITS.exec(value);
    if (match?.[1]) return ok(Number(match[1]));
    return fail(`expected a year like 2024 or a date like 2024-05-17, got "${clip(value)}"`);
  }
  // Dates nest at most two levels ({"date-parts": [[2024, 1]]}); deeper input is not a date.
  if (depth < 3 && Array.isArray(value)) return coerceYear(value[0], depth + 1);
  if (depth < 3 && typeof value === 'object') {
    const date = value as Record<string, unknown>;
    for (const key of ['date-parts', 'year', 'raw', 'literal', 'date-time']) {
      if (date[key] !== undefined) return coerceYear(date[key], depth + 1);
    }
  }
  return fail(`expected a year like 2024 or a date like 2024-05-17, got ${describeKind(value)}`);
}

/**
 * Author names from "A; B", "A | B", "A and B", "A, B" (when every part is a multi-word name),
 * an array of strings, or an array of {name} / {literal} / {family, given} objects.
 */
export function coerceNames(value: unknown): Coerced<string[]> {
  if (isBlank(value)) return ok([]);
  if (typeof value === 'string') return ok(splitNames(value).filter(isPersonOrBody));
  if (!Array.isArray(value)) {
    const name = nameOf(value);
    return name === null ? fail(`expected names (text or an array), got ${describeKind(value)}`) : ok([name]);
  }
  const names: string[] = [];
  for (const [index, entry] of value.entries()) {
    const name = nameOf(entry);
    if (name === null) {
      return fail(`expected a name (text, {name} or {family, given}), got ${describeKind(entry)}`, `[${index}]`);
    }
    if (isPersonOrBody(name)) names.push(name);
  }
  return ok(names);
}

// Scopus's "[No author name available]" and Web of Science's "[Anonymous]" stand where a paper has no authors;
// they name nobody.
const NO_AUTHOR = /^\[\s*(?:no author name available|anonymous)\s*\]$/i;

function isPersonOrBody(name: string): boolean {
  return !NO_AUTHOR.test(name.trim());
}

/**
 * Tags from "a, b; c", or an array of strings or {tag}/{name}/{term} objects; blanks and repeats dropped.
 * An array's entry is split only at ";" or "|": a comma belongs to a term there, as in the MeSH heading
 * "Receptors, GABA-B" or the subject "Health, Toxicology and Mutagenesis".
 */
export function coerceTags(value: unknown): Coerced<string[]> {
  return coerceList(value, Array.isArray(value) ? LIST_SEPARATOR : TAG_SEPARATOR);
}

/** Affiliations from "A; B" (commas stay: they belong to addresses) or an array. */
export function coerceAffiliations(value: unknown): Coerced<string[]> {
  return coerceList(value, LIST_SEPARATOR);
}

function coerceList(value: unknown, separator: RegExp): Coerced<string[]> {
  if (isBlank(value)) return ok([]);
  const items: string[] = [];
  const entries = Array.isArray(value) ? value : [value];
  for (const [index, entry] of entries.entries()) {
    if (typeof entry === 'string') items.push(...entry.split(separator));
    else if (typeof entry === 'number') items.push(String(entry));
    else {
      const label = labelOf(entry);
      if (label === null) {
        return fail(`expected text, got ${describeKind(entry)}`, Array.isArray(value) ? `[${index}]` : '');
      }
      items.push(label);
    }
  }
  return ok([...new Set(items.map((item) => item.trim()).filter((item) => item !== ''))]);
}

function splitNames(text: string): string[] {
  let parts = text.split(LIST_SEPARATOR);
  if (parts.length === 1) parts = text.split(AND_SEPARATOR).flatMap(splitFullNames);
  // "Lovelace, Ada" is written "Ada Lovelace", as the RIS and BibTeX readers write it, so one person
  // is one author whichever format named them; a name with more commas is left as it is.
  return parts.map(personName).filter((part) => part !== '');
}

// What may follow a full name after a comma without being a given name: "Martin Luther King, Jr.".
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv|2nd|3rd|4th|phd|md|esq)\.?$/i;

// A given name with the suffix Zotero keeps after it: "Martin Luther, Jr.".
const GIVEN_THEN_SUFFIX = /^(.*?)\s*,\s*((?:jr|sr|ii|iii|iv|2nd|3rd|4th)\.?)$/i;

// A suffix ending a full name, for keys: roman numerals only in capitals, since "Ii" is also a family name.
const KEY_SUFFIX = /^(?:[JjSs]r\.?|II|III|IV|2nd|3rd|4th)$/;

// Words that make "X, Y" a body's name rather than "Last, First": "Barnes and Noble, Inc.",
// "University of California, Berkeley", "The ATLAS Collaboration".
const BODY_WORD =
  /(?:^|[\s.])(?:and|of|for|the|&|inc|ltd|llc|gmbh|corp|university|institute|consortium|group|team|collaboration|department)(?=$|[\s.])/i;

function personName(text: string): string {
  const name = collapseSpace(text);
  const parts = name.split(',');
  const isLastFirst = parts.length === 2 && !NAME_SUFFIX.test(parts[1]!.trim()) && !BODY_WORD.test(name);
  return isLastFirst ? invertName(name) : name;
}

/** "Ada Lovelace, Alan Turing" is two people; "Lovelace, Ada" is one, so commas split only between full names. */
function splitFullNames(text: string): string[] {
  if (!text.includes(',')) return [text];
  const pieces = text.split(',').map((piece) => piece.trim());
  return pieces.every((piece) => piece === '' || piece.includes(' ')) ? pieces : [text];
}

/**
 * A person's name from text ("Lovelace, Ada" → "Ada Lovelace") or from parts ({given, family}, Zotero's
 * {firstName, lastName}, {literal}), with the suffix Zotero keeps in the given name put last ("Martin Luther,
 * Jr." + "King" → "Martin Luther King Jr."); null for anything else.
 */
export function nameOf(entry: unknown): string | null {
  if (typeof entry === 'string') return personName(entry);
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return null;
  const person = entry as Record<string, unknown>;
  for (const key of ['name', 'literal', 'display_name', 'fullName']) {
    if (typeof person[key] === 'string') return collapseSpace(person[key]);
  }
  const family = person.family ?? person.lastName ?? person.last;
  const given = person.given ?? person.firstName ?? person.first;
  if (typeof family !== 'string' && typeof given !== 'string') return null;
  // CSL (as Zotero exports it) keeps "van der" of "Johannes van der Waals" and "Jr." apart from the family name.
  // Zotero, having no suffix field, holds it after a comma in the given name ("Martin Luther, Jr.").
  const givenSuffix = typeof given === 'string' ? GIVEN_THEN_SUFFIX.exec(given) : null;
  const suffix = person.suffix ?? givenSuffix?.[2];
  const parts = [
    givenSuffix ? givenSuffix[1] : given,
    person['dropping-particle'],
    person['non-dropping-particle'],
    family,
    suffix,
  ];
  return collapseSpace(parts.filter((part): part is string => typeof part === 'string').join(' '));
}

function labelOf(entry: unknown): string | null {
  if (entry === null || typeof entry !== 'object') return null;
  const object = entry as Record<string, unknown>;
  for (const key of ['tag', 'name', 'term', 'label']) {
    if (typeof object[key] === 'string') return object[key];
  }
  return null;
}

/** A value cut to 60 characters for quoting in a message. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * "Last, First" (as RIS, MEDLINE and Web of Science write names) → "First Last", with a suffix kept
 * last wherever it stood ("King, Martin Luther, Jr." as RIS writes it, "King, Jr., Martin Luther" as
 * BibTeX does → "Martin Luther King Jr."); a name that is only "Last, Suffix" and other names as they are.
 */
export function invertName(name: string): string {
  const [last = '', ...rest] = name.split(',').map((part) => part.trim());
  if (rest.length === 0) return collapseSpace(name);
  const suffixes = rest.filter((part) => NAME_SUFFIX.test(part));
  const given = rest.filter((part) => part !== '' && !NAME_SUFFIX.test(part));
  if (given.length === 0) return collapseSpace(suffixes.length > 0 ? name : last);
  return collapseSpace([...given, last, ...suffixes].join(' '));
}

/**
 * A citation key made from a record's content, as reference managers make them: first author's family
 * name, year and first long title word ("lovelace1843sketch"). Stable across exports, unlike a position.
 */
export function contentKey(fields: { authors?: unknown; year?: unknown; title?: unknown }): string | null {
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .replace(/[^\x20-\x7e]/g, '')
      .toLowerCase();
  const firstAuthor = Array.isArray(fields.authors) ? fields.authors[0] : fields.authors;
  // The family name is the last word but a suffix: "Martin Luther King Jr." gives "king".
  const words = typeof firstAuthor === 'string' ? firstAuthor.trim().split(/\s+/) : [];
  while (words.length > 1 && KEY_SUFFIX.test(words.at(-1)!.replace(/,$/, ''))) words.pop();
  const family = ascii(words.at(-1) ?? '').trim();
  const year =
    typeof fields.year === 'string' || typeof fields.year === 'number'
      ? (FOUR_DIGITS.exec(String(fields.year))?.[1] ?? '')
      : '';
  const word =
    typeof fields.title === 'string'
      ? (ascii(fields.title)
          .split(/\s+/)
          .find((part) => part.length > 3) ?? '')
      : '';
  const key = `${family}${year}${word}`.replace(/[^a-z0-9-]/g, '');
  return key.length >= 4 ? key : null;
}

const EXTRA_CITATION_KEY = /^\s*Citation\s+Key:\s*(\S+)\s*$/imu;

/**
 * Better BibTeX's pinned citation key in Zotero's Extra field ("Citation Key: lin2026sinks"), as the database
 * holds it and Zotero's exports carry it (CSL JSON "note", CSV "Extra").
 */
export function citationKeyInExtra(extra: unknown): string | undefined {
  return typeof extra === 'string' ? EXTRA_CITATION_KEY.exec(extra)?.[1] : undefined;
}
