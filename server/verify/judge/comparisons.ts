// What a sentence ranks against what: the comparisons it makes ("A is more effective than B", "A
// outperforms B"), each side known by its terms. Read once per sentence with the rest of its reading
// (stance-reading.ts); what names a side is comparison-sides.ts, comparisons of alike sides and without
// "than" are alike-comparisons.ts and ranked-pairs.ts, the alternatives it prefers ("rather than") are
// alternatives.ts's, the measures of a comparison of several ("lower X and higher Y") measure-scopes.ts's.
import { alikeComparisonsOf } from './alike-comparisons.ts';
import { polarStem } from './antonyms.ts';
import {
  COMPARISON_REACH,
  headTerms,
  sideTermsOf,
  startsQualifier,
  withoutStatisticAsides,
} from './comparison-sides.ts';
import { measureScopes } from './measure-scopes.ts';
import { lowerBetterMeasures, rankedPairsOf } from './ranked-pairs.ts';
import { ADVERB, classOf } from './word-classes.ts';

/** A word of the sentence as the analyzer gives it: its stem (null for a stop word) and its offsets. */
type Token = { word: string; term: string | null; start: number; end: number };

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
  /** The direction of the word of change a "more" or "less" grades ("more slowly": -1), when it has one. */
  gradedBy?: -1 | 1;
  /** The comparative word, as written ("less", "higher"), when the comparison is stated with one. */
  comparative?: string;
  /** The terms of the one measure it holds for, in a comparison of several ("lower LDL levels and higher HDL levels": ldl). */
  scope?: string[];
};

const ABOVE_WORD =
  /^(?:more|higher|greater|better|larger|longer|faster|stronger|superior|increased|elevated|outperform\w*|surpass\w*|exceed\w*|beats?)$/u;
const BELOW_WORD =
  /^(?:less|lower|fewer|worse|smaller|shorter|slower|weaker|inferior|reduced|decreased|underperform\w*)$/u;
// Adverbs of worth with no direction of their own that rank below when graded up: "performed more
// poorly than B", "bound A more weakly than B". Not "badly", which grades a harm up ("more badly
// affected than B": more affected).
const RANKS_BELOW = /^(?:poorly|weakly)$/u;
// Comparatives of worth ("better", "outperforms", "more effective"), which say which side did well,
// not which has more of a measure.
const JUDGING_WORD = /^(?:better|worse|superior|inferior|outperform\w*|underperform\w*|surpass\w*|beats?)$/u;
// The labels of a structured abstract's sections, which open a sentence and name no side.
const SECTION_LABEL = /^(?:results?|findings|conclusions?|interpretation|background|methods?|objectives?)$/u;
const WORTH_WORD = /^(?:effective|efficacious|successful|beneficial|useful|efficient)$/u;
// Verbs that compare by themselves ("A outperforms B"): the other side follows the verb.
const COMPARING_VERB = /^(?:outperform\w*|surpass\w*|exceed\w*|beats?|underperform\w*)$/u;
// Words before the comparative that say the difference is large: "significantly higher", "far better".
const WIDE_ADVERB =
  /^(?:significantly|substantially|markedly|considerably|dramatically|drastically|greatly|vastly|far|much|sharply|strikingly)$/u;
// …and phrases around it: "outperforms B by a wide margin", "2.5-fold higher", "three times faster".
const WIDE_PHRASE =
  /\bby\s+(?:a\s+)?(?:wide|large|substantial|considerable|significant|big|huge|great|sizable|sizeable)\s+margin\b|\b(?:\d+(?:\.\d+)?|two|three|four|five|ten)[-\s]?(?:fold|times)\b/iu;

type Ranking = Pick<Comparison, 'direction' | 'wide' | 'judging' | 'graded' | 'gradedBy' | 'comparative'>;

// The ranking the comparative word at `at` makes (null for a word of change without a direction): its
// direction, whether it judges worth, the word a "more" or "less" grades, and whether the text up to
// the other side's end (`to`) says the difference is large.
function rankingAt(text: string, tokens: readonly Token[], at: number, to: number): Ranking | null {
  const word = tokens[at]!.word;
  const direction = BELOW_WORD.test(word) ? -1 : ABOVE_WORD.test(word) ? 1 : classOf(word).direction;
  if (direction === 0) return null;
  const grading = /^(?:more|less)$/u.test(word);
  const next = tokens[at + 1]?.word ?? '';
  const judging = JUDGING_WORD.test(word) || (grading && WORTH_WORD.test(next));
  const around = text.slice(tokens[Math.max(0, at - 3)]!.start, tokens[Math.min(tokens.length - 1, to + 4)]!.end);
  const wide = WIDE_ADVERB.test(tokens[at - 1]?.word ?? '') || WIDE_PHRASE.test(around);
  const graded = grading ? polarStem(next) : undefined;
  // "more slowly" ranks as "slower" does: the comparison goes the way the graded adverb turns it;
  // "more poorly" as "worse" does, below the other side.
  const gradedWord = grading ? next : '';
  const gradedBy = RANKS_BELOW.test(gradedWord) ? -1 : ADVERB.test(gradedWord) ? classOf(gradedWord).direction : 0;
  return {
    direction,
    wide,
    ...(judging ? { judging } : {}),
    ...(graded ? { graded } : {}),
    ...(gradedBy !== 0 ? { gradedBy } : {}),
    comparative: word,
  };
}

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
    // "compared with", "relative to", "in comparison with".
    const phrase =
      (word === 'compared' || word === 'relative' || (word === 'comparison' && tokens[i - 1]?.word === 'in')) &&
      (next === 'to' || next === 'with');
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
    const measure = lowerBetterMeasures(tokens);
    // This side: the words before the comparative word (or before the marker, when it comes after);
    // or, when a qualifier follows the comparative or the word a "more" or "less" grades, the words it
    // qualifies ("higher among smokers than among non-smokers", "declined more slowly in cities than
    // in villages": smokers, cities).
    const left = new Set<string>();
    const grades = /^(?:more|less)$/u.test(tokens[comparative]!.word) ? 1 : 0;
    // Not "on" a measure where the other side is of the kind the subject names and no "on" stands in
    // it ("rested adults performed worse on memory tests than sleep-deprived adults": the adults, not
    // the tests; but "higher on the BDI-II than they were on the BDI-IA").
    const onMeasure = (qualifier: number) =>
      tokens[qualifier]?.word === 'on' &&
      tokens.slice(from, to).every((t) => t.word !== 'on') &&
      sideTerms.slice(Math.max(0, comparative - COMPARISON_REACH), comparative).some((t) => t !== null && right.has(t));
    for (const qualifier of [comparative + 1, comparative + 1 + grades]) {
      if (left.size > 0 || qualifier >= i || !startsQualifier(tokens[qualifier]!.word) || onMeasure(qualifier))
        continue;
      for (let j = qualifier + 1; j < i; j++) if (sideTerms[j]) left.add(sideTerms[j]!);
    }
    const leftEnd = Math.min(comparative, i);
    const qualified = left.size > 0;
    for (let j = leftEnd - 1; !qualified && j >= Math.max(0, leftEnd - COMPARISON_REACH) && !broken(j, j + 1); j--) {
      if (sideTerms[j]) left.add(sideTerms[j]!);
    }
    // "Compared with B, A had a lower …" opening its sentence (after a section label at most): this
    // side is what stands between the two.
    const opening = tokens.slice(0, word === 'comparison' ? i - 1 : i).every((t) => SECTION_LABEL.test(t.word));
    const leftBetween = phrase && comparative > to && (left.size === 0 || opening);
    if (leftBetween) {
      left.clear();
      for (let j = to; j < comparative; j++) if (sideTerms[j]) left.add(sideTerms[j]!);
    }
    const onlyLeft = [...left].filter((t) => !right.has(t));
    const onlyRight = [...right].filter((t) => !left.has(t));
    const rightHead = headTerms(tokens, from, to).filter((t) => onlyRight.includes(t));
    if (onlyLeft.length === 0 || onlyRight.length === 0) return;
    // "Compared with B, A had lower X and higher Y": one ranking for each measure, which holds for it alone.
    const measures = leftBetween ? measureScopes(text, tokens, comparative, isComparative) : [];
    for (const { at, scope } of measures.length > 0 ? measures : [{ at: comparative, scope: undefined }]) {
      const ranking = rankingAt(text, tokens, at, at === comparative ? to : at);
      // A measure named only in words the others share says of none which it is: no reading.
      if (ranking === null || scope?.length === 0) continue;
      found.push({
        ...ranking,
        left: onlyLeft,
        right: onlyRight,
        ...(rightHead.length > 0 ? { rightHead } : {}),
        ...(measure.length > 0 ? { measure } : {}),
        ...(scope ? { scope } : {}),
      });
    }
  });
  return [...found, ...alikeComparisonsOf(text, tokens), ...rankedPairsOf(written, writtenTokens)];
}
