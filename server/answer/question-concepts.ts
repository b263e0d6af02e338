// The key concepts of a question: its topic words, matched in evidence by their surface form (with
// plural, possessive and regular verb endings and British/American spellings only), never by a
// shared stem, so "transformer" is not matched by "transformational" nor "heads" by "head injury"
// alone. An abbreviation the question defines ("international normalised ratio (INR)") is one
// concept, found by either form. Each concept weighs by how rare it is in the library (IDF); a word
// the library never uses weighs the most.
import { STOP_WORDS, stem } from '../../indexer/text/analyze.ts';
import { englishWordsIfReadable, isEnglishWord, singularOfIrregular } from '../english/english-words.ts';
import { inverseDocumentFrequency, type TermStatistics } from '../verify/term-statistics.ts';
import { hyphenatedNames, nameAt, writtenAsName } from './written-names.ts';

export { writtenAsName };

// Words that shape a question but say nothing about its topic.
const QUESTION_WORDS = new Set(
  (
    'what which who whom whose when where why how do does did done doing can could would should may might must shall ' +
    'much many any some have has had been being know known tell me us we you i please explain describe give show list ' +
    'find there about between other anything something paper papers study studies article articles work works research ' +
    'researchers authors proposed propose proposes often actually really exactly kind kinds way ways whether yes no ' +
    'associated association related relation relationship role effect effects impact use used using based compared ' +
    'were from than its more most less after before during among all each per over under within without same also only ' +
    'so very well still one new their them our your his her they it this that these those true does ' +
    'make makes making made get gets getting got ' +
    // What a question combines ("Does adding melatonin to radiotherapy lengthen…?"), which papers
    // write as "melatonin plus radiotherapy", "combined with" or "in addition to".
    'add adds adding added ' +
    // What a comparison asks of the things it names, which papers seldom say of themselves.
    'compare compares comparing comparison differ differs difference differences contrast versus vs ' +
    // What a yes/no question asks of its topic, which the evidence may state the other way round
    // ("Does X reduce Y?" answered by "X brings higher Y"): the question's predicate, not its topic.
    'reduce reduces reducing increase increases increasing decrease decreases decreasing improve improves improving ' +
    'worsen worsens raise raises enhance enhances prevent prevents affect affects ' +
    'influence influences promote promotes inhibit inhibits help helps harm harms hurt hurts ' +
    // What a question asks of its topic in passing: a need ("How much memory does a satellite need?" is
    // not answered by "The method needs less memory") or the superlative of a judgement ("What is the
    // best learning rate…?"), which papers state as findings in their own words. A comparative stays a
    // topic word ("Are faster readers better spellers?").
    'need needs needed require requires required best worst ' +
    // What a comparison is measured against, which a paper names by what it is ("BitNet on llama.cpp").
    'baseline baselines ' +
    // What a question asks of papers in passing ("Which studies deal with CRISPR?"): being about a topic.
    'deal deals dealing dealt'
  ).split(' '),
);

// A degree word says how strongly the words it qualifies hold ("a click quite well"), not what the
// question is about: one no paper uses is no concept, so it never makes a question look unanswerable;
// one the library uses stays (CISI's "highly specialized" helps find its papers).
const DEGREE_WORDS = new Set(
  'quite rather fairly pretty extremely highly incredibly remarkably reasonably somewhat truly particularly especially sufficiently relatively enough too'.split(
    ' ',
  ),
);

/** The comparative that "how much" asks about ("How much faster is…"): the question's measure, which the evidence gives as a number ("52x higher throughput"). */
const HOW_MUCH_COMPARATIVE = /\bhow\s+(?:much|many\s+times)\s+(\p{L}+(?:er|ier)|better|worse|more|less)\b/giu;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

// The library the question is asked of ("Which papers in the library…?", "…in my collection?"), which
// no paper names: with its determiner, not the question's topic. Only after "papers in the" or a
// possessive, since "library" is a topic of its own elsewhere ("the use of computers in the library").
const THE_LIBRARY =
  /\b(?:(?:papers?|studies|articles|works|documents|publications)\s+(?:in|from|of)\s+(?:the|this|my|our|your)|(?:in|from)\s+(?:my|our|your))\s+(?:library|collection|corpus)\b/giu;

/**
 * A word without possessive, plural and regular verb endings: "heads" → "head", "studies" →
 * "study", "reduced" → "reduc"; never a shared stem ("transformational" stays apart from "transformer").
 */
export function conceptForm(word: string): string {
  const form = inflectionForm(word);
  const base = qualityBase(form);
  return base === form ? form : inflectionForm(base);
}

/**
 * A noun of quality read as its adjective, so "Does DPO make models more uncertain?" finds
 * "uncertainty-aware": "uncertainty" → "uncertain", "modularity" → "modular", "locality" → "local",
 * "sensitivity" → "sensitive", "stability" → "stable", "robustness" → "robust". Only these endings,
 * which keep the adjective whole (never "-ity" alone: "authority" is no "author").
 */
const QUALITY_NOUNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=\p{L}{4})ainty$/u, 'ain'],
  [/(?<=\p{L}{3})arity$/u, 'ar'],
  [/(?<=\p{L}{3})ality$/u, 'al'],
  [/(?<=\p{L}{3})ivity$/u, 'ive'],
  [/(?<=\p{L}{3})bility$/u, 'ble'],
  [/(?<=\p{L}{4})ness$/u, ''],
];

function qualityBase(form: string): string {
  for (const [ending, adjective] of QUALITY_NOUNS) if (ending.test(form)) return form.replace(ending, adjective);
  return form;
}

// A word without possessive, plural and regular verb endings; an irregular plural is read as its
// singular ("children" as "child"), so a question's "in children" finds a paper's "child".
function inflectionForm(word: string): string {
  let w = spelling(word.toLowerCase().replace(/['’]s?$/u, ''));
  w = singularOfIrregular(w) ?? w;
  if (w.length <= 3 || /\p{N}/u.test(w)) return w;
  if (/ies$/u.test(w) && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|us|is|ys)$/u.test(w)) return w;
  if (/(?:sses|xes|ches|shes|zes)$/u.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) w = w.slice(0, -1);
  return verbForm(w);
}

// British spellings read as American ones, so "normalised" finds "normalized" and "tumour" "tumor":
// -ise/-isation → -ize/-ization, -our → -or, ae after a consonant → e ("anaemia", "haemorrhage").
function spelling(word: string): string {
  if (word.length < 6) return word;
  return word
    .replace(/(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$/u, 'iz$1')
    .replace(/(?<=[a-z]{3})our(s|ed|ing|al)?$/u, 'or$1')
    .replace(/(?<=[b-df-hj-np-tv-z])ae(?=[a-z])/u, 'e');
}

// Regular verb endings: "reduced", "reducing", "reduce" → "reduc"; "stopped" → "stop".
function verbForm(word: string): string {
  const bare = word.replace(/(?:ing|ed|e)$/u, '');
  if (bare.length < 4 || bare === word) return word;
  return /([bdgkmnprt])\1$/u.test(bare) ? bare.slice(0, -1) : bare;
}

const formCache = new Map<string, string>();

/**
 * The concept forms of every word of a text (word forms are cached: this is the hot path of concept
 * statistics); the words of at least `written.minLength` characters are added, as written, to
 * `written.into` when it is given.
 */
export function conceptForms(text: string, written?: { into: Set<string>; minLength: number }): Set<string> {
  const forms = new Set<string>();
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const word = match[0];
    if (written && word.length >= written.minLength) written.into.add(word);
    let form = formCache.get(word);
    if (form === undefined) {
      form = conceptForm(word);
      if (formCache.size > 500_000) formCache.clear();
      formCache.set(word, form);
    }
    forms.add(form);
  }
  return forms;
}

export type Concept = {
  word: string;
  form: string;
  weight: number;
  /** Whether any paper of the library uses the word (by its stem). */
  known: boolean;
  /** For an abbreviation the question defines: the forms of its long form, all of which stand for it too. */
  longForm?: string[];
  /** The hyphenated name the word is part of, as the question writes it ("GPT-4" for "GPT" and for "4"). */
  name?: string;
  /** For a word no paper uses, the form of a word of its family that papers use ("main" for "mainly"; word-family.ts). */
  relative?: string;
};

/** How a concept is named to a reader: the whole name it is part of ("GPT-4"), else its word. */
export const conceptName = (concept: Concept): string => concept.name ?? concept.word;

/** The names of concepts, each once, in order ("GPT", "4", "open" → "GPT-4", "open"). */
export function conceptNames(concepts: readonly Concept[]): string[] {
  return [...new Set(concepts.map(conceptName))];
}

/** Whether a text's concept forms hold a concept (an abbreviation by either of its forms). */
export function holds(forms: ReadonlySet<string>, concept: Concept): boolean {
  return (
    forms.has(concept.form) ||
    (concept.longForm?.every((f) => forms.has(f)) ?? false) ||
    (concept.relative !== undefined && forms.has(concept.relative))
  );
}

/**
 * Abbreviations a text defines, "long form (ABBR)", when the initials of the words before the
 * parenthesis spell it (a simplified Schwartz & Hearst match): ABBR → the long form's words.
 */
export function definedAbbreviations(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const match of text.matchAll(/([\p{L}\p{N}'’ -]+?)\s*\(\s*([\p{L}][\p{L}\p{N}-]{1,9})\s*\)/gu)) {
    const abbreviation = match[2]!;
    if ((abbreviation.match(/\p{Lu}/gu)?.length ?? 0) < 2) continue;
    const letters = abbreviation.toLowerCase().replace(/[^\p{L}]/gu, '');
    const words = match[1]!.split(/[\s-]+/u).filter(Boolean);
    // The shortest run of last words whose initials (skipping stop words) spell the letters.
    for (let take = letters.length; take <= Math.min(words.length, letters.length + 2); take++) {
      const run = words.slice(-take);
      const content = run.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
      if (content.map((w) => w[0]!.toLowerCase()).join('') === letters) {
        found.set(abbreviation.toLowerCase(), content);
        break;
      }
    }
  }
  return found;
}

/**
 * The question's topic words, as written, lower-cased and in concept form: no question, stop or
 * measure words. A word that is part of a hyphenated name ("GPT" of "GPT-4") carries that name.
 */
export function* topicWords(
  asked: string,
  measures: ReadonlySet<string> = new Set(),
): Generator<{ written: string; word: string; form: string; name?: string }> {
  // The library's words and the determiner before them are blanked, keeping every other word's place.
  const question = asked.replace(THE_LIBRARY, (phrase) =>
    phrase.replace(/\S+\s+\S+$/u, (end) => ' '.repeat(end.length)),
  );
  const names = hyphenatedNames(question);
  for (const match of question.matchAll(WORD)) {
    const word = match[0].toLowerCase().replace(/['’]s$/u, '');
    if (word.length < 2 && !/\p{N}/u.test(word)) continue;
    if (STOP_WORDS.has(word) || QUESTION_WORDS.has(word) || measures.has(word)) continue;
    const name = nameAt(names, match.index)?.text;
    yield { written: match[0], word, form: conceptForm(word), ...(name ? { name } : {}) };
  }
}

/**
 * The key concepts of a question with their weights: the IDF of the word's concept form when
 * concept statistics are given (the library's own words), else of its stem.
 */
export function questionConcepts(
  question: string,
  statistics: TermStatistics,
  conceptStatistics?: TermStatistics,
): Concept[] {
  const concepts = new Map<string, Concept>();
  const abbreviations = definedAbbreviations(question);
  const spelledOut = new Set([...abbreviations.values()].flat().map((w) => conceptForm(w)));
  const measures = new Set(
    [...question.matchAll(HOW_MUCH_COMPARATIVE)].flatMap((m) => [
      m[1]!.toLowerCase(),
      ...(/times/iu.test(m[0]) ? ['times'] : []),
    ]),
  );
  for (const { written, word, form, name } of topicWords(question, measures)) {
    if (concepts.has(form) || spelledOut.has(form)) continue;
    const [stats, key] = conceptStatistics ? [conceptStatistics, form] : [statistics, stem(word)];
    const longForm = abbreviations.get(word)?.map((w) => conceptForm(w));
    // An abbreviation is at least as common as either of its forms (its long form as its rarest
    // word), so it weighs the lesser of the two; it is known when either form is.
    const longKeys = (longForm ?? []).map((f) => (conceptStatistics ? f : stem(f)));
    const keys = [key, ...longKeys];
    const weight = longForm
      ? Math.min(
          inverseDocumentFrequency(stats, key),
          Math.max(...longKeys.map((k) => inverseDocumentFrequency(stats, k))),
        )
      : inverseDocumentFrequency(stats, key);
    const known = longForm ? keys.some((k) => stats.documentFrequency(k) > 0) : stats.documentFrequency(key) > 0;
    if (!known && DEGREE_WORDS.has(word)) continue;
    concepts.set(form, {
      word: written,
      form,
      weight,
      known,
      ...(longForm ? { longForm } : {}),
      ...(name ? { name } : {}),
    });
  }
  return [...concepts.values()];
}

/** Share of the concepts' weight whose words a text contains (0 when there are no concepts). */
export function conceptCoverage(concepts: readonly Concept[], forms: ReadonlySet<string>): number {
  let total = 0;
  let found = 0;
  for (const concept of concepts) {
    total += concept.weight;
    if (holds(forms, concept)) found += concept.weight;
  }
  return total > 0 ? found / total : 0;
}

/** The concepts a text lacks, heaviest first. */
export function missingConcepts(concepts: readonly Concept[], forms: ReadonlySet<string>): Concept[] {
  return concepts.filter((c) => !holds(forms, c)).sort((a, b) => b.weight - a.weight);
}

/**
 * The names a question asks about ("GPT-4", "AlphaFold", "Llama-3.1": a word written as a name, or
 * joined to digits; "Fooformer": a word capitalised inside the question that no dictionary knows)
 * that no paper of the library uses. Not in a question written in capitals, where every word looks
 * like a name; not an abbreviation the question spells out ("MR-mammography (MRM)": its long form is
 * what is asked); not a code of fewer than three letters, which papers write in several ways ("V30M"
 * for "Val30Met").
 */
export function unknownNamesOf(question: string, concepts: readonly Concept[]): Concept[] {
  const capitals = question.match(/\p{Lu}/gu)?.length ?? 0;
  if (capitals > (question.match(/\p{Ll}/gu)?.length ?? 0)) return [];
  const bracketed = new Set([...question.matchAll(/\(([^()]{1,60})\)/gu)].flatMap((m) => m[1]!.split(/[\s,;]+/u)));
  const first = question.match(WORD)?.[0];
  return concepts.filter(
    (c) =>
      !c.known &&
      !c.longForm &&
      !bracketed.has(c.word) &&
      (c.word.match(/\p{L}/gu)?.length ?? 0) >= 3 &&
      (writtenAsName(c.word) || /\p{N}/u.test(c.name ?? '') || (c.word !== first && capitalisedName(c.word))),
  );
}

// A word written with a capital and then lower-case letters that no dictionary knows, lower-case or
// capitalised: "Fooformer", not "Transformer" nor a proper word WordNet lists ("English", "Bayesian",
// "Markov", "Poisson", "Europe"), nor a misspelling that is read (question-spelling.ts). A name
// WordNet lacks ("Kalman", "Samsung"), or lists only among people, gods or stars ("Claude",
// "Gemini"; see build-english-words.ts), stays one. The English words are read only for such a word;
// without them, none is.
function capitalisedName(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  const english = englishWordsIfReadable();
  return english !== undefined && !isEnglishWord(word.toLowerCase(), english) && !isEnglishWord(word, english);
}
