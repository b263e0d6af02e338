// What a quantity question asks to be counted or measured ("How many languages…", "What batch
// size…", "How much carbon…"), whether a sentence gives it, and the abstention that names it when
// no sentence does: a sentence that holds the paper's topic but no such figure does not answer.
import { conceptForm } from './question-concepts.ts';
import { ANY_FIGURE_MEASURES, WHAT_MEASURE } from './question-type.ts';

/**
 * What a quantity question asks for: a count of a thing ("languages"), a measure ("batch size",
 * "carbon"), or a figure of any kind ("By how much…", "How long…"); `words` as the question writes them.
 */
export type AskedQuantity =
  | { kind: 'count'; words: readonly string[] }
  | { kind: 'measure'; words: readonly string[] }
  | { kind: 'figure'; words: readonly [] };

// Words that end the noun a question counts or measures: its verb, or a preposition or article.
const NOT_THE_NOUN =
  /^(?:is|are|was|were|be|been|do|does|did|have|has|had|can|could|will|would|should|may|might|must|in|of|on|for|at|from|with|by|per|to|the|a|an|and|or|than|there|it|they|we|you|this|that|these|those)$/iu;
const WORD = "[\\p{L}][\\p{L}\\p{N}'’-]*";
// "How many (more) (of the) glaze formulations…"; not "How many times…", which asks a ratio.
const COUNT = new RegExp(
  `\\bhow\\s+many\\s+(?!times\\b)(?:(?:more|fewer|different|distinct|separate|individual)\\s+)?(?:of\\s+(?:the|these|those|its|their)\\s+)?(${WORD})(?:\\s+(${WORD}))?`,
  'iu',
);
// "How much (higher) throughput…", "How much carbon…"; "How much does…" names no measure.
const HOW_MUCH = new RegExp(
  `\\bhow\\s+much\\s+(?:(?:more|less|higher|lower|greater|smaller|larger|bigger|faster|slower|better|worse)\\s+)?(${WORD})`,
  'iu',
);
const ANY_FIGURE = new RegExp(`(?:^|\\s)(?:${ANY_FIGURE_MEASURES.join('|')})$`, 'iu');
// "To what extent…" asks a degree, which papers state in words as often as in figures.
const DEGREE = /\bto\s+what\s+extent\b/iu;

const nouns = (...words: Array<string | undefined>) => {
  const kept: string[] = [];
  for (const word of words) {
    if (word === undefined || NOT_THE_NOUN.test(word)) break;
    kept.push(word);
  }
  return kept;
};

/** What a quantity question asks for, or null when it asks a degree ("To what extent…"). */
export function askedQuantity(question: string): AskedQuantity | null {
  if (DEGREE.test(question)) return null;
  const count = COUNT.exec(question);
  if (count) {
    const words = nouns(count[1], count[2]);
    if (words.length > 0) return { kind: 'count', words };
  }
  const measure = WHAT_MEASURE.exec(question)?.[1];
  if (measure) return ANY_FIGURE.test(measure) ? { kind: 'figure', words: [] } : { kind: 'measure', words: [measure] };
  const much = nouns(HOW_MUCH.exec(question)?.[1]);
  return much.length > 0 ? { kind: 'measure', words: much } : { kind: 'figure', words: [] };
}

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|single|double|twice|half';
const NUMBER = new RegExp(`^(?:[~≈<>]?\\d|(?:${NUMBER_WORDS})$)`, 'iu');
const TOKEN = /[\p{L}\p{N}~≈<>][\p{L}\p{N}.,%'’~≈<>-]*/gu;
// Words between a number and what it counts that end the phrase ("1,000 hours of audio" counts hours).
const PHRASE_BREAK = /^(?:of|in|on|for|to|with|by|from|at|than|per|and|is|are|was|were)$/iu;

const tokens = (sentence: string) => (sentence.match(TOKEN) ?? []).map((t) => t.replace(/[.,]+$/u, ''));

/**
 * Whether a sentence holds a number that counts one of these word forms, within a short noun phrase
 * after it ("23,148 glaze formulations", "64 or more bit errors"), up to a preposition or a plural.
 */
function counts(sentence: string, forms: ReadonlySet<string>): boolean {
  const words = tokens(sentence);
  return words.some((word, i) => {
    if (!NUMBER.test(word)) return false;
    for (const next of words.slice(i + 1, i + 5)) {
      if (forms.has(conceptForm(next))) return true;
      // A plural ends the phrase: the number counts it ("40 layers handle languages" counts layers).
      if (PHRASE_BREAK.test(next) || NUMBER.test(next) || /\p{L}{2}[^s]s$/u.test(next)) return false;
    }
    return false;
  });
}

/** A count or a measure asked for, which a sentence either gives or not (givesQuantity). */
export type NamedQuantity = Exclude<AskedQuantity, { kind: 'figure' }>;

/** Whether a sentence gives the count or measure a quantity question asks for (see AskedQuantity). */
export function givesQuantity(asked: NamedQuantity, sentence: string): boolean {
  if (asked.kind === 'count') return counts(sentence, new Set(asked.words.map(conceptForm)));
  const words = tokens(sentence);
  if (!words.some((w) => NUMBER.test(w) && /\d/u.test(w))) return false;
  // A measure: the sentence names it ("a batch size of 256"), or gives a share ("reaches 92%").
  const head = asked.words.at(-1)?.split(/\s+/u).at(-1);
  return (
    (head !== undefined && words.some((w) => conceptForm(w) === conceptForm(head))) ||
    /\d\s*(?:%|percent\b)/iu.test(sentence)
  );
}

/** Why the library holds no answer to a quantity question none of whose candidate sentences gives its count or measure. */
export function missingQuantityReason(asked: NamedQuantity): string {
  const what = asked.words.join(' ');
  return asked.kind === 'count'
    ? `The library holds no answer: no sentence of the closest papers gives the number of "${what}" the question asks for.`
    : `The library holds no answer: no sentence of the closest papers gives a figure for "${what}", which the question asks for.`;
}
