// What a sentence ranks against what: the alternative it prefers ("consumer GPUs rather than CPUs")
// and the comparisons it makes ("A is more effective than B", "A outperforms B"), each side known by
// its terms. Read once per sentence with the rest of its reading (stance-reading.ts); what names a
// side is comparison-sides.ts, comparisons of alike sides and without "than" are alike-comparisons.ts
// and ranked-pairs.ts.
import { tokenize } from '../../../indexer/text/analyze.ts';
import { alikeComparisonsOf } from './alike-comparisons.ts';
import { polarStem } from './antonyms.ts';
import {
  COMPARISON_REACH,
  headTerms,
  sideTermsOf,
  startsQualifier,
  withoutStatisticAsides,
} from './comparison-sides.ts';
import { lowerBetterMeasures, rankedPairsOf } from './ranked-pairs.ts';

/** A word of the sentence as the analyzer gives it: its stem (null for a stop word) and its offsets. */
type Token = { word: string; term: string | null; start: number; end: number };

/**
 * "A rather than B", "A instead of B", "A as opposed to B": the sentence states A and denies B.
 * `limited`: when B is a limiting word ("rather than only the final answer"), the terms it limits,
 * which the sentence does too.
 */
export type Alternative = { preferred: string; denied: string; limited?: string[] };

/**
 * "A is more effective than B", "A outperforms B": which way the comparison goes (+1: A above B; 0:
 * alike, "A performs comparably to B") and the terms only one side names (the shared ones,
 * "patients" of "patients with A … than patients with B", tell the sides apart from nothing).
 * `wide`: the sentence says the difference is large ("by a wide margin", "significantly higher").
 */
export type Comparison = {
  direction: -1 | 0 | 1;
  left: string[];
  right: string[];
  wide: boolean;
  /** The head of the right side, where it runs on ("than male patients in the early phase": male, patient). */
  rightHead?: string[];
  /** The lower-is-better measures its sentence names ("mortality was 8% with A versus 12% with B"). */
  measure?: string[];
  /** Whether the comparison ranks by worth, not by a measure ("outperforms", "better", "more effective"). */
  judging?: boolean;
  /** Whether it is read from two values or a pair of superlatives, not stated with a comparative. */
  ranked?: boolean;
  /** The lexicon stem of the word a "more" or "less" grades ("more slowly": slowli), when it has an opposite. */
  graded?: string;
};

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

const ABOVE_WORD =
  /^(?:more|higher|greater|better|larger|longer|faster|stronger|superior|increased|elevated|outperform\w*|surpass\w*|exceed\w*|beats?)$/u;
const BELOW_WORD =
  /^(?:less|lower|fewer|worse|smaller|shorter|slower|weaker|inferior|reduced|decreased|underperform\w*)$/u;
// Comparatives of worth ("better", "outperforms", "more effective"), which say which side did well,
// not which has more of a measure.
const JUDGING_WORD = /^(?:better|worse|superior|inferior|outperform\w*|underperform\w*|surpass\w*|beats?)$/u;
const WORTH_WORD = /^(?:effective|efficacious|successful|beneficial|useful|efficient)$/u;
// Verbs that compare by themselves ("A outperforms B"): the other side follows the verb.
const COMPARING_VERB = /^(?:outperform\w*|surpass\w*|exceed\w*|beats?|underperform\w*)$/u;
// Words before the comparative that say the difference is large: "significantly higher", "far better".
const WIDE_ADVERB =
  /^(?:significantly|substantially|markedly|considerably|dramatically|drastically|greatly|vastly|far|much|sharply|strikingly)$/u;
// …and phrases around it: "outperforms B by a wide margin", "2.5-fold higher", "three times faster".
const WIDE_PHRASE =
  /\bby\s+(?:a\s+)?(?:wide|large|substantial|considerable|significant|big|huge|great|sizable|sizeable)\s+margin\b|\b(?:\d+(?:\.\d+)?|two|three|four|five|ten)[-\s]?(?:fold|times)\b/iu;

/**
 * "A … more … than B", "A outperforms B", "A, compared with B, had a higher …": which side each
 * term is on and which way the comparison goes, within a stretch of the sentence.
 */
export function comparisonsOf(written: string, writtenTokens: readonly Token[]): Comparison[] {
  const found: Comparison[] = [];
  // "the TC group (41%) than the TA group": a statistic in parentheses ends no side.
  const { text, tokens } = withoutStatisticAsides(written, writtenTokens);
  const between = (a: number, b: number) => text.slice(tokens[a]!.end, tokens[b]!.start);
  const broken = (a: number, b: number) => /[;:()]/u.test(between(a, b));
  const isComparative = (j: number) => ABOVE_WORD.test(tokens[j]!.word) || BELOW_WORD.test(tokens[j]!.word);
  const sideTerms = sideTermsOf(text, tokens);
  tokens.forEach((token, i) => {
    const word = token.word;
    const next = tokens[i + 1]?.word;
    const phrase = (word === 'compared' || word === 'relative') && (next === 'to' || next === 'with');
    const marker = phrase || word === 'than' || word === 'versus' || word === 'vs';
    let comparative = -1;
    if (COMPARING_VERB.test(word)) comparative = i;
    else if (marker) {
      for (let j = i - 1; j >= Math.max(0, i - COMPARISON_REACH) && !broken(j, j + 1); j--) {
        if (isComparative(j)) {
          comparative = j;
          break;
        }
      }
    }
    if (comparative < 0 && !phrase) return;
    // The other side: the words after the verb or the marker, up to a clause break (or a comma after
    // "compared with B,", which the comparison then follows).
    const from = comparative === i ? i + 1 : i + (phrase ? 2 : 1);
    const right = new Set<string>();
    let to = from;
    for (; to < Math.min(tokens.length, from + COMPARISON_REACH); to++) {
      if (to > from && (broken(to - 1, to) || (phrase && between(to - 1, to).includes(',')))) break;
      if (sideTerms[to]) right.add(sideTerms[to]!);
    }
    if (comparative < 0) {
      for (let j = to; j < Math.min(tokens.length, to + COMPARISON_REACH) && !broken(j - 1, j); j++) {
        if (isComparative(j)) {
          comparative = j;
          break;
        }
      }
      if (comparative < 0) return;
    }
    const direction = BELOW_WORD.test(tokens[comparative]!.word) ? -1 : 1;
    const measure = lowerBetterMeasures(tokens);
    const judging =
      JUDGING_WORD.test(tokens[comparative]!.word) ||
      (/^(?:more|less)$/u.test(tokens[comparative]!.word) && WORTH_WORD.test(tokens[comparative + 1]?.word ?? ''));
    const around = text.slice(
      tokens[Math.max(0, comparative - 3)]!.start,
      tokens[Math.min(tokens.length - 1, to + 4)]!.end,
    );
    const wide = WIDE_ADVERB.test(tokens[comparative - 1]?.word ?? '') || WIDE_PHRASE.test(around);
    const graded = /^(?:more|less)$/u.test(tokens[comparative]!.word)
      ? polarStem(tokens[comparative + 1]?.word ?? '')
      : undefined;
    // This side: the words before the comparative word (or before the marker, when it comes after);
    // or, when a qualifier follows the comparative or the word a "more" or "less" grades, the words it
    // qualifies ("higher among smokers than among non-smokers", "declined more slowly in cities than
    // in villages": smokers, cities).
    const left = new Set<string>();
    const grades = /^(?:more|less)$/u.test(tokens[comparative]!.word) ? 1 : 0;
    for (const qualifier of [comparative + 1, comparative + 1 + grades]) {
      if (left.size > 0 || qualifier >= i || !startsQualifier(tokens[qualifier]!.word)) continue;
      for (let j = qualifier + 1; j < i; j++) if (sideTerms[j]) left.add(sideTerms[j]!);
    }
    const leftEnd = Math.min(comparative, i);
    const qualified = left.size > 0;
    for (let j = leftEnd - 1; !qualified && j >= Math.max(0, leftEnd - COMPARISON_REACH) && !broken(j, j + 1); j--) {
      if (sideTerms[j]) left.add(sideTerms[j]!);
    }
    const onlyLeft = [...left].filter((t) => !right.has(t));
    const onlyRight = [...right].filter((t) => !left.has(t));
    const rightHead = headTerms(tokens, from, to).filter((t) => onlyRight.includes(t));
    if (onlyLeft.length > 0 && onlyRight.length > 0)
      found.push({
        direction,
        left: onlyLeft,
        right: onlyRight,
        wide,
        ...(rightHead.length > 0 ? { rightHead } : {}),
        ...(judging ? { judging } : {}),
        ...(measure.length > 0 ? { measure } : {}),
        ...(graded ? { graded } : {}),
      });
  });
  return [...found, ...alikeComparisonsOf(text, tokens), ...rankedPairsOf(written, writtenTokens)];
}
