// A question's word that no paper uses, read by a word of its family that papers do use: an adverb
// by its adjective ("mainly" by "main"), a verb by its noun ("phagocytose" by "phagocytosis",
// "agree" by "agreement", "regulate" by "regulation"). Only these regular derivations: a family is
// never guessed from a shared start ("transformer" is no "transformation").
import { stem } from '../../indexer/text/analyze.ts';
import { inverseDocumentFrequency, type TermStatistics } from '../verify/term-statistics.ts';
import { type Concept, conceptForm } from './question-concepts.ts';

/** A verb's ending and the ending of its noun, each tried on a verb no paper uses. */
const VERB_TO_NOUN: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=\p{L}{4})ose$/u, 'osis'],
  [/(?<=\p{L}{3})ate$/u, 'ation'],
  [/(?<=\p{L}{3})ize$/u, 'ization'],
  [/(?<=\p{L}{3})ify$/u, 'ification'],
  [/(?<=\p{L}{4})$/u, 'ment'],
];

/**
 * The words of a word's family it may be read by: for an adverb in "-ly", its adjective of four
 * letters or more ("mainly" → "main", "readily" → "ready"); for a verb, its nouns ("phagocytose" →
 * "phagocytosis", "agree" → "agreement"). A word is read by them only when papers use them
 * (withFamilyWords), so a noun in "-ly" ("supply", "family") finds no "supp" or "fami".
 */
export function familyWords(word: string): string[] {
  const lower = word.toLowerCase();
  if (!/^\p{Ll}+$/u.test(lower)) return [];
  if (/\p{L}{4}ly$/u.test(lower)) return lower.endsWith('ily') ? [`${lower.slice(0, -3)}y`] : [lower.slice(0, -2)];
  return VERB_TO_NOUN.filter(([ending]) => ending.test(lower)).map(([ending, noun]) => lower.replace(ending, noun));
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
      if (stats.documentFrequency(key) > 0)
        return { ...concept, known: true, relative: form, weight: inverseDocumentFrequency(stats, key) };
    }
    return concept;
  });
}
