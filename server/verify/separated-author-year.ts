// APA's citation of a quotation whose author the sentence names before it: "As Lin notes, 'sinks
// carry no meaning' (2026, p. 3)", "Rathi et al. argue that … (2026)" or "According to Wu, … (2024)".
// The year stands in parentheses of its own, after a quotation or at the sentence's end, and the
// author is the name before a reporting verb earlier in the same sentence (or after "According
// to"). A capitalized word there is often no name ("Results showed a rise (2020)", "Our
// Experiments found …"), so the name counts only where it opens the sentence, follows "As" or
// "According to", or goes on with "et al." or "and Chen"; and never a common noun a sentence opens
// with, unless "et al." follows it.
import { isName, isNameBeforeEtAl, LOCATOR } from './author-year-parts.ts';
import type { NarrativeCitation } from './narrative-citations.ts';
import { isReportingNoun } from './not-surnames.ts';

// "(2026)", "(2026, p. 3)", "(2026: 45)", "(2026, Appendix B)": a year alone, with an optional pinpoint.
const YEAR_GROUP = new RegExp(`\\(((?:1[89]|20)\\d{2}[a-z]?)(?:${LOCATOR})?\\)`, 'gu');
const REPORTING_VERBS =
  'notes?|noted|argues?|argued|writes?|wrote|states?|stated|claims?|claimed|says?|said|suggests?|suggested|observes?|observed|reports?|reported|finds?|found|shows?|showed|concludes?|concluded|explains?|explained|puts? it|describes?|described|emphasi[sz]es?|emphasi[sz]ed';
const NAME = String.raw`\p{Lu}[\p{L}'’-]+`;
// "et al." or a co-author after the first name: "Lin et al.", "Lin and Chen", "Lin & Chen".
const MORE_AUTHORS = String.raw`((?:[ \t]+et[ \t]+al\.?)|(?:[ \t]+(?:and|&)[ \t]+(${NAME})))?`;
// The name and the verb, the last in the window before the year: "Lin notes", "Lin et al. argue", "Lin and Chen write".
const NAMED_AUTHOR = new RegExp(`(?<![\\p{L}'’-])(${NAME})${MORE_AUTHORS}[ \\t]+(?:${REPORTING_VERBS})\\b`, 'gu');
// "According to Wu, …", "according to Lin et al., …".
const ACCORDING_TO = new RegExp(`(?<=\\b[Aa]ccording[ \\t]+to[ \\t]+)(${NAME})${MORE_AUTHORS}[ \\t]*,`, 'gu');
const WINDOW = 300; // characters a sentence may run from the author to the year

// A year at its sentence's end ("… grows (2026).", "… grows (2026)" at the end of a line), or after a quotation.
const ENDS_SENTENCE_AFTER = /^[ \t]*(?:[.!?;](?!\p{L}|\p{N})|\r?\n|$)/u;
const AFTER_QUOTATION = /["”’'»][ \t]*$/u;
// What may stand between a sentence's start and its first word: a list's bullet, a quote's ">", emphasis, quotes.
const OPENING = /^[\s>#*_"“‘'(-]*(?:(?:[-*+•]|\d{1,3}[.)])[ \t]+[*_"“‘']*)?$/u;
const AFTER_AS = /(?:^|[^\p{L}])(?:[Aa]s|[Aa]ccording[ \t]+to)[ \t]+$/u;

/** Every year in parentheses whose author the sentence names before a reporting verb, in order. */
export function separatedAuthorYears(text: string): NarrativeCitation[] {
  const found: NarrativeCitation[] = [];
  // A year right after a name ("Lin (2026)") is a narrative citation, read before this one.
  for (const match of text.matchAll(YEAR_GROUP)) {
    const end = match.index + match[0].length;
    if (!ENDS_SENTENCE_AFTER.test(text.slice(end, end + 4)) && !AFTER_QUOTATION.test(text.slice(0, match.index))) {
      continue;
    }
    const from = Math.max(0, match.index - WINDOW);
    // The sentence the year closes: after the last full stop, question or exclamation mark before it.
    const window = text.slice(from, match.index);
    const breaks = [...window.matchAll(/[.!?]["'”’]?\s+(?=\p{Lu}|["'“‘])/gu)].map((m) => m.index + m[0].length);
    // Where the window cuts a long sentence, nothing in it opens the sentence.
    const sentenceStart = breaks.at(-1) ?? (from === 0 ? 0 : -1);
    const sentence = window.slice(Math.max(0, sentenceStart));
    const named = [...sentence.matchAll(NAMED_AUTHOR), ...sentence.matchAll(ACCORDING_TO)]
      .sort((a, b) => a.index - b.index)
      .at(-1);
    if (!named) continue;
    const [name, more = '', coauthor] = [named[1]!, named[2], named[3]];
    const etAl = /^\s+et\b/u.test(more);
    const before = sentence.slice(0, named.index);
    const placed =
      etAl || coauthor !== undefined || AFTER_AS.test(before) || (sentenceStart >= 0 && OPENING.test(before));
    if (!placed || !(etAl ? isNameBeforeEtAl(name) : isName(name))) continue;
    // "Results showed …", "Data and Methods show …": a common noun, and no "et al." to make it a name.
    if (!etAl && [name, coauthor].some((word) => word !== undefined && isReportingNoun(word))) continue;
    found.push({
      surname: name,
      etAl,
      authors: `${name}${more.replace(/\s+/gu, ' ')}`,
      years: [match[1]!],
      start: match.index,
      end,
    });
  }
  return found;
}
