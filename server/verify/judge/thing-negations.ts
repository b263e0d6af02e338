// Negations of a thing rather than of what a sentence asserts: "without (any) training", "with no
// fine-tuning", "none of the weights", "lacks a GPU", "in the absence of X", "training-free", "free
// of X". Each negates the words of its noun phrase (its scope); the stance reading marks them negated,
// and a sentence whose negations are all of this kind denies no finding (stance-reading.ts).
import { hyphenated, negatesAt } from './negation-words.ts';

/** A word of the sentence as the analyzer gives it: its stem (null for a stop word) and its offsets. */
type Token = { word: string; term: string | null; start: number; end: number };

/** What a sentence's negations of things reach. */
export type ThingNegations = {
  /** The indices of the tokens a negation of a thing reaches (the content words of its noun phrase). */
  reached: ReadonlySet<number>;
  /** For each reached token, the marker that reaches it ("lacking", "without", "no", "free"). */
  markerOf: ReadonlyMap<number, string>;
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
// Nouns that "X-free" makes the name of a measure or a kind, not a thing said to be without X:
// "progression-free survival", "disease-free interval", "ventilator-free days", "cell-free DNA".
const NAMED_BY_FREE = new Set([
  'survival',
  'interval',
  'intervals',
  'period',
  'periods',
  'days',
  'months',
  'years',
  'rate',
  'rates',
  'dna',
  'rna',
  'mass',
]);

// The content words of the noun phrase after token `at` (a marker): past the fillers, consecutive
// words with a stem, up to THING_REACH, never across a clause's punctuation, and after its first word
// not into a word that `stops` it (the predicate: "lacking instruction tuning improve accuracy").
function phraseAfter(text: string, tokens: readonly Token[], at: number, stops: (i: number) => boolean): number[] {
  const found: number[] = [];
  let j = at + 1;
  const broken = (k: number) => BREAK.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
  for (let skipped = 0; j < tokens.length && skipped < FILLERS_SKIPPED && FILLER.has(tokens[j]!.word); j++) {
    if (broken(j)) return found;
    skipped++;
  }
  for (; j < tokens.length && found.length < THING_REACH; j++) {
    const token = tokens[j]!;
    if (broken(j) || token.term === null || MARKERS.has(token.word) || (found.length > 0 && stops(j))) break;
    found.push(j);
  }
  return found;
}

// "training-free", "label-free": the hyphenated words before "free"; none when the compound names a
// measure or kind ("progression-free survival").
function phraseBeforeFree(text: string, tokens: readonly Token[], at: number): number[] {
  const found: number[] = [];
  const next = tokens[at + 1];
  if (next !== undefined && NAMED_BY_FREE.has(next.word) && !BREAK.test(text.slice(tokens[at]!.end, next.start)))
    return found;
  for (let j = at - 1; j >= 0 && found.length < THING_REACH; j--) {
    if (text.slice(tokens[j]!.end, tokens[j + 1]!.start) !== '-' || tokens[j]!.term === null) break;
    found.push(j);
  }
  return found;
}

/**
 * The negations of things in a sentence (see ThingNegations). `stops`: whether the token at an index
 * ends a noun phrase after its first word (the stance reading passes a word with a direction of
 * effect or an "-ly" adverb: "in the absence of serum proliferated slowly").
 */
export function thingNegationsOf(
  text: string,
  tokens: readonly Token[],
  stops: (i: number) => boolean = () => false,
): ThingNegations {
  const reached = new Set<number>();
  const markerOf = new Map<number, string>();
  let predicates = 0;
  let things = 0;
  tokens.forEach((token, i) => {
    const word = token.word;
    let phrase: number[] = [];
    const after = tokens[i + 1]?.word;
    // "free of disease", "free from contamination" negate what follows as "disease-free" does.
    if (word === 'free' && (after === 'of' || after === 'from')) phrase = phraseAfter(text, tokens, i + 1, stops);
    else if (word === 'free') phrase = phraseBeforeFree(text, tokens, i);
    else if (word === 'none' && after === 'of') phrase = phraseAfter(text, tokens, i, stops);
    else if (MARKERS.has(word) && !(word === 'no' && NO_PHRASE.has(tokens[i + 1]?.word ?? '')))
      phrase = phraseAfter(text, tokens, i, stops);
    for (const at of phrase) {
      reached.add(at);
      if (!markerOf.has(at)) markerOf.set(at, word);
    }
    if (!negatesAt(tokens, i) || hyphenated(text, tokens, i)) return;
    if (phrase.length > 0) things++;
    else predicates++;
  });
  return { reached, markerOf, onlyThings: things > 0 && predicates === 0 };
}
