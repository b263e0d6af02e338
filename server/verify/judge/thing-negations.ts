// Negations of a thing rather than of what a sentence asserts: "without (any) training", "with no
// fine-tuning", "none of the weights", "lacks a GPU", "in the absence of X", "training-free". Each
// negates the words of its noun phrase (its scope); the stance reading marks them negated, and a
// sentence whose negations are all of this kind denies no finding (stance-reading.ts).
import { negatesAt } from './negation-words.ts';

/** A word of the sentence as the analyzer gives it: its stem (null for a stop word) and its offsets. */
type Token = { word: string; term: string | null; start: number; end: number };

/** What a sentence's negations of things reach. */
export type ThingNegations = {
  /** The indices of the tokens a negation of a thing reaches (the content words of its noun phrase). */
  reached: ReadonlySet<number>;
  /**
   * Whether the sentence negates only things: it has a negation of a predicate's kind ("no", "lacks")
   * and every one is a negation of a thing that reaches a word ("with no fine-tuning", not "did not
   * improve", "no longer", "little effect").
   */
  onlyThings: boolean;
};

// "without X", "lacks X", "in the absence of X", "no X", "none of the X".
const MARKERS = new Set(['without', 'no', 'lack', 'lacks', 'lacked', 'lacking', 'absence']);
// After "no" these make no noun phrase: "no longer", "no more than", "no matter", "no doubt".
const NO_PHRASE = new Set(['longer', 'more', 'less', 'fewer', 'sooner', 'matter', 'doubt', 'later', 'earlier']);
// Words between a marker and its noun phrase: "without any training", "none of the weights".
const FILLER = new Set(['any', 'a', 'an', 'the', 'some', 'of', 'additional', 'extra', 'further', 'its', 'their']);
const FILLERS_SKIPPED = 3;
/** The most content words of the noun phrase a marker reaches ("no significant difference"). */
export const THING_REACH = 3;
const BREAK = /[,;:()]/u;

// The content words of the noun phrase after token `at` (a marker): past the fillers, consecutive
// words with a stem, up to THING_REACH, never across a clause's punctuation.
function phraseAfter(text: string, tokens: readonly Token[], at: number): number[] {
  const found: number[] = [];
  let j = at + 1;
  const broken = (k: number) => BREAK.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
  for (let skipped = 0; j < tokens.length && skipped < FILLERS_SKIPPED && FILLER.has(tokens[j]!.word); j++) {
    if (broken(j)) return found;
    skipped++;
  }
  for (; j < tokens.length && found.length < THING_REACH; j++) {
    const token = tokens[j]!;
    if (broken(j) || token.term === null || MARKERS.has(token.word)) break;
    found.push(j);
  }
  return found;
}

// "training-free", "label-free": the hyphenated words before "free".
function phraseBeforeFree(text: string, tokens: readonly Token[], at: number): number[] {
  const found: number[] = [];
  for (let j = at - 1; j >= 0 && found.length < THING_REACH; j--) {
    if (text.slice(tokens[j]!.end, tokens[j + 1]!.start) !== '-' || tokens[j]!.term === null) break;
    found.push(j);
  }
  return found;
}

/** The negations of things in a sentence (see ThingNegations). */
export function thingNegationsOf(text: string, tokens: readonly Token[]): ThingNegations {
  const reached = new Set<number>();
  let predicates = 0;
  let things = 0;
  tokens.forEach((token, i) => {
    const word = token.word;
    let phrase: number[] = [];
    if (word === 'free') phrase = phraseBeforeFree(text, tokens, i);
    else if (word === 'none' && tokens[i + 1]?.word === 'of') phrase = phraseAfter(text, tokens, i);
    else if (MARKERS.has(word) && !(word === 'no' && NO_PHRASE.has(tokens[i + 1]?.word ?? '')))
      phrase = phraseAfter(text, tokens, i);
    for (const at of phrase) reached.add(at);
    if (!negatesAt(tokens, i)) return;
    if (phrase.length > 0) things++;
    else predicates++;
  });
  return { reached, onlyThings: things > 0 && predicates === 0 };
}
