// How much of a question is about what no paper of the library uses: the share of its key-concept
// weight carried by unknown words; and the runs of English words no paper uses, each read for its
// place in the question: a part of something else it asks about ("their knowledge base", or "leak
// knowledge base" with the possessive left out), which the papers may say in other words; what a
// preposition or a conjunction ties to another word ("in total knee arthroplasty"); or the
// question's own subject or object ("electric cars", "tax returns"), of which a paper that never
// names it says nothing.
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

// Before a phrase that a preposition or a conjunction ties to another word of the question ("risk of
// knee arthroplasty", "in diabetes and kidney failure"), whose place the words around it do not tell.
const ATTACHED_BEFORE =
  /(?:\b(?:of|in|on|at|for|with|by|from|to|into|onto|about|among|between|during|under|over|within|without|through|via|per|across|against|after|before|than|like|as|versus|vs|and|or|nor)|,)\s*$/iu;
// Before a phrase that a determiner opens ("the knowledge base", "a tax return"): not bare.
const DETERMINER_BEFORE = /\b(?:a|an|the|this|that|these|those|some|any|no|each|every|another|such)\s+$/iu;
// After a phrase that ends the question: only its closing punctuation.
const QUESTION_END = /^[\s?.!]*$/u;

/**
 * Where a phrase stands in the question. `part`: a part of something else the question names,
 * after a possessive ("their knowledge base", "the system's knowledge base"), or ending the question
 * bare and singular ("Do RAG systems leak knowledge base?"), as a writer who leaves out articles
 * types "their knowledge base". `attached`: after a preposition or a conjunction ("in total knee
 * arthroplasty", "passwords and tax returns"). `subject`: the question's subject or object ("Do
 * electric cars…", "…leak tax returns?").
 */
export type PhraseRole = 'part' | 'attached' | 'subject';

/** A run of two or more neighbouring English words of the question that no paper uses. */
export type EnglishPhrase = {
  /** Its distinct words' concepts, in order. */
  words: readonly Concept[];
  /** As the question writes it ("knowledge base"). */
  text: string;
  /** Where it stands in the question (see PhraseRole). */
  role: PhraseRole;
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

const plainWord = (concept: Concept) => concept.word.toLowerCase().replace(/['’]s$/u, '');

// An unknown concept that may be an English word as the question writes it: letters only (lower
// case, or a capital first), not a name nor part of one. Read before the English words are.
const unknownWord = (concept: Concept): boolean =>
  !concept.known &&
  !concept.longForm &&
  !concept.name &&
  !writtenAsName(concept.word) &&
  /^\p{L}+$/u.test(plainWord(concept));

// A plural English word ("returns", "cars", "classes"): an -s or -es whose base is English; not
// "base", "analysis", "class" or "status".
function plural(word: string, english: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase();
  if (!/[^isu]s$/u.test(lower)) return false;
  return [lower.slice(0, -1), ...(lower.endsWith('es') ? [lower.slice(0, -2)] : [])].some((base) => english.has(base));
}

// Where a phrase stands in the question (PhraseRole), from the words around it.
function roleOf(question: string, start: number, end: number, last: string, english: ReadonlySet<string>): PhraseRole {
  const before = question.slice(0, start);
  if (POSSESSIVE_BEFORE.test(before)) return 'part';
  if (ATTACHED_BEFORE.test(before)) return 'attached';
  const bare = !DETERMINER_BEFORE.test(before) && QUESTION_END.test(question.slice(end));
  return bare && !plural(last, english) ? 'part' : 'subject';
}

/**
 * The runs of two or more neighbouring English words of the question that no paper uses, in the
 * question's order. Reads the English word list; without it (it cannot be read), none, so every
 * unknown word counts whole.
 */
export function englishPhrases(question: string, concepts: readonly Concept[]): EnglishPhrase[] {
  const phrases: EnglishPhrase[] = [];
  // Most questions have fewer than two unknown words: the English words are not read for them.
  const unknown = concepts.filter(unknownWord);
  if (unknown.length < 2) return phrases;
  const english = englishWordsIfReadable();
  if (!english) return phrases;
  const byWord = new Map(
    unknown.filter((c) => isEnglishWord(plainWord(c), english)).map((c) => [plainWord(c), c] as const),
  );
  if (byWord.size < 2) return phrases;
  let run: Concept[] = [];
  let start = -1;
  let lastEnd = -1;
  let lastWord = '';
  const close = () => {
    const words = [...new Set(run)];
    if (words.length > 1)
      phrases.push({
        words,
        text: question.slice(start, lastEnd),
        role: roleOf(question, start, lastEnd, lastWord, english),
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
    lastWord = match[0];
  }
  close();
  return phrases;
}
