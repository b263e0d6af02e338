// APA's citation of a quotation whose author the sentence names before it: "As Lin notes, 'sinks
// carry no meaning' (2026, p. 3)" or "Rathi et al. argue that … (2026)". The year stands in
// parentheses of its own, after a quotation or at the sentence's end, and the author is the name
// before a reporting verb earlier in the same sentence.
import { isName } from './author-year.ts';
import type { NarrativeCitation } from './narrative-citations.ts';

// "(2026)", "(2026, p. 3)", "(2026: 45)": a year alone, with an optional page.
const YEAR_GROUP = /\(((?:1[89]|20)\d{2}[a-z]?)(?:[ \t]*(?:,[ \t]*pp?\.|:)[ \t]*\d{1,4}(?:[-–]\d{1,4})?)?\)/gu;
const REPORTING_VERBS =
  'notes?|noted|argues?|argued|writes?|wrote|states?|stated|claims?|claimed|says?|said|suggests?|suggested|observes?|observed|reports?|reported|finds?|found|shows?|showed|concludes?|concluded|explains?|explained|puts? it|describes?|described|emphasi[sz]es?|emphasi[sz]ed';
// The name and the verb, the last in the window before the year: "Lin notes", "Lin et al. argue", "Lin and Chen write".
const NAMED_AUTHOR = new RegExp(
  `(?<![\\p{L}'’-])(\\p{Lu}[\\p{L}'’-]+)((?:[ \\t]+et[ \\t]+al\\.?)|(?:[ \\t]+(?:and|&)[ \\t]+\\p{Lu}[\\p{L}'’-]+))?[ \\t]+(?:${REPORTING_VERBS})\\b`,
  'gu',
);
const WINDOW = 300; // characters a sentence may run from the author to the year

/** Every year in parentheses whose author the sentence names before a reporting verb, in order. */
export function separatedAuthorYears(text: string): NarrativeCitation[] {
  const found: NarrativeCitation[] = [];
  // A year right after a name ("Lin (2026)") is a narrative citation, read before this one.
  for (const match of text.matchAll(YEAR_GROUP)) {
    const from = Math.max(0, match.index - WINDOW);
    // The sentence the year closes: after the last full stop, question or exclamation mark before it.
    const window = text.slice(from, match.index);
    const sentenceStart = Math.max(
      ...[...window.matchAll(/[.!?]["'”’]?\s+(?=\p{Lu}|["'“‘])/gu)].map((m) => m.index + m[0].length),
      0,
    );
    const named = [...window.slice(sentenceStart).matchAll(NAMED_AUTHOR)].at(-1);
    if (!named || !isName(named[1]!)) continue;
    const etAl = /et/u.test(named[2] ?? '');
    const authors = `${named[1]}${(named[2] ?? '').replace(/\s+/gu, ' ')}`;
    found.push({
      surname: named[1]!,
      etAl,
      authors,
      years: [match[1]!],
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return found;
}
