// What a quantity question asks to be counted or measured ("How many languages…", "What batch
// size…", "How much carbon…"), whether a sentence gives it, and the abstention that names it when
// no sentence does: a sentence that holds the paper's topic but no such figure does not answer.
import { STOP_WORDS } from '../../indexer/text/analyze.ts';
import { englishWordsIfReadable } from '../english/english-words.ts';
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
  /^(?:is|are|was|were|be|been|do|does|did|have|has|had|can|could|will|would|should|may|might|must|in|of|on|for|at|from|with|by|per|to|about|into|across|over|under|between|among|during|within|through|the|a|an|and|or|than|there|it|they|we|you|this|that|these|those)$/iu;
// A plural ends the noun a question counts: the word after it is its verb ("How many microRNAs make
// up…"), while a singular before it names a kind ("How many glaze formulations…").
// Not a singular in -is, -us, -ss or -ics ("analysis steps", "physics problems"), nor an English word
// in -ns that is no plural of one ("lens elements"); "proteins", and "cyclins" or "skyrmions", which
// no word list holds, are plurals.
const PLURAL = /\p{L}{2}[^siu]s$/u;
const isPlural = (word: string) => {
  if (!PLURAL.test(word) || /ics$/iu.test(word)) return false;
  const english = /ns$/iu.test(word) ? englishWordsIfReadable() : undefined;
  const lower = word.toLowerCase();
  return english === undefined || !english.has(lower) || english.has(lower.slice(0, -1));
};
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
// A dose is a figure of an amount given ("10 mg/kg", "2 Gy"), not of any kind: "followed for up to
// 60 days" gives no dose of the drug.
const DOSE = /(?:^|\s)dos(?:e|age)$/iu;
// The units a dose is given in, after a number: masses, volumes, concentrations, activity units,
// radiation; after a hyphen only a mass or a volume ("4-mg dose"; "4-M" or "2-U" name other things);
// counts of organisms or vectors only as a dose ("a dose of 10^9 PFU", "10^9 PFU of the vector"),
// not as a count found ("colonies reached 10^6 CFU/mL").
const DOSE_FIGURE =
  /\d(?:\s*(?:[mµμun]?g|mcg|[mµμ]?[lL]|[mµμnp]?M|[mµμn]?mol|I?U|units?|c?Gy|mSv|mCi|MBq)|-(?:[mµμ]?g|m[lL]|kg))(?:\s*\/\s*(?:kg|m2|m²|d|day|h|L|ml|mL))?\b|\b(?:[Dd]oses?|[Ii]nocul(?:um|a)|of)\s+(?:[\d.]+\s*[×x]\s*)?\S*\d\s*(?:CFU|PFU|vg)\b|\d\s*(?:CFU|PFU|vg)\s+of\b/u;
// "To what extent…" asks a degree, which papers state in words as often as in figures.
const DEGREE = /\bto\s+what\s+extent\b/iu;
// "How many papers are there on RAG leakage?" counts the library's papers, which the answer's
// sources are, not a number any of them states.
const LIBRARY_ITEMS = /^(?:papers?|stud(?:y|ies)|articles?|works?|publications?|documents?)$/iu;

const nouns = (...words: Array<string | undefined>) => {
  const kept: string[] = [];
  for (const word of words) {
    if (word === undefined || NOT_THE_NOUN.test(word)) break;
    kept.push(word);
    if (isPlural(word)) break;
  }
  return kept;
};

/** What a quantity question asks for, or null when it asks a degree ("To what extent…"). */
export function askedQuantity(question: string): AskedQuantity | null {
  if (DEGREE.test(question)) return null;
  const count = COUNT.exec(question);
  if (count) {
    const words = nouns(count[1], count[2]);
    if (words.length > 0)
      return LIBRARY_ITEMS.test(words.at(-1)!) ? { kind: 'figure', words: [] } : { kind: 'count', words };
  }
  const measure = WHAT_MEASURE.exec(question)?.[1];
  if (measure)
    return ANY_FIGURE.test(measure) && !DOSE.test(measure)
      ? { kind: 'figure', words: [] }
      : { kind: 'measure', words: [measure] };
  const much = nouns(HOW_MUCH.exec(question)?.[1]);
  return much.length > 0 ? { kind: 'measure', words: much } : { kind: 'figure', words: [] };
}

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|single|double|twice|half';
// "twenty-two" is one number.
const NUMBER = new RegExp(`^(?:[~≈<>]?\\d|(?:${NUMBER_WORDS})(?:-(?:${NUMBER_WORDS}))?$)`, 'iu');
const TOKEN = /[\p{L}\p{N}~≈<>][\p{L}\p{N}.,%'’~≈<>-]*/gu;
// Words between a number and what it counts that end the phrase ("1,000 hours of audio" counts hours).
const PHRASE_BREAK = /^(?:of|in|on|for|to|with|by|from|at|than|per|and|is|are|was|were)$/iu;

// People counted under any of these words: "How many participants…?" is answered by "12,400 adults".
const PERSONS = new Set(
  [
    'participant',
    'patient',
    'subject',
    'adult',
    'people',
    'person',
    'individual',
    'woman',
    'women',
    'man',
    'men',
    'child',
    'children',
    'volunteer',
    'respondent',
  ].map((word) => conceptForm(word)),
);
// Measures a bare share gives ("reaches 92%" is an accuracy or a score), where a figure need not name them.
const SHARE_MEASURES =
  /^(?:accuracy|score|rate|ratio|precision|recall|f1|share|proportion|fraction|percentage|coverage|agreement|sensitivity|specificity|prevalence|incidence|yield|efficiency|utili[sz]ation)$/iu;
// Rates no share gives: "What learning rate…?" is not answered by "reduces hallucinations by 31%".
const NO_SHARE = /\b(?:learning|sampling|frame|bit|heart|clock|refresh|baud|token|tokens)\s+rate$/iu;

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

// The forms of the thing counted: its own, or any person's when it counts people.
function countedForms(asked: NamedQuantity): Set<string> {
  const forms = new Set(asked.words.map(conceptForm));
  const head = conceptForm(asked.words.at(-1) ?? '');
  return PERSONS.has(head) ? new Set([...forms, ...PERSONS]) : forms;
}

/**
 * Whether a sentence names what a count asks of, with or without a number ("on the MATH-500, AIME and
 * OlympiadBench benchmarks", "a chosen subset of experts"), or the participle the question counts it
 * by ("evaluated" of "How many datasets is PACZero evaluated on?", answered by "The mechanisms are
 * evaluated on SST-2 and on SQuAD"): such a sentence may give the count as a list or in words, so
 * the question is not one the library has no answer to. Always false for a measure.
 */
export function mentionsCounted(asked: NamedQuantity, question: string, sentence: string): boolean {
  if (asked.kind !== 'count') return false;
  const head = conceptForm(asked.words.at(-1) ?? '');
  const held = new Set(PERSONS.has(head) ? PERSONS : [head]);
  const after = question.slice((COUNT.exec(question)?.index ?? 0) + 1);
  for (const participle of after.match(/\b\p{Ll}{3,}ed\b/gu) ?? []) held.add(conceptForm(participle));
  return tokens(sentence).some((word) => held.has(conceptForm(word)));
}

/** Whether a sentence gives the count or measure a quantity question asks for (see AskedQuantity). */
export function givesQuantity(asked: NamedQuantity, sentence: string): boolean {
  if (asked.kind === 'count') return counts(sentence, countedForms(asked));
  const words = tokens(sentence);
  if (!words.some((w) => NUMBER.test(w) && /\d/u.test(w))) return false;
  // A measure: the sentence names it ("a batch size of 256"), or, for a measure a share gives, gives
  // one ("reaches 92%" for a score; not "Throughput rises by 40%" for a batch size).
  const head = asked.words.at(-1)?.split(/\s+/u).at(-1);
  if (head === undefined) return false;
  if (DOSE.test(head)) return DOSE_FIGURE.test(sentence);
  return (
    words.some((w) => conceptForm(w) === conceptForm(head) || prefixAbbreviation(w, head)) ||
    (SHARE_MEASURES.test(head) && !NO_SHARE.test(asked.words.join(' ')) && /\d\s*(?:%|percent\b)/iu.test(sentence))
  );
}

/**
 * Whether a word is a capitalised abbreviation of the measure by its first letters ("Thr" for
 * "threonine", "Gln" is not one of "glutamine"): three or four letters that open the measure's word,
 * which is at least twice as long, and neither a stop word nor an English word ("The", "Pro", "Met").
 */
function prefixAbbreviation(word: string, measure: string): boolean {
  return (
    /^\p{Lu}\p{Ll}{2,3}$/u.test(word) &&
    !STOP_WORDS.has(word.toLowerCase()) &&
    !englishWordsIfReadable()?.has(word.toLowerCase()) &&
    measure.length >= 2 * word.length &&
    measure.toLowerCase().startsWith(word.toLowerCase())
  );
}

/** Why the library holds no answer to a quantity question none of whose candidate sentences gives its count or measure. */
export function missingQuantityReason(asked: NamedQuantity): string {
  const what = asked.words.join(' ');
  return asked.kind === 'count'
    ? `The library holds no answer: no sentence of the closest papers gives the number of "${what}" the question asks for.`
    : `The library holds no answer: no sentence of the closest papers gives a figure for "${what}", which the question asks for.`;
}
