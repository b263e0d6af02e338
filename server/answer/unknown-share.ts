// How much of a question is about what no paper of the library uses: the share of its key-concept
// weight carried by unknown words; and the runs of English words no paper uses, each read for its
// place in the question: a part of something else it asks about, after a possessive ("their
// knowledge base"), which the papers may say in other words; the question's own subject or object,
// opening it or after a determiner ("Do electric cars…", "…leak the knowledge base?"), of which a
// paper that never names it says nothing; or words anywhere else, which count one by one. And the
// single such words that head the question's subject ("Do whales…") or end it as its object
// ("…work for whales?").
import { englishWordsIfReadable, isEnglishWord } from '../english/english-words.ts';
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
// after a wh-word or not, with or without "not" (contractions are written out first: "Doesn't" is
// "Does not", "Can't" is "Cannot"), and an optional article ("Do electric cars…", "How does the
// electric car…", "Does not the scooter…"); or a determiner ("…leak the knowledge base?", "…raise
// any tax returns?"). Not "that", which as often opens a clause ("modularity that survives heavy finetuning").
const OPENING_SUBJECT =
  /^\s*(?:(?:how|what|why|which|when)\s+)?(?:(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have)(?:\s+not)?|cannot)\s+(?:(?:the|a|an)\s+)?$/iu;
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
// The base must be a word of its own, four letters or more ("reply" is no "rep" + "-ly"; "supply" no
// "supple"), of the form the ending asks for: "-ily" from "-y", "-ally" from "-al" or "-ic", "-ably"
// and "-ibly" from "-able" and "-ible" ("butterfly" is no "buttery" + "-ly", "assembly" no "assemble").
// An adjective made of a noun and "-ly" ("elderly", "friendly", "costly") is no adverb.
const NOUN_LY_ADJECTIVES = new Set(
  'elderly orderly friendly costly lovely lonely deadly timely scholarly worldly earthly cowardly ghostly heavenly'.split(
    ' ',
  ),
);
/** Whether a word is an adverb of manner: "-ly" on an English word ("reliably", "publicly"). */
export function adverbOfManner(word: string, english: ReadonlySet<string>): boolean {
  if (!/\p{L}{4}ly$/u.test(word) || NOUN_LY_ADJECTIVES.has(word)) return false;
  const bases = [word.slice(0, -2)];
  if (word.endsWith('ily')) bases.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ally')) bases.push(word.slice(0, -4));
  if (/[ai]bly$/u.test(word)) bases.push(`${word.slice(0, -1)}e`);
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
  'practice general average theory principle total default time scale all particular fact advance parallel isolation detail depth vivo vitro silico situ place'.split(
    ' ',
  ),
);

// The unknown concepts that are single English words no paper uses: not a name, not a word of a
// phrase of `phrases`, not an adverb; keyed by the word as the question writes it.
function unknownEnglishWords(concepts: readonly Concept[], phrases: readonly EnglishPhrase[]): Map<string, Concept> {
  const inPhrase = new Set(phrases.flatMap((p) => p.words));
  const unknown = concepts.filter((c) => unknownWord(c) && !inPhrase.has(c));
  const english = unknown.length > 0 ? englishWordsIfReadable() : undefined;
  if (!english) return new Map();
  return new Map(
    unknown
      .filter((c) => isEnglishWord(plainWord(c), english) && !adverbOfManner(plainWord(c), english))
      .map((c) => [plainWord(c), c] as const),
  );
}

const wordOf = (match: RegExpMatchArray) => match[0].toLowerCase().replace(/['’]s$/u, '');

/** A word of the question that is a single English word no paper uses, where it stands, and the word after it. */
type UnknownWordAt = { concept: Concept; at: number; next: string | undefined };

// The question's words, in order, that are single English words no paper uses (unknownEnglishWords).
function unknownWordsAt(
  question: string,
  concepts: readonly Concept[],
  phrases: readonly EnglishPhrase[],
): UnknownWordAt[] {
  const byWord = unknownEnglishWords(concepts, phrases);
  if (byWord.size === 0) return [];
  const words = [...question.matchAll(WORD)];
  return words.flatMap((match, i) => {
    const concept = byWord.get(wordOf(match));
    const next = words[i + 1];
    return concept ? [{ concept, at: match.index, next: next && wordOf(next) }] : [];
  });
}

/**
 * The single English words no paper uses (not a name, not a word of a phrase of `phrases`, not an
 * adverb) that head the question's subject: right after its opening auxiliary, with or without
 * "not", and an optional article ("Do whales raise…?", "Does the scooter raise…?", "Does not the
 * scooter…?": the next word is no topic word; not "Does the rapid model…"). A paper that never names
 * its subject says nothing of it, however little the word weighs beside the rest.
 */
export function unknownSubjects(
  question: string,
  concepts: readonly Concept[],
  phrases: readonly EnglishPhrase[] = [],
): Concept[] {
  const topic = new Set(concepts.map(plainWord));
  const found = new Set<Concept>();
  for (const { concept, at, next } of unknownWordsAt(question, concepts, phrases)) {
    const heads = next === undefined || !topic.has(next);
    if (heads && OPENING_SUBJECT.test(question.slice(0, at))) found.add(concept);
  }
  return [...found];
}

// Before a word that names where or among whom the question asks ("…in gastric cancer?", "…isolates
// from chimpanzees…"): a preposition of place or population, with an optional article.
const QUALIFIER_BEFORE = /\b(?:in|from|among)\s+(?:(?:the|a|an)\s+)?$/iu;
// Nouns of set phrases after "in", "from" or "among", which say no place or population: "in
// addition", "from scratch", "among others" (besides SET_PHRASE_NOUNS).
const QUALIFIER_SET_PHRASE_NOUNS = new Set(
  'addition contrast turn short brief sum summary part order effect common question response return essence sequence tandem scratch others memory'.split(
    ' ',
  ),
);
// Umbrella and colloquial words for a broad group whose members papers name instead ("in rodents" of
// a paper on mice, "in youngsters" of one on adolescents, "among seniors"): no neighbouring condition,
// however no paper writes them. Words papers do write of their own subjects ("in children", "among
// women", "in patients", "in plants") stay conditions.
const GROUP_WORDS = new Set(
  'rodent rodents mammal mammals animal animals vertebrate vertebrates primate primates youngster youngsters youth youths teen teens kid kids elderly senior seniors people person persons individual individuals folk folks organism organisms creature creatures microbe microbes'.split(
    ' ',
  ),
);

/**
 * The single English words no paper uses (as for unknownSubjects) that name where or among whom the
 * question asks: right after "in", "from" or "among", with more of the question after them ("Does
 * trastuzumab resistance arise in gastric cancer?", "Can SIV isolates from chimpanzees use CXCR4?");
 * not a set phrase's noun ("in place", "in practice", "from scratch", "among others"), nor a word for
 * a broad group whose members papers name instead ("in rodents", "among youngsters"). A paper on breast cancer or on mangabeys
 * answers a neighbouring question, not this one. The question's last word is its object instead
 * ("Does speech recognition work in hospitals?": unknownObject), which papers may put in other words.
 */
export function unknownQualifiers(
  question: string,
  concepts: readonly Concept[],
  phrases: readonly EnglishPhrase[] = [],
): Concept[] {
  const found = new Set<Concept>();
  // Not the question's last word (its object: unknownObject).
  for (const { concept, at, next } of unknownWordsAt(question, concepts, phrases)) {
    if (next === undefined || !QUALIFIER_BEFORE.test(question.slice(0, at))) continue;
    const word = plainWord(concept);
    if (!SET_PHRASE_NOUNS.has(word) && !QUALIFIER_SET_PHRASE_NOUNS.has(word) && !GROUP_WORDS.has(word))
      found.add(concept);
  }
  return [...found];
}

/**
 * The single English word no paper uses (as for unknownSubjects) that ends a question of one
 * sentence after a preposition of what or whom or a determiner ("Does RecGPT-Mobile run on
 * phones?"), or undefined. Unlike a subject, such an object is often what the papers say in other
 * words ("mobile devices", "conversation"), so the answer is about the rest of the
 * question and says it leaves the word aside; a word in the middle of the question ("…with a click
 * quite well?") is weighed as the others are.
 */
export function unknownObject(
  question: string,
  concepts: readonly Concept[],
  phrases: readonly EnglishPhrase[] = [],
): Concept | undefined {
  // The last word is the question's object only in a text of one sentence: a description of several
  // (CISI's queries) ends where it likes.
  if (/[.!?;]\s+\S/u.test(question.trim())) return undefined;
  const last = [...question.matchAll(WORD)].at(-1);
  if (last === undefined || !OBJECT_BEFORE.test(question.slice(0, last.index))) return undefined;
  const concept = unknownEnglishWords(concepts, phrases).get(wordOf(last));
  return concept && !SET_PHRASE_NOUNS.has(plainWord(concept)) ? concept : undefined;
}
