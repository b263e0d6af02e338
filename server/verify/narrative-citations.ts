// Reads narrative author–year citations, "Lin and Chen (2025)", "Lin, Chen, and Wu (2026)", "Lin et
// al. (2026a, b)", backwards from each "(year)" in linear time: each scan stops at the first
// character that is neither a letter, a space nor a list's comma, so the scans of different
// "(year)"s never cover the same text.
import {
  type AuthorYear,
  COLLEAGUES,
  isName,
  isNameBeforeEtAl,
  KNOWS_NO_AUTHOR,
  PARTICLES,
  SPACE,
  WORD_CHAR,
  withYearLetters,
  YEARS_AFTER_NAMES,
} from './author-year-parts.ts';
import type { KnowsAuthor } from './citation-target.ts';
import { isAcronym, isDeterminer } from './not-surnames.ts';

/** A narrative citation "Lin et al. (2026)": its span and what it cites. */
export type NarrativeCitation = AuthorYear & { start: number; end: number };

const LIST_NAMES = 8; // names a narrative list of authors may run back over

// The first name of "Lin, Chen, and Wu" given the name before "and" (its start and end).
function listStart(text: string, start: number, end: number): [number, number] {
  for (let names = 0; names < LIST_NAMES; names++) {
    const comma = spacesEndingAt(text, start);
    if (text[comma - 1] !== ',') break;
    const nameEnd = spacesEndingAt(text, comma - 1);
    const nameStart = nameEndingAt(text, nameEnd);
    // A sentence's opening word ("However, Lin, Chen, and Wu") is no name (not-surnames.ts).
    if (nameStart < 0) break;
    [start, end] = [nameStart, nameEnd];
  }
  return [start, end];
}

// The maximal run of name characters that ends at `end`.
function wordEndingAt(text: string, end: number): number {
  let start = end;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  return start;
}

// Markdown's emphasis around names or "et al." ("**Rathi** (2026)", "Lin *et al.* (2026)") reads as space.
const EMPHASIS = /[*_]/u;

function spacesEndingAt(text: string, end: number): number {
  let start = end;
  while (start > 0 && (SPACE.test(text[start - 1]!) || EMPHASIS.test(text[start - 1]!))) start--;
  return start;
}

// A surname, particles included, that ends at `end`: its start, or -1. Before "et al." any
// capitalized word but a contraction is a name ("Her et al.", "May et al."); alone, not "This".
function nameEndingAt(text: string, end: number, nameTest = isName): number {
  const start = wordEndingAt(text, end);
  if (!nameTest(text.slice(start, end))) return -1;
  let nameStart = start;
  for (;;) {
    const gap = spacesEndingAt(text, nameStart);
    if (gap === nameStart) return nameStart;
    const particleStart = wordEndingAt(text, gap);
    if (!PARTICLES.has(text.slice(particleStart, gap).toLowerCase())) return nameStart;
    nameStart = particleStart;
  }
}

// Whether a name standing alone before its year names a thing, not an author: after an article, a
// demonstrative or a possessive ("The Transformer (2017)", "this Llama (2023)"), or an acronym ("BERT
// (2019)"), unless an author of that name is known, whatever stands before it.
function namesAThing(text: string, start: number, end: number, knowsAuthor: KnowsAuthor): boolean {
  const name = text.slice(start, end);
  if (knowsAuthor(name)) return false;
  const gap = spacesEndingAt(text, start);
  return (gap < start && isDeterminer(text.slice(wordEndingAt(text, gap), gap))) || isAcronym(name);
}

/**
 * Every narrative citation "Lin (2025)", "Lin and Chen (2025)", "Lin et al. (2026, 2027)", "Lin (2025,
 * p. 3)", in order; an acronym alone ("WHO (2020)") only when `knowsAuthor` knows it.
 */
export function narrativeCitations(text: string, knowsAuthor: KnowsAuthor = KNOWS_NO_AUTHOR): NarrativeCitation[] {
  const found: NarrativeCitation[] = [];
  for (const match of text.matchAll(YEARS_AFTER_NAMES)) {
    // What the parentheses (or ACM's brackets) hold: years, or APA's word for a work without one.
    const written = match[1] ?? match[2]!;
    const spacesStart = spacesEndingAt(text, match.index);
    if (!SPACE.test(text[match.index - 1] ?? '')) continue;
    // A possessive names its authors: "Rathi's (2026) study", "Lin et al.’s (2026)".
    const authorsEnd = /['’]s$/u.test(text.slice(spacesStart - 2, spacesStart)) ? spacesStart - 2 : spacesStart;
    // Each scan below stops at the first character that is neither a letter nor a space, so the
    // scans of different "(year)"s never cover the same text: linear in all.
    let start = -1;
    let firstEnd = authorsEnd;
    let etAl = false;
    let lastWordEnd = authorsEnd;
    if (text[authorsEnd - 1] === '.') lastWordEnd--;
    const lastWordStart = wordEndingAt(text, lastWordEnd);
    const lastWord = text.slice(lastWordStart, lastWordEnd);
    if (lastWord === 'al' || COLLEAGUES.has(lastWord)) {
      // "Lin et al. (2026)", and "Lin and colleagues (2026)" which says the same.
      const etEnd = spacesEndingAt(text, lastWordStart);
      const etStart = wordEndingAt(text, etEnd);
      if (etEnd < lastWordStart && text.slice(etStart, etEnd) === (lastWord === 'al' ? 'et' : 'and')) {
        // "Lin, et al. (2026)", with a comma before "et al." as drafts often write it.
        const beforeEt = spacesEndingAt(text, etStart);
        const nameEnd = text[beforeEt - 1] === ',' ? spacesEndingAt(text, beforeEt - 1) : beforeEt;
        if (nameEnd < etStart) start = nameEndingAt(text, nameEnd, isNameBeforeEtAl);
        firstEnd = nameEnd;
        etAl = start >= 0;
      }
    } else if (lastWordEnd === authorsEnd) {
      start = nameEndingAt(text, authorsEnd);
      if (start >= 0) {
        // "Lin and Chen (2025)" or "Lin & Chen (2025)" names its first author.
        const andEnd = spacesEndingAt(text, start);
        const andStart = text[andEnd - 1] === '&' ? andEnd - 1 : wordEndingAt(text, andEnd);
        const joiner = text.slice(andStart, andEnd);
        if (andEnd < start && (joiner === 'and' || joiner === '&')) {
          const beforeJoiner = spacesEndingAt(text, andStart);
          // "Lin, Chen, and Wu (2026)": after a serial comma the list runs back over ", Name".
          const serial = text[beforeJoiner - 1] === ',';
          const end = serial ? spacesEndingAt(text, beforeJoiner - 1) : beforeJoiner;
          const first = end < andStart ? nameEndingAt(text, end) : -1;
          if (first >= 0) [start, firstEnd] = [first, end];
          if (first >= 0 && serial) [start, firstEnd] = listStart(text, start, firstEnd);
        }
        if (firstEnd === authorsEnd && namesAThing(text, start, authorsEnd, knowsAuthor)) continue;
      }
    }
    if (start < 0) continue;
    found.push({
      surname: text.slice(start, firstEnd).replace(/\s+/gu, ' '),
      etAl,
      authors: text.slice(start, authorsEnd).replace(/[*_]+/gu, '').replace(/\s+/gu, ' '),
      ...(/^\d/u.test(written)
        ? {
            years: withYearLetters(written)
              .split(/[ \t]*[,;][ \t]*/u)
              .filter((year) => /^\d{4}/u.test(year)),
          }
        : { years: [''], undated: written.replace(/\s+/gu, ' ') }),
      start,
      end: match.index + match[0].length,
    });
  }
  return found;
}
