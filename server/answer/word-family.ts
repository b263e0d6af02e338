// A question's word that no paper uses, read by a word of its family that papers do use: a verb by its
// noun ("phagocytose" by "phagocytosis", "agree" by "agreement", "regulate" by "regulation"), an
// adjective of a condition by the condition ("septic" by "sepsis"), a part of the body by the name of
// its removal ("stapes" by "stapedectomy"). Only these regular derivations: a family is never guessed
// from a shared start ("transformer" is no "transformation"). Never an adverb by its adjective: an
// adverb says how, not what about, and read as its adjective ("visually" as "visual", "numerically"
// as "numerical") it made questions on what the library lacks look covered by papers that merely use
// the adjective.
import { stem } from '../../indexer/text/analyze.ts';
import { inverseDocumentFrequency, type TermStatistics } from '../verify/term-statistics.ts';
import { englishWordsIfReadable } from './english-words.ts';
import { type Concept, conceptForm } from './question-concepts.ts';

/** A verb's ending and the ending of its noun, each tried on a verb no paper uses. */
const VERB_TO_NOUN: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=\p{L}{4})ose$/u, 'osis'],
  [/(?<=\p{L}{3})ate$/u, 'ation'],
  [/(?<=\p{L}{3})ize$/u, 'ization'],
  [/(?<=\p{L}{3})ify$/u, 'ification'],
];

// "agree" → "agreement": only a verb of five letters or more that is an English word ("peri" of
// "peri-operative" is none), and not one whose "-ment" noun means something else ("apart" →
// "apartment", "depart" → "department", "supple" → "supplement", "environ" → "environment").
const MENT_STEM = /^\p{L}{5,}$/u;
const OTHER_MEANING_MENT = new Set(
  'apart depart compart present second parch supple environ tempera testa canton battle content catch devil wonder better'.split(
    ' ',
  ),
);
// "septic" → "sepsis", "necrotic" → "necrosis", "metastatic" → "metastasis": an adjective of a
// condition and its noun; not one whose "-sis" noun means something else ("genetic" → "genesis",
// "synthetic" → "synthesis", "emphatic" → "emphasis", "static" → "stasis").
const CONDITION_ADJECTIVE = /(?<=\p{L}{3})tic$/u;
const OTHER_MEANING_SIS = new Set('genetic synthetic emphatic static kinetic critic poetic'.split(' '));
// "thyroid" → "thyroidectomy", "prostate" → "prostatectomy", "stapes" → "stapedectomy" (by its Latin
// stem, "stapedis"): a part of the body and the name of its removal, which papers on the operation use.
const REMOVAL_OF: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=\p{L}{4})$/u, 'ectomy'],
  [/(?<=\p{L}{4})e$/u, 'ectomy'],
  [/(?<=\p{L}{3})es$/u, 'edectomy'],
];
// An adverb in "-ly" ("mainly", "readily"), which is read by no other word; nor is a noun in "-ly" ("supply").
const ADVERB = /\p{L}{4}ly$/u;

/**
 * The words of a word's family it may be read by: for a verb, its nouns ("phagocytose" →
 * "phagocytosis", "agree" → "agreement"; "-ment" only on an English word of five letters or more,
 * checked against `english`, whose noun means the same); for an adjective in "-tic", the condition
 * in "-sis" ("septic" → "sepsis"); for a noun, its removal in "-ectomy" ("stapes" → "stapedectomy");
 * none for a word in "-ly" ("mainly", "supply"). A word is read by them only when papers use them
 * (withFamilyWords).
 */
export function familyWords(
  word: string,
  english: ReadonlySet<string> | undefined = englishWordsIfReadable(),
): string[] {
  const lower = word.toLowerCase();
  if (!/^\p{Ll}+$/u.test(lower)) return [];
  if (ADVERB.test(lower)) return [];
  const nouns = VERB_TO_NOUN.filter(([ending]) => ending.test(lower)).map(([ending, noun]) =>
    lower.replace(ending, noun),
  );
  const ment = MENT_STEM.test(lower) && english?.has(lower) === true && !OTHER_MEANING_MENT.has(lower);
  const condition = CONDITION_ADJECTIVE.test(lower) && !OTHER_MEANING_SIS.has(lower);
  const removal = REMOVAL_OF.filter(([ending]) => ending.test(lower)).map(([ending, name]) =>
    lower.replace(ending, name),
  );
  return [
    ...nouns,
    ...(ment ? [`${lower}ment`] : []),
    ...(condition ? [lower.replace(CONDITION_ADJECTIVE, 'sis')] : []),
    ...removal,
  ];
}

/**
 * The concepts with each word no paper uses that a word of its family stands for, when papers use
 * that word: known, weighed as that word, and held by a text that writes it (`relative`).
 * `conceptStatistics` are the library's concept forms (questionConcepts); without them, stems.
 */
export function withFamilyWords(
  concepts: readonly Concept[],
  statistics: TermStatistics,
  conceptStatistics?: TermStatistics,
): Concept[] {
  return concepts.map((concept) => {
    if (concept.known || concept.longForm || concept.name) return concept;
    for (const relative of familyWords(concept.word)) {
      const form = conceptForm(relative);
      const [stats, key] = conceptStatistics ? [conceptStatistics, form] : [statistics, stem(relative)];
      if (stats.documentFrequency(key) === 0) continue;
      return { ...concept, known: true, relative: form, weight: inverseDocumentFrequency(stats, key) };
    }
    return concept;
  });
}
