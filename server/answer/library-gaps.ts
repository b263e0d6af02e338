// Why the library holds no answer to a question, read before any sentence is chosen: a name no
// paper uses, a kind of thing no paper mentions, words no paper uses, or too little of the question
// in the closest paper; and what an answer leaves aside: a phrase no paper uses ("their knowledge
// base") or a last word ("…run on phones?"), or, for an answer quoted from papers that each hold a
// part of the question, that none connects the parts. Each says what is missing.

import { type Concept, conceptName, conceptNames, unknownNamesOf } from './question-concepts.ts';
import { askedKindWord } from './question-type.ts';
import type { SelectionOptions } from './selection-settings.ts';
import {
  type EnglishPhrase,
  englishPhrases,
  unknownObject,
  unknownQualifiers,
  unknownShare,
  unknownSubjects,
} from './unknown-share.ts';

/** A source's share of the question's key concepts, and the concepts it lacks (sourceCoverage). */
type Covered = { coverage: number; missing: readonly Concept[] };

/** The settings read, and `needed`: the share of its key concepts the question needs in one paper. */
type GapSettings = Pick<
  SelectionOptions,
  'minCoverageBesideKind' | 'minCoverageBesidePhrase' | 'maxUnknownShare' | 'minConceptCoverage'
> & {
  needed: number;
};

/**
 * What libraryGap finds: why the library holds no answer (`reason`), or the phrases and words of the
 * question no paper uses that an answer from the rest leaves aside (`unused`, as the question writes
 * them; see unusedPhraseNotice).
 */
export type LibraryGap = { reason: string } | { unused: readonly string[] };

// A hyphenated name is named whole, once ("GPT-4", not "GPT", "4").
const quoted = (words: readonly Concept[]) =>
  conceptNames(words)
    .slice(0, 3)
    .map((name) => `"${name}"`)
    .join(', ');

// Phrases as the question writes them ("knowledge base").
const quotedPhrases = (phrases: readonly EnglishPhrase[]) => phrases.map((p) => `"${p.text}"`).join(', ');

/** The largest share of the question's key concepts but those `left` that one paper holds. */
function restCoverage(concepts: readonly Concept[], left: readonly Concept[], covered: readonly Covered[]): number {
  const rest = concepts.filter((c) => !left.includes(c));
  const total = rest.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return 0;
  const held = ({ missing }: Covered) =>
    rest.filter((c) => !missing.includes(c)).reduce((sum, c) => sum + c.weight, 0) / total;
  return Math.max(0, ...covered.map(held));
}

/**
 * Why the library holds no answer to the question, or what an answer leaves aside, or null when its
 * closest papers may hold all of it.
 */
export function libraryGap(
  question: string,
  concepts: readonly Concept[],
  covered: readonly Covered[],
  settings: GapSettings,
): LibraryGap | null {
  const phrases = englishPhrases(question, concepts);
  // The phrases that keep a question whose unknown words weigh too much from abstaining, if any.
  const parts =
    unknownShare(concepts) > settings.maxUnknownShare ? partPhrases(phrases, concepts, covered, settings) : null;
  const reason = gapReason(question, concepts, covered, settings, { phrases, parts });
  if (reason !== null) return { reason };
  // "Does RecGPT-Mobile run on phones?": a last word no paper uses may be what a paper says in other
  // words ("mobile devices"), so the answer is about the rest and says it leaves the word aside.
  const object = unknownObject(question, concepts, phrases);
  const unused = [...(parts ?? []).map((p) => p.text), ...(object ? [conceptName(object)] : [])];
  return unused.length > 0 ? { unused } : null;
}

// "Do RAG systems leak their knowledge base?": a library that never says "knowledge base" may say
// "retrieved documents". A run of English words no paper uses that the question writes as a part of
// something it names, after a possessive, counts as one unknown word, not two of the rarest, when one
// paper holds nearly all of the rest of the question; the answer then says it leaves the phrase
// aside. Any other run counts word by word: bare, "Do RAG systems leak knowledge base?" may as well
// ask about a thing of its own ("…leak tax fraud?"), which a paper that never names it says nothing of.
function partPhrases(
  phrases: readonly EnglishPhrase[],
  concepts: readonly Concept[],
  covered: readonly Covered[],
  settings: GapSettings,
): EnglishPhrase[] {
  const parts = phrases.filter((p) => p.role === 'part');
  if (parts.length === 0 || unknownShare(concepts, parts) > settings.maxUnknownShare) return [];
  const left = parts.flatMap((p) => p.words);
  return restCoverage(concepts, left, covered) >= settings.minCoverageBesidePhrase ? parts : [];
}

// Why the library holds no answer, checked in this order. `phrases` are the question's runs of English
// words no paper uses; `parts` is null when its unknown words weigh little, else the phrases among
// them an answer may leave aside (partPhrases).
function gapReason(
  question: string,
  concepts: readonly Concept[],
  covered: readonly Covered[],
  settings: GapSettings,
  { phrases, parts }: { phrases: readonly EnglishPhrase[]; parts: readonly EnglishPhrase[] | null },
): string | null {
  // A name the question asks about that no paper uses: whatever else the closest paper shares with
  // the question, it is not about that.
  const unknownNames = unknownNamesOf(question, concepts);
  if (unknownNames.length > 0)
    return `The library holds no answer: no paper in it mentions ${quoted(unknownNames)}, which the question asks about.`;
  // "Which optimizer is best for training diffusion models?": a library in which no paper mentions an
  // optimizer names none, when its closest paper shares only part of the rest ("diffusion"). A paper
  // that holds nearly all of the rest answers in its own words ("Which algorithm runs ternary
  // networks on consumer CPUs?": Litespark never says "algorithm").
  const kind = askedKindWord(question)?.toLowerCase();
  const unknownKind = kind === undefined ? undefined : concepts.find((c) => !c.known && c.word.toLowerCase() === kind);
  if (unknownKind && restCoverage(concepts, [unknownKind], covered) < settings.minCoverageBesideKind)
    return `The library holds no answer: the question asks which ${conceptName(unknownKind)}, and no paper in it mentions ${quoted([unknownKind])}.`;
  // Words no paper uses carry much of the question, and none is a phrase an answer may leave aside.
  if (parts?.length === 0)
    return `The library holds no answer: much of what the question asks about (${quoted(concepts.filter((c) => !c.known))}) occurs in none of its papers.`;
  // "Do electric cars raise the word error rate of speech recognition?": the question's subject or
  // object (opening it, or after a determiner) is a phrase no paper uses, however little it weighs
  // beside the rest (here 35%): the closest paper's "accents raised the word error rate" says nothing
  // of electric cars.
  const absent = phrases.filter((p) => p.role === 'subject');
  if (absent.length > 0)
    return `The library holds no answer: no paper in it uses ${quotedPhrases(absent)}, which the question asks about.`;
  // "Do whales raise the word error rate of speech recognition?": one word no paper uses that heads
  // the question's subject (unknownSubjects).
  const absentWords = unknownSubjects(question, concepts, phrases);
  if (absentWords.length > 0)
    return `The library holds no answer: no paper in it mentions ${quoted(absentWords)}, which the question asks about.`;
  // "Does trastuzumab resistance arise in gastric cancer?": a library on breast cancer answers a
  // neighbouring question; the word that says where or among whom is asked (unknownQualifiers) is in no paper.
  const qualifiers = unknownQualifiers(question, concepts, phrases);
  if (qualifiers.length > 0)
    return `The library holds no answer: no paper in it mentions ${quoted(qualifiers)}, which the question asks about; its papers answer a neighbouring question at most.`;
  const best = Math.max(...covered.map((c) => c.coverage));
  const { needed } = settings;
  if (best >= needed) return null;
  const words = quoted(covered.find((c) => c.coverage === best)!.missing);
  const of = needed < settings.minConceptCoverage ? ` for a question of ${concepts.length} key concepts` : '';
  return best > 0
    ? `The library holds no answer: even the closest paper lacks what the question asks about (${words}); it holds ${Math.round(best * 100)}% of the question's key concepts, and ${Math.round(needed * 100)}% is needed${of}.`
    : `The library holds no answer: no paper it found holds any of what the question asks about (${words}).`;
}

/**
 * The notice for an answer whose quoted papers each hold a part of the question that no paper holds
 * together (unconnectedParts): the answer says what each part is, and not how they bear on each other.
 */
export function unconnectedNotice([first, second]: readonly [readonly Concept[], readonly Concept[]]): string {
  return `No paper in the library connects ${quoted(first)} with ${quoted(second)}: the answer quotes papers that hold one or the other, and none says how the two bear on each other.`;
}

/** The notice for an answer that leaves aside phrases or words of the question no paper uses (LibraryGap's `unused`). */
export function unusedPhraseNotice(unused: readonly string[]): string {
  const named = unused.map((text) => `"${text}"`).join(', ');
  return `No paper in the library uses ${named}: the answer is about the rest of the question, and draws no conclusion about ${unused.length > 1 ? 'them' : 'it'}.`;
}
