// What a sentence prefers and denies ("consumer GPUs rather than CPUs", "instead of a fixed K") and
// what it keeps to ("grades only the final answer", "was confined to men"): read once per sentence with
// the rest of its reading (stance-reading.ts); the comparisons it makes are comparisons.ts's.

import { tokenize } from '../../../indexer/text/analyze.ts';

/** A word of the sentence as the analyzer gives it: its stem (null for a stop word) and its offsets. */
type Token = { word: string; term: string | null; start: number; end: number };

/**
 * "A rather than B", "A instead of B", "A as opposed to B": the sentence states A and denies B.
 * `limited`: when B is a limiting word ("rather than only the final answer"), the terms it limits,
 * which the sentence does too.
 */
export type Alternative = { preferred: string; denied: string; limited?: string[] };

// The markers of an alternative, as the words they are made of.
const ALTERNATIVE_MARKERS = [
  ['rather', 'than'],
  ['instead', 'of'],
  ['as', 'opposed', 'to'],
];
/** Whether a text may name an alternative (holds a marker's words in a row), before it is read whole. */
const MARKER_PHRASE = new RegExp(`\\b(?:${ALTERNATIVE_MARKERS.map((words) => words.join('\\s+')).join('|')})\\b`, 'iu');
export const mayNameAlternative = (text: string) => MARKER_PHRASE.test(text);
/** Words on each side of the marker that can name the alternatives. */
export const ALTERNATIVE_REACH = 3;

// Words that only carry what follows them: verbs ("instead of using a fixed K" denies "fixed", not
// "using") and adverbs ("rather than simply memorising facts" denies "memorising", not "simply").
const CARRIER_WORD =
  /^(?:using|employing|relying|applying|adopting|having|being|making|taking|choosing|requiring|needing|simply|purely)$/u;
// Words that limit what follows: "rather than only the final answer" grades the final answer too, so
// only the limit is denied, and "grades only the final answer" keeps to it.
const LIMITING_WORD = /^(?:only|merely|just|solely)$/u;

/** Whether a word after "rather than" or "instead of" only carries what is denied ("using"): the denial reaches past it. */
export const carriesDenial = (word: string) => CARRIER_WORD.test(word);

/** Whether a word limits what follows it ("only", "just"): after "rather than" it ends the denial's reach. */
export const limitsDenial = (word: string) => LIMITING_WORD.test(word);

/** "…GPUs rather than CPUs": the term before the marker, and those after it up to a comma or the reach. */
export function alternativesOf(text: string, tokens: readonly Token[]): Alternative[] {
  const found: Alternative[] = [];
  const broken = (a: number, b: number) => /[,;:()]/u.test(text.slice(tokens[a]!.end, tokens[b]!.start));
  tokens.forEach((_, i) => {
    const marker = ALTERNATIVE_MARKERS.find((words) => words.every((w, k) => tokens[i + k]?.word === w));
    if (!marker) return;
    let preferred: string | null = null;
    for (let j = i - 1; j >= Math.max(0, i - ALTERNATIVE_REACH) && !broken(j, j + 1); j--) {
      if (tokens[j]!.term) {
        preferred = tokens[j]!.term;
        break;
      }
    }
    // The first content word after the marker names what is denied ("rather than static stimuli": static).
    const after = i + marker.length;
    let denied: string | null = null;
    let limited: string[] | undefined;
    let reach = after + ALTERNATIVE_REACH;
    for (let j = after; j < Math.min(tokens.length, reach); j++) {
      if (j > after && broken(j - 1, j)) break;
      if (LIMITING_WORD.test(tokens[j]!.word)) {
        denied = tokens[j]!.term;
        limited = limitedAfter(text, tokens, j);
        break;
      }
      if (CARRIER_WORD.test(tokens[j]!.word)) reach++;
      else if (tokens[j]!.term) {
        denied = tokens[j]!.term;
        break;
      }
    }
    // "whether X is regulated as opposed to noise" asks; it does not deny.
    const asked = tokens.slice(0, i).some((t) => t.word === 'whether');
    if (preferred && denied && denied !== preferred && !asked)
      found.push({ preferred, denied, ...(limited ? { limited } : {}) });
  });
  return found;
}

/**
 * The text with the word each alternative marker denies blanked out ("lowers accuracy instead of
 * raising it": "raising"), so that a count of its words of change reads only what it asserts. A
 * denied limit ("rather than only the final answer") denies no word of change, and is kept.
 */
export function withoutDeniedAlternatives(text: string): string {
  if (!mayNameAlternative(text)) return text;
  const tokens = tokenize(text);
  let kept = text;
  tokens.forEach((_, i) => {
    const marker = ALTERNATIVE_MARKERS.find((words) => words.every((w, k) => tokens[i + k]?.word === w));
    if (!marker || tokens.slice(0, i).some((t) => t.word === 'whether')) return;
    const after = i + marker.length;
    for (let j = after; j < Math.min(tokens.length, after + ALTERNATIVE_REACH); j++) {
      const token = tokens[j]!;
      if (LIMITING_WORD.test(token.word)) return;
      if (token.term === null || CARRIER_WORD.test(token.word)) continue;
      kept = kept.slice(0, token.start) + ' '.repeat(token.end - token.start) + kept.slice(token.end);
      return;
    }
  });
  return kept;
}

// The terms a limiting word at `at` reaches: up to ALTERNATIVE_REACH words, not past a comma.
function limitedAfter(text: string, tokens: readonly Token[], at: number): string[] {
  const terms: string[] = [];
  for (let j = at + 1; j < Math.min(tokens.length, at + 1 + ALTERNATIVE_REACH); j++) {
    if (/[,;:()]/u.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
    if (tokens[j]!.term) terms.push(tokens[j]!.term!);
  }
  return terms;
}

// "was confined to men", "largely restricted to adults": the sentence keeps to what follows, as
// "only" does; not without a form of "be" or an adverb before it ("electrons confined to graphene
// sheets" says where the electrons are).
const CONFINING_WORD = /^(?:confined|restricted|limited|exclusive)$/u;
const CONFINING_LEAD =
  /^(?:is|are|was|were|be|been|being|remain\w*|largely|entirely|exclusively|mostly|mainly|strictly|solely|wholly)$/u;

// Whether the word at `i` is the second part of a hyphenated compound ("positive-only", "text-only").
function hyphenatedToPrevious(text: string, tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1];
  return previous !== undefined && /^[-\u2010\u2011]$/u.test(text.slice(previous.end, tokens[i]!.start));
}

/**
 * The terms a sentence keeps to with a limiting word of its own ("grades only the final answer":
 * final, answer; "was confined to men": men); not "not only", nor a limit the sentence itself denies
 * ("rather than only …"), nor the "-only" of a compound, which says what kind a thing is ("a
 * positive-only policy optimization").
 */
export function keptToTermsOf(text: string, tokens: readonly Token[]): string[] {
  return tokens.flatMap((token, i) =>
    CONFINING_WORD.test(token.word) && tokens[i + 1]?.word === 'to' && CONFINING_LEAD.test(tokens[i - 1]?.word ?? '')
      ? limitedAfter(text, tokens, i + 1)
      : LIMITING_WORD.test(token.word) &&
          tokens[i - 1]?.word !== 'not' &&
          !endsAlternativeMarker(tokens, i - 1) &&
          !hyphenatedToPrevious(text, tokens, i)
        ? limitedAfter(text, tokens, i)
        : [],
  );
}

/**
 * Whether the claim keeps to what an evidence sentence does only as well as what it prefers: "grades
 * only the final answer" against "grades the reasoning process rather than only the final answer".
 */
export function limitDenied(
  claim: { keptTo: readonly string[] },
  evidence: ReadonlyArray<{ alternatives: readonly Alternative[] }>,
): boolean {
  if (claim.keptTo.length === 0) return false;
  return evidence.some((reading) =>
    reading.alternatives.some(({ limited }) => limited?.some((term) => claim.keptTo.includes(term))),
  );
}

/** Whether token i is the last word of "rather than", "instead of" or "as opposed to", not asked by a "whether". */
export function endsAlternativeMarker(tokens: ReadonlyArray<{ word: string }>, i: number): boolean {
  const marker = ALTERNATIVE_MARKERS.find((words) =>
    words.every((w, k) => tokens[i - words.length + 1 + k]?.word === w),
  );
  return marker !== undefined && !tokens.slice(0, i).some((t) => t.word === 'whether');
}
