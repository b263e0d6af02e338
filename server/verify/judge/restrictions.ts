// Negations that restrict who or what a sentence is about: "A robot with no tactile sensors grasps
// objects", "Models without instruction tuning improve", "patients with no prior surgery". Such a
// "with no X" or "without X" modifies the subject's noun phrase (or a group of people) and says
// which ones the finding is about; it does not deny the finding. The stance reading reads it as a
// condition that reaches only its own noun phrase (stance-reading.ts).
import { isPopulationNoun } from './population-phrases.ts';

type Token = { word: string; term: string | null; start: number; end: number };

/** The restricting negations of a sentence: their markers, and the token just past each one's noun phrase. */
export type Restrictions = {
  /** The indices of the negation words that restrict ("no" of "with no", "without"). */
  markers: ReadonlySet<number>;
  /** The index of the first token after each restricting phrase: the predicate starts there. */
  ends: ReadonlySet<number>;
};

const BREAK = /[,;:()]/u;
// Words that open a clause: a subject's noun phrase may start after them.
const CLAUSE_WORD = /^(?:but|whereas|while|although|though|however|yet|and|so|thus|hence|also|even)$/u;
// Determiners and quantifiers that may open a subject's noun phrase ("A robot", "These models").
const DETERMINER =
  /^(?:a|an|the|this|that|these|those|our|their|its|each|every|all|some|many|most|few|both|such|any|no)$/u;
/** The most content words of the subject's noun phrase before its "with no" or "without" ("Small vision-language models"). */
const SUBJECT_WORDS = 4;
// Words between the marker and its noun phrase ("without any tactile sensing").
const FILLER = /^(?:any|a|an|the|some|of|additional|extra|further|its|their)$/u;
/** The most content words a restricting phrase reaches. */
const PHRASE_WORDS = 3;
// A word that cannot be part of the subject's noun phrase: a participle or a main verb in the past
// ("Treatment ended without relapse") or an adverb ("Robots reliably grasp…").
const NOT_IN_SUBJECT = /(?:ed|ly)$/u;
// A plural noun heads its phrase, so what follows it is the predicate ("with no tactile sensors |
// grasps objects"); "-is", "-as", "-us" and "-ss" words are not plurals ("analysis", "bias").
const PLURAL = /(?:[^suia]s|ies)$/u;
/** Adverbs that open a predicate as an "-ly" adverb does ("with no instruction tuning | still follow"). */
export const PREDICATE_ADVERB = /^(?:still|also|often|even|already|always|never|rarely|seldom|sometimes)$/u;

// Whether the tokens before `at` (the "with" or "without") are a subject's noun phrase that opens
// its clause: optional determiners, then one to SUBJECT_WORDS content words, none a participle or
// an adverb and only the last a plural, with no punctuation inside.
function subjectBefore(text: string, tokens: readonly Token[], at: number): boolean {
  let content = 0;
  let j = at - 1;
  for (; j >= 0; j--) {
    const token = tokens[j]!;
    const gap = text.slice(token.end, tokens[j + 1]!.start);
    if (BREAK.test(gap)) break;
    if (token.term === null || CLAUSE_WORD.test(token.word)) break;
    // A plural before the phrase's last word is a subject with its verb ("Robots grasp objects with
    // no…") or a verb in "-s" ("The robot grasps objects with no…"): no subject's phrase.
    if (NOT_IN_SUBJECT.test(token.word) || (j < at - 1 && PLURAL.test(token.word)) || ++content > SUBJECT_WORDS)
      return false;
  }
  if (content === 0) return false;
  while (j >= 0 && DETERMINER.test(tokens[j]!.word) && !BREAK.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start)))
    j--;
  if (j < 0) return true;
  const gap = text.slice(tokens[j]!.end, tokens[j + 1]!.start);
  return BREAK.test(gap) || CLAUSE_WORD.test(tokens[j]!.word);
}

// The index of the first token after the noun phrase a marker at `at` restricts, or -1 when no
// content word follows it: past the fillers, content words up to PHRASE_WORDS, ending after a
// plural, before a stop word, punctuation, an adverb or a word `stops` says starts the predicate.
function phraseEnd(text: string, tokens: readonly Token[], at: number, stops: (i: number) => boolean): number {
  let j = at + 1;
  while (j < tokens.length && FILLER.test(tokens[j]!.word)) j++;
  let taken = 0;
  for (; j < tokens.length && taken < PHRASE_WORDS; j++) {
    const token = tokens[j]!;
    if (BREAK.test(text.slice(tokens[j - 1]!.end, token.start)) || token.term === null) break;
    if (taken > 0 && (stops(j) || PREDICATE_ADVERB.test(token.word))) break;
    taken++;
    if (PLURAL.test(token.word)) {
      j++;
      break;
    }
  }
  return taken === 0 ? -1 : j;
}

/**
 * The negations of a sentence that restrict its subject or a group of people (see above): "with no"
 * or "without" right after a noun phrase that opens a clause, and "with no" after a noun naming
 * people ("patients with no prior surgery"). `stops`: whether the token at an index starts the
 * predicate (the stance reading passes a word with a direction of effect or an "-ly" adverb).
 * Null when the sentence has none (most sentences).
 */
export function restrictionsOf(
  text: string,
  tokens: readonly Token[],
  stops: (i: number) => boolean = () => false,
): Restrictions | null {
  let markers: Set<number> | null = null;
  let ends: Set<number> | null = null;
  tokens.forEach((token, i) => {
    const withNo = token.word === 'no' && tokens[i - 1]?.word === 'with';
    if (!withNo && token.word !== 'without') return;
    const opening = withNo ? i - 1 : i;
    if (opening === 0 || BREAK.test(text.slice(tokens[opening - 1]!.end, tokens[opening]!.start))) return;
    const population = withNo && isPopulationNoun(tokens[opening - 1]!.word);
    if (!population && !subjectBefore(text, tokens, opening)) return;
    const end = phraseEnd(text, tokens, i, stops);
    if (end < 0) return;
    markers ??= new Set();
    ends ??= new Set();
    markers.add(i);
    ends.add(end);
  });
  return markers === null || ends === null ? null : { markers, ends };
}
