// Words of change that another word of change turns: a comparative of a verb of change ("reduced
// mortality more than B": a greater reduction) and a noun of change after a word of change
// ("improved pain relief": pain relieved; "greater weight loss": weight lost). Each ranks the thing
// changed by the product of the two directions; the reading (stance-reading.ts) and the comparisons
// (comparisons.ts) read them so.
import { tokenize } from '../../../indexer/text/analyze.ts';
import { numberWordValue } from '../number-words.ts';
import { classOf } from './word-classes.ts';

/** A word of the sentence as the analyzer gives it: its stem (null for a stop word) and its offsets. */
type Token = { word: string; term: string | null; start: number; end: number };

const CHANGE_COMPARATIVE = /^(?:more|less)$/u;
/** Words between a verb of change and its comparative: the thing changed ("reduced 30-day mortality more than"). */
const CHANGED_WORDS = 3;
// Comparatives, which rank by themselves ("higher mortality more than …" compares no change).
const COMPARATIVE_ADJECTIVE =
  /^(?:more|less|fewer|higher|greater|better|worse|larger|smaller|longer|shorter|faster|stronger|weaker|superior|inferior)$/u;
// Nouns of a fall that name what happens to the words before them ("pain relief", "weight loss"); not
// words that are verbs too ("higher glucose levels decrease …"), nor nouns of a rise, whose product
// with a word of change is that word's own direction ("improvement" of a symptom is its fall).
const CHANGE_NOUN = /^(?:relief|reductions?|loss(?:es)?|suppression|inhibition|alleviation|attenuation)$/u;
/** Words a noun of change may follow in one compound ("symptom relief", "body weight loss"). */
const COMPOUND_WORDS = 2;
// Words that end a noun phrase before a noun of change ("increased survival through inhibition of …"):
// prepositions, and verbs in -ed.
const PHRASE_END =
  /^(?:through|via|by|with|from|after|before|during|following|including|into|in|of|on|for|to|at|among|across|over|under|within|without|against|between|despite|throughout|upon|toward|towards|per|than|\p{L}{3,}ed)$/u;
// The copulas a comparative of change never reaches back over ("damage was more than twice as high").
const COPULA = /^(?:is|are|was|were|be|been|being|am)$/u;
// What after "than" makes "more than" a bound on a number, not a comparison ("by more than 20%",
// "more than twice", "more than tenfold").
const MULTIPLIER = /^(?:\d.*|twice|thrice|double|triple|\w+fold|half)$/u;

const broken = (text: string, tokens: readonly Token[], a: number) =>
  /[,;:()]/u.test(text.slice(tokens[a]!.end, tokens[a + 1]!.start));

/**
 * The direction of the verb of change that a "more" or "less" before "than" at token `i` compares
 * ("reduced mortality more than B": −1; "increased risk more than B": +1), or 0 when it follows none
 * in its clause within CHANGED_WORDS words, when a copula or a preposition lies between ("damage was
 * more than …", "reduced mortality by more than …"), or when a number follows "than" ("more than 20%",
 * "more than twice as high"): a bound on a number compares no change.
 */
export function changeOfComparative(text: string, tokens: readonly Token[], i: number): -1 | 0 | 1 {
  if (!CHANGE_COMPARATIVE.test(tokens[i]?.word ?? '') || tokens[i + 1]?.word !== 'than') return 0;
  const bound = tokens[i + 2]?.word ?? '';
  if (MULTIPLIER.test(bound) || numberWordValue(bound) !== undefined) return 0;
  for (let j = i - 1; j >= Math.max(0, i - 1 - CHANGED_WORDS); j--) {
    if (broken(text, tokens, j)) return 0;
    const word = tokens[j]!.word;
    if (COMPARATIVE_ADJECTIVE.test(word) || COPULA.test(word)) return 0;
    if (PHRASE_END.test(word) && classOf(word).direction === 0) return 0;
    const { direction } = classOf(word);
    if (direction !== 0) return direction;
  }
  return 0;
}

// The index of the noun of change that ends the compound just after token `i`, or −1: one or two
// content words without a direction that are no preposition or verb, then the noun, with no
// punctuation between; the noun must head its phrase, followed by no content word ("hearing loss
// risk" is a risk).
function changeNounAt(text: string, tokens: readonly Token[], i: number): number {
  for (let j = i + 1; j <= i + 1 + COMPOUND_WORDS && j < tokens.length; j++) {
    if (broken(text, tokens, j - 1)) return -1;
    const { word, term } = tokens[j]!;
    if (j > i + 1 && CHANGE_NOUN.test(word)) return headsPhrase(text, tokens, j) ? j : -1;
    if (term === null || PHRASE_END.test(word) || classOf(word).direction !== 0) return -1;
  }
  return -1;
}

// Whether the word at `j` ends its noun phrase: the sentence ends, punctuation follows, or the next
// word is a stop word or a preposition.
function headsPhrase(text: string, tokens: readonly Token[], j: number): boolean {
  const next = tokens[j + 1];
  return next === undefined || broken(text, tokens, j) || next.term === null || PHRASE_END.test(next.word);
}

/**
 * The direction of a noun of change that ends the compound just after token `i` ("improved pain
 * relief": relief, −1; "greater body weight loss": −1), or 0 when none does.
 */
export function changeNounAfter(text: string, tokens: readonly Token[], i: number): -1 | 0 | 1 {
  const at = changeNounAt(text, tokens, i);
  return at < 0 ? 0 : classOf(tokens[at]!.word).direction;
}

// Whether a text may hold a noun of change (before it is tokenized).
const MAY_TURN = new RegExp(CHANGE_NOUN.source.replace('^', '\\b').replace('$', '\\b'), 'iu');

/**
 * The text with each word of change and the noun of change that turns it blanked out ("improved" and
 * "relief" of "improved pain relief"), so that a count of its words of change (claim-cues.ts) reads
 * neither way in a phrase whose direction is their product. A comparative of a verb of change
 * ("reduced … more than") already counts neither way, and is kept.
 */
export function withoutTurnedWords(text: string): string {
  if (!MAY_TURN.test(text)) return text;
  const tokens = tokenize(text);
  let kept = text;
  const blank = (token: Token) => {
    kept = kept.slice(0, token.start) + ' '.repeat(token.end - token.start) + kept.slice(token.end);
  };
  tokens.forEach((token, i) => {
    if (classOf(token.word).direction === 0) return;
    const at = changeNounAt(text, tokens, i);
    if (at < 0) return;
    blank(token);
    blank(tokens[at]!);
  });
  return kept;
}
