// Noun phrases opened by a comparative of degree ("greater search depth", "deeper search", "a wider
// beam", "higher blood pressure"): the comparative says how much of the thing the phrase names, so
// the phrase takes its direction from it alone, never from a verb of change beside it: in "greater
// search depth lowers citation accuracy" the accuracy is lowered, not the depth. A comparative of a
// dimension that is no word of change ("deeper", "wider": a place as often as an amount) gives the
// phrase no direction, and stands for its noun: "deeper search" is "greater search depth".
import { stem, tokenize } from '../../../indexer/text/analyze.ts';
import type { SentenceReading } from './stance-reading.ts';

// Comparatives of size, amount and extent. Whether one is a word of change ("greater", "lower") is
// the reading's: its direction is the phrase's. Plain forms name a kind as often as a degree
// ("short sleep", "a wide beam") and are left to the nearest word of change.
const DEGREE =
  /^(?:higher|lower|greater|larger|smaller|bigger|longer|shorter|deeper|shallower|wider|narrower|broader|thicker|thinner|heavier|more|less|fewer)$/u;
const DEGREE_ANYWHERE = new RegExp(DEGREE.source.replace('^', '\\b').replace('$', '\\b'), 'iu');
// The comparatives of a dimension that are no words of change, each with its noun and which way it goes.
const DIMENSIONS: Record<string, readonly [noun: string, sign: -1 | 1]> = {
  deeper: ['depth', 1],
  shallower: ['depth', -1],
  wider: ['width', 1],
  narrower: ['width', -1],
  broader: ['breadth', 1],
  thicker: ['thickness', 1],
  thinner: ['thickness', -1],
  heavier: ['weight', 1],
  bigger: ['size', 1],
};
// Nouns that name a change ("pain relief", "weight loss", "mortality reduction"): a comparative before
// the phrase they end grades the change, not the thing changed ("greater pain relief" is no more
// pain), so the phrase's words take no direction from it. A verb after the phrase ("greater search
// depth lowers accuracy") ends it as any word of change does.
const NOUN_OF_CHANGE = /^(?:relief|loss|losses|\p{L}+(?:tion|tions|ment|ments))$/u;
/** How many words after the comparative the phrase may run to ("greater search depth"). */
const PHRASE_WORDS = 2;

/**
 * A degree phrase of a reading: the indices of the words after the comparative, the direction they
 * take (0: none), the comparative's own index, and for a dimension its noun's term and direction.
 */
export type DegreePhrase = { words: number[]; sign: -1 | 0 | 1; at: number; dimension?: [string, -1 | 1] };

/**
 * The degree phrases of a reading: a comparative followed by up to PHRASE_WORDS content words, up to
 * a stop word, a word of change or punctuation. The phrase's words take the comparative's direction
 * (turned round when negated). A comparative hyphenated to the next word ("shorter-term") opens none.
 */
export function degreePhrasesOf(reading: SentenceReading): DegreePhrase[] {
  const { text, words } = reading;
  if (!DEGREE_ANYWHERE.test(text)) return [];
  const tokens = tokenize(text);
  if (tokens.length !== words.length) return [];
  const spaced = (a: number) => /^\s+$/u.test(text.slice(tokens[a]!.end, tokens[a + 1]!.start));
  const found: DegreePhrase[] = [];
  tokens.forEach((token, i) => {
    if (!DEGREE.test(token.word) || i + 1 >= tokens.length || !spaced(i)) return;
    const phrase: number[] = [];
    for (let j = i + 1; j < tokens.length && phrase.length < PHRASE_WORDS; j++) {
      if (j > i + 1 && !spaced(j - 1)) break;
      if (words[j]!.term === null || words[j]!.direction !== 0) break;
      phrase.push(j);
    }
    if (phrase.length === 0) return;
    const adjective = words[i]!;
    // The word just after the phrase: a noun of change there is what the comparative grades.
    const next = phrase.at(-1)! + 1;
    if (
      next < tokens.length &&
      spaced(next - 1) &&
      words[next]!.direction !== 0 &&
      NOUN_OF_CHANGE.test(tokens[next]!.word)
    ) {
      found.push({ words: phrase, sign: 0, at: i });
      return;
    }
    const turn = (value: number) => (adjective.negated ? -value : value) as -1 | 0 | 1;
    const dimension = adjective.direction === 0 ? DIMENSIONS[token.word] : undefined;
    const noun = dimension ? stem(dimension[0]) : undefined;
    // "heavier birth weights" is more birth weight: the phrase that names the dimension's noun takes its direction.
    if (dimension && phrase.some((j) => words[j]!.term === noun)) {
      found.push({ words: phrase, sign: turn(dimension[1]), at: i });
      return;
    }
    found.push({
      words: phrase,
      sign: turn(adjective.direction),
      at: i,
      ...(noun ? { dimension: [noun, turn(dimension![1]) as -1 | 1] } : {}),
    });
  });
  return found;
}

/**
 * The directions a reading's terms take (`anchored`: each term's nearest word of change) with its
 * degree phrases read as above: a phrase's term takes the comparative's direction, or none, and a
 * dimension's noun the dimension's ("deeper search": depth up) unless the sentence names the noun.
 */
export function withDegreePhrases(reading: SentenceReading, anchored: Map<string, -1 | 1>): Map<string, -1 | 1> {
  const phrases = degreePhrasesOf(reading);
  if (phrases.length === 0) return anchored;
  // As anchoring does, a term is read where it first stands ("more likely …, less likely …": more).
  const first = new Map<string, number>();
  reading.words.forEach((word, i) => {
    if (word.term !== null && !first.has(word.term)) first.set(word.term, i);
  });
  const dimensions = new Set<string>();
  for (const { words, sign, at, dimension } of phrases) {
    for (const i of [...words, ...(sign === 0 ? [at] : [])]) {
      const term = reading.words[i]!.term;
      if (term === null || first.get(term) !== i) continue;
      if (sign === 0) anchored.delete(term);
      else anchored.set(term, sign);
    }
    if (dimension && !first.has(dimension[0]) && !dimensions.has(dimension[0])) {
      dimensions.add(dimension[0]);
      anchored.set(...dimension);
    }
  }
  return anchored;
}
