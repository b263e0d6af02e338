// How much of a question is about what no paper of the library uses: the share of its key-concept
// weight carried by unknown words. A run of English words no paper uses ("knowledge base") names one
// thing the papers may say in other words, so it counts as one unknown word; a name ("Fooformer"),
// and English words the question writes apart, each count whole.
import { englishWordsIfReadable, isEnglishWord } from './english-words.ts';
import { type Concept, writtenAsName } from './question-concepts.ts';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
// Between two words of one phrase: spaces or a hyphen ("knowledge base", "knowledge-base"), no comma.
const WITHIN_PHRASE = /^[\s\-‐‑]+$/u;

/** For each word of an unknown English phrase, the number of words in the phrase, which divides its weight in the share. */
export type PhraseSizes = ReadonlyMap<Concept, number>;

/**
 * Share of the concepts' weight carried by words no paper of the library uses (0 when there are no
 * concepts); a word of an unknown English phrase (`phrases`, see englishPhrases) weighs its share of
 * the phrase.
 */
export function unknownShare(concepts: readonly Concept[], phrases: PhraseSizes = new Map()): number {
  let total = 0;
  let unknown = 0;
  for (const concept of concepts) {
    const weight = concept.weight / (phrases.get(concept) ?? 1);
    total += weight;
    if (!concept.known) unknown += weight;
  }
  return total > 0 ? unknown / total : 0;
}

// An unknown concept that is an English word as the question writes it: lower-case letters (or a
// capital first), not a name nor part of one, and in the English word list or an inflection of it.
function unknownEnglish(concept: Concept, english: ReadonlySet<string>): boolean {
  if (concept.known || concept.longForm || concept.name || writtenAsName(concept.word)) return false;
  const word = concept.word.toLowerCase().replace(/['’]s$/u, '');
  return /^\p{L}+$/u.test(word) && isEnglishWord(word, english);
}

/**
 * The runs of two or more neighbouring English words of the question that no paper uses, as the
 * number of distinct words in each word's run. Reads the English word list; without it (it cannot
 * be read), none, so every unknown word counts whole as before.
 */
export function englishPhrases(question: string, concepts: readonly Concept[]): Map<Concept, number> {
  const sizes = new Map<Concept, number>();
  const english = englishWordsIfReadable();
  if (!english) return sizes;
  const byWord = new Map(
    concepts
      .filter((c) => unknownEnglish(c, english))
      .map((c) => [c.word.toLowerCase().replace(/['’]s$/u, ''), c] as const),
  );
  if (byWord.size < 2) return sizes;
  let run: Concept[] = [];
  let lastEnd = -1;
  const close = () => {
    const distinct = new Set(run);
    if (distinct.size > 1) for (const concept of distinct) sizes.set(concept, distinct.size);
    run = [];
  };
  for (const match of question.matchAll(WORD)) {
    const concept = byWord.get(match[0].toLowerCase().replace(/['’]s$/u, ''));
    const joined = run.length > 0 && WITHIN_PHRASE.test(question.slice(lastEnd, match.index));
    if (!concept || !joined) close();
    if (concept) run.push(concept);
    lastEnd = match.index + match[0].length;
  }
  close();
  return sizes;
}
