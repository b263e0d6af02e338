// How much of a question is about what no paper of the library uses: the share of its key-concept
// weight carried by unknown words; and the runs of English words no paper uses that the question
// writes as a part of something else it asks about ("their knowledge base"), which the papers may
// say in other words and so may count as one unknown word. A name ("Fooformer"), English words the
// question writes apart, and a run that is a thing of its own ("climate change", "tax returns") each
// count whole.
import { englishWordsIfReadable, isEnglishWord } from './english-words.ts';
import { type Concept, writtenAsName } from './question-concepts.ts';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
// Between two words of one phrase: spaces or a hyphen ("knowledge base", "knowledge-base"), no comma.
const WITHIN_PHRASE = /^[\s\-‐‑]+$/u;
// What makes a phrase a part of something the question names: a possessive before it ("their
// knowledge base", "the system's knowledge base"); not a contraction ("What's tax fraud doing…",
// "it's", "there's": "is" or "has", or "let's").
const POSSESSIVE_BEFORE =
  /(?:\b(?:their|its|his|her|our|your|my|whose)|\p{L}(?<!\b(?:what|that|it|there|here|let|who|where|when|why|how|he|she))['’]s?)\s+$/iu;

/** A run of two or more neighbouring English words of the question that no paper uses. */
export type EnglishPhrase = {
  /** Its distinct words' concepts, in order. */
  words: readonly Concept[];
  /** As the question writes it ("knowledge base"). */
  text: string;
  /** Written as a part of something else the question names, after a possessive ("their knowledge base"). */
  possessed: boolean;
};

/**
 * Share of the concepts' weight carried by words no paper of the library uses (0 when there are no
 * concepts); a word of one of `phrases` weighs its share of the phrase, so the phrase weighs as one word.
 */
export function unknownShare(concepts: readonly Concept[], phrases: readonly EnglishPhrase[] = []): number {
  const sizes = new Map(phrases.flatMap((p) => p.words.map((word) => [word, p.words.length] as const)));
  let total = 0;
  let unknown = 0;
  for (const concept of concepts) {
    const weight = concept.weight / (sizes.get(concept) ?? 1);
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
 * The runs of two or more neighbouring English words of the question that no paper uses, in the
 * question's order. Reads the English word list; without it (it cannot be read), none, so every
 * unknown word counts whole.
 */
export function englishPhrases(question: string, concepts: readonly Concept[]): EnglishPhrase[] {
  const phrases: EnglishPhrase[] = [];
  const english = englishWordsIfReadable();
  if (!english) return phrases;
  const byWord = new Map(
    concepts
      .filter((c) => unknownEnglish(c, english))
      .map((c) => [c.word.toLowerCase().replace(/['’]s$/u, ''), c] as const),
  );
  if (byWord.size < 2) return phrases;
  let run: Concept[] = [];
  let start = -1;
  let lastEnd = -1;
  const close = () => {
    const words = [...new Set(run)];
    if (words.length > 1)
      phrases.push({
        words,
        text: question.slice(start, lastEnd),
        possessed: POSSESSIVE_BEFORE.test(question.slice(0, start)),
      });
    run = [];
  };
  for (const match of question.matchAll(WORD)) {
    const concept = byWord.get(match[0].toLowerCase().replace(/['’]s$/u, ''));
    const joined = run.length > 0 && WITHIN_PHRASE.test(question.slice(lastEnd, match.index));
    if (!concept || !joined) close();
    if (concept) {
      if (run.length === 0) start = match.index;
      run.push(concept);
    }
    lastEnd = match.index + match[0].length;
  }
  close();
  return phrases;
}
