// How much of a question is about what no paper of the library uses: the share of its key-concept
// weight carried by unknown words; and the runs of English words no paper uses, each read for its
// place in the question: a part of something else it asks about, after a possessive ("their
// knowledge base"), which the papers may say in other words; the question's own subject or object,
// opening it or after a determiner ("Do electric cars…", "…leak the knowledge base?"), of which a
// paper that never names it says nothing; or words anywhere else, which count one by one. And the
// single such words that are the question's subject or object ("Do whales…", "…work for whales?").
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

// Before a phrase that stands as the question's subject or object: the question's opening auxiliary,
// after a wh-word or not, and an optional article ("Do electric cars…", "How does the electric
// car…"); or a determiner ("…leak the knowledge base?", "…raise any tax returns?"). Not "that",
// which as often opens a clause ("modularity that survives heavy finetuning").
const OPENING_SUBJECT =
  /^\s*(?:(?:how|what|why|which|when)\s+)?(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have)\s+(?:(?:the|a|an)\s+)?$/iu;
const SUBJECT_BEFORE = [OPENING_SUBJECT, /\b(?:a|an|the|this|these|those|some|any|no|each|every|another|such)\s+$/iu];

/**
 * Where a phrase stands in the question. `part`: a part of something else the question names, after
 * a possessive ("their knowledge base", "the system's knowledge base"). `subject`: the question's
 * subject or object, right after its opening auxiliary ("Do electric cars…", "Does the electric
 * car…") or a determiner ("…leak the knowledge base?"). `other`: anywhere else ("…fast enough for
 * everyday use?", "…leak knowledge base?", "…leak tax returns?"), where the words around it do not
 * tell what it is; its words count one by one.
 */
export type PhraseRole = 'part' | 'subject' | 'other';

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

// An adverb of manner ("reliably", "quickly", "easily", "automatically"): "-ly" on an English word
// ("reliable", "quick", "easy", "automatic"). It says how a verb acts, so it ends a phrase the words
// before it make and never joins one ("…with a click reliably?": "click" alone, no phrase "click
// reliably"); one that comes first may qualify the phrase's words ("weekly dose").
// The base must be a word of its own, four letters or more ("reply" is no "rep" + "-ly"; "supply" no "supple").
function adverbOfManner(word: string, english: ReadonlySet<string>): boolean {
  if (!/\p{L}{4}ly$/u.test(word)) return false;
  const bases = [word.slice(0, -2), `${word.slice(0, -3)}y`, word.slice(0, -4)];
  if (word.endsWith('bly')) bases.push(`${word.slice(0, -1)}e`);
  return bases.some((base) => base.length >= 4 && english.has(base));
}

// Where a phrase that starts at `start` stands in the question (PhraseRole), from the words before it.
function roleOf(question: string, start: number): PhraseRole {
  const before = question.slice(0, start);
  if (POSSESSIVE_BEFORE.test(before)) return 'part';
  return SUBJECT_BEFORE.some((pattern) => pattern.test(before)) ? 'subject' : 'other';
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
  const close = () => {
    const words = [...new Set(run)];
    if (words.length > 1)
      phrases.push({
        words,
        text: question.slice(start, lastEnd),
        role: roleOf(question, start),
      });
    run = [];
  };
  for (const match of question.matchAll(WORD)) {
    const word = match[0].toLowerCase().replace(/['’]s$/u, '');
    const concept = byWord.get(word);
    const joined =
      run.length > 0 && WITHIN_PHRASE.test(question.slice(lastEnd, match.index)) && !adverbOfManner(word, english);
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

// Before a last word that is the object the question asks about: a preposition of what or whom, or a
// determiner ("…work for whales?", "…generate images of volcanoes?", "…raise any taxes?"); not one of
// means or comparison ("…with a click?", "…by hand?", "…than humans?"), whose noun papers put otherwise.
const OBJECT_BEFORE = /\b(?:of|for|in|on|to|into|onto|against|among|the|this|these|those|some|any|each|every)\s+$/iu;
// Nouns of set phrases, which name no object: "in practice", "at scale", "on average", "in vivo".
const SET_PHRASE_NOUNS = new Set(
  'practice general average theory principle total default time scale all particular fact advance parallel isolation detail depth vivo vitro silico situ'.split(
    ' ',
  ),
);

/**
 * The single English words no paper uses (not a name, not a word of a phrase of `phrases`, not an
 * adverb) that stand as the question's subject or object: heading the noun phrase after its opening
 * auxiliary and an optional article ("Do whales raise…?", "Does the scooter raise…?": the next word
 * is no topic word; not "Does the rapid model…"), or ending a question of one sentence after a
 * preposition of what or whom or a determiner ("…work for whales?"). A paper that never names such a
 * word says nothing of it, however little it weighs beside the rest; a word in the middle of the
 * question ("…with a click quite well?") is weighed as before.
 */
export function unknownSubjects(
  question: string,
  concepts: readonly Concept[],
  phrases: readonly EnglishPhrase[] = [],
): Concept[] {
  const inPhrase = new Set(phrases.flatMap((p) => p.words));
  const unknown = concepts.filter((c) => unknownWord(c) && !inPhrase.has(c));
  if (unknown.length === 0) return [];
  const english = englishWordsIfReadable();
  if (!english) return [];
  const byWord = new Map(
    unknown
      .filter((c) => isEnglishWord(plainWord(c), english) && !adverbOfManner(plainWord(c), english))
      .map((c) => [plainWord(c), c] as const),
  );
  if (byWord.size === 0) return [];
  const topic = new Set(concepts.map(plainWord));
  const words = [...question.matchAll(WORD)];
  // The last word is the question's object only in a text of one sentence: a description of several
  // (CISI's queries) ends where it likes.
  const oneSentence = !/[.!?;]\s+\S/u.test(question.trim());
  const found = new Set<Concept>();
  words.forEach((match, i) => {
    const concept = byWord.get(match[0].toLowerCase().replace(/['’]s$/u, ''));
    if (!concept) return;
    const before = question.slice(0, match.index);
    const next = words[i + 1]?.[0].toLowerCase().replace(/['’]s$/u, '');
    const heads = next === undefined || !topic.has(next);
    const subject = heads && OPENING_SUBJECT.test(before);
    const object =
      oneSentence && next === undefined && OBJECT_BEFORE.test(before) && !SET_PHRASE_NOUNS.has(plainWord(concept));
    if (subject || object) found.add(concept);
  });
  return [...found];
}
