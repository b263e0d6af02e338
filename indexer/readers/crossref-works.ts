// Works as the Crossref REST API writes them: a list answer {"message-type": "work-list", "message":
// {"items": […]}}, a single work {"message-type": "work", "message": {…}}, or bare works (a bulk file's
// "items"). Each work is rewritten into the plain fields every other record has: title[0], the JATS abstract
// (cleaned later, as every abstract is), author {given, family} names, the first issued/published year.
import { nameOf, withoutBlanks } from './values.ts';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** The first non-blank string of a Crossref list field ("title", "container-title"), or a string as it is. */
const firstText = (value: unknown): string | undefined =>
  Array.isArray(value) ? value.map(text).find((item) => item !== undefined) : text(value);

/** Dates in the order a work's year is taken from them: when it was issued, then published, then created. */
const DATE_KEYS = ['issued', 'published', 'published-print', 'published-online', 'created'] as const;

// A JATS abstract often opens with a heading that only says it is the abstract; cleaned, it would read "Abstract: …".
const ABSTRACT_HEADING = /^\s*<(jats:)?title>\s*(?:abstract|summary)\s*<\/\1title>/i;

/** The works a Crossref answer holds, or null when `value` is not a Crossref "work" or "work-list" answer. */
export function crossrefAnswerWorks(value: unknown): { works: unknown[]; single: boolean } | null {
  if (!isObject(value) || !isObject(value.message)) return null;
  if (value['message-type'] === 'work-list' && Array.isArray(value.message.items)) {
    return { works: value.message.items, single: false };
  }
  if (value['message-type'] === 'work') return { works: [value.message], single: true };
  return null;
}

/**
 * A Crossref work: a DOI, a title written as a list, and a field only Crossref writes (or a list of journal
 * titles). CSL-JSON from reference managers writes its title as text, so it is not taken for one.
 */
export function isCrossrefWork(fields: Fields): boolean {
  return (
    typeof fields.DOI === 'string' &&
    Array.isArray(fields.title) &&
    (Array.isArray(fields['container-title']) ||
      'member' in fields ||
      'prefix' in fields ||
      'reference-count' in fields ||
      'is-referenced-by-count' in fields ||
      isObject(fields.issued))
  );
}

function yearOf(work: Fields): number | undefined {
  for (const key of DATE_KEYS) {
    const date = work[key];
    const parts = isObject(date) && Array.isArray(date['date-parts']) ? date['date-parts'][0] : undefined;
    // Crossref writes an unknown date as {"date-parts": [[null]]}.
    const year = Array.isArray(parts) ? parts[0] : undefined;
    if (typeof year === 'number' && Number.isInteger(year)) return year;
    if (typeof year === 'string' && /^\d{4}$/.test(year)) return Number(year);
  }
  return undefined;
}

/**
 * Each person's name as every reader writes it (nameOf): {given, family} with its suffix ("Jr."), a group author's
 * {name}, or the {literal} name of CSL JSON written in Crossref's shape.
 */
function people(list: unknown): string[] {
  return Array.isArray(list) ? list.flatMap((person) => nameOf(person) || []) : [];
}

/** A Crossref work's fields in the plain shape; what the API adds in bulk (references, links, licences) is left out. */
export function fromCrossref(work: Fields): Fields {
  const authors = Array.isArray(work.author) ? work.author : [];
  const affiliations = authors.flatMap((person) =>
    isObject(person) && Array.isArray(person.affiliation)
      ? person.affiliation.flatMap((place) => (isObject(place) && text(place.name) ? [String(place.name)] : []))
      : [],
  );
  const abstract = text(work.abstract)?.replace(ABSTRACT_HEADING, '');
  const editors = people(work.editor);
  const metadata: Fields = {
    source: 'Crossref',
    ...(text(work.type) ? { type: work.type } : {}),
    ...(firstText(work.subtitle) ? { subtitle: firstText(work.subtitle) } : {}),
    ...(text(work.publisher) ? { publisher: work.publisher } : {}),
    ...(text(work.volume) ? { volume: work.volume } : {}),
    ...(text(work.issue) ? { issue: work.issue } : {}),
    ...(text(work.page) ? { pages: work.page } : {}),
    ...(Array.isArray(work.ISSN) && work.ISSN.every((issn) => typeof issn === 'string') ? { issn: work.ISSN } : {}),
    ...(text(work.language) ? { language: work.language } : {}),
    ...(typeof work['is-referenced-by-count'] === 'number' ? { citedByCount: work['is-referenced-by-count'] } : {}),
    ...(editors.length > 0 ? { editors } : {}),
  };
  const fields: Fields = {
    title: firstText(work.title),
    abstract,
    authors: people(authors),
    affiliations: [...new Set(affiliations)],
    year: yearOf(work),
    venue: firstText(work['container-title']) ?? (isObject(work.event) ? text(work.event.name) : undefined),
    doi: work.DOI,
    url: text(work.URL),
    tags: Array.isArray(work.subject) ? work.subject.filter((subject) => typeof subject === 'string') : [],
    metadata,
  };
  return withoutBlanks(fields);
}
