// Misspelt words of a question read as the library words they are one typing slip from ("decodng" →
// "decoding"), so that a typo does not make the library look as if it held no answer. Every reading
// is reported (`readingNotice`, and `readings` in the response): a researcher is never silently
// answered another question. A word with no library word that close, or an English word the library
// lacks ("mortality" is not "morality"), is left as written, and abstains as before. The library's
// words come with its concept statistics (concept-statistics.ts); the English words from WordNet
// (english-words.ts).
import { STOP_WORDS, stem } from '../../indexer/text/analyze.ts';
import { englishWordsIfReadable, isEnglishWord } from '../english/english-words.ts';
import type { TermStatistics } from '../verify/term-statistics.ts';
import type { SpellingReading } from './answer.schema.ts';
import type { LibraryVocabulary } from './library-vocabulary.ts';
import { conceptForm } from './question-concepts.ts';
import { typingSlips } from './typing-slips.ts';
import { hyphenatedNames, nameAt, writtenAsName } from './written-names.ts';

/**
 * Measured on the eval sets' questions (PubMedQA, Cranfield, CISI) asked of their own libraries and of
 * each other's (README, "Answers"). With any one edit from five letters and two from eight, PubMedQA's
 * own questions had 15 words read as others ("dangerous" as "cancerous", "smell" as "small") and no
 * misspelling; with these settings, the own libraries' 801 questions have 4 readings, all misspellings
 * ("prospcts", "abstreact", "suybsystem", "compuyter"), and 1,602 off-topic questions had 31 (26
 * other words, mostly "mortality" as "morality" on CISI's library). Leaving English words as written
 * (english-words.ts) keeps the 4 and leaves 5 off-topic readings, all misspellings; no eval-ask
 * figure moved either time.
 */
export const SPELLING_DEFAULTS = {
  /** Shorter words are never read as another: a slip from them is as often another word ("layers", "lawyers"). */
  minLength: 7,
  /** Most slips between a word and the library word it is read as (two read "iteration" as "interaction"). */
  maxSlips: 1,
};
export type SpellingOptions = typeof SPELLING_DEFAULTS;

/** What reading a question needs from the library. */
export type SpellingLibrary = {
  vocabulary: LibraryVocabulary;
  /** Keyword (stemmed) statistics: a word whose stem a paper uses is a form of a library word, not a typo. */
  statistics: TermStatistics;
  /** Concept-form statistics: a word whose form a paper uses is known. */
  concepts?: TermStatistics | undefined;
};

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const LETTERS = /^\p{L}+$/u;

// The library word a question's word misspells, or null: only a lower-case run of letters of seven or
// more (never a name, a code or a part of "GPT-4") that no paper uses in any form and that is no English
// word (nor an inflection of one: "defenders"), and only as a word of another stem ("transformer" is
// not read as "transformed", a word of its own that the library lacks).
function readingOf(written: string, library: SpellingLibrary, options: SpellingOptions): string | null {
  if (!LETTERS.test(written) || writtenAsName(written)) return null;
  const word = written.toLowerCase();
  if (word.length < options.minLength || STOP_WORDS.has(word)) return null;
  if (library.vocabulary.documentFrequency(word) > 0) return null;
  if ((library.concepts?.documentFrequency(conceptForm(word)) ?? 0) > 0) return null;
  const root = stem(word);
  if (library.statistics.documentFrequency(root) > 0) return null;
  const match = library.vocabulary.nearest(word, options.maxSlips, typingSlips);
  if (!match || match.distance === 0 || stem(match.word) === root) return null;
  // Checked last, so the English words are read only when a word would otherwise be read as another.
  // Without them (the list cannot be read, englishWordsIfReadable says why once) no word is read.
  const english = englishWordsIfReadable();
  if (!english || isEnglishWord(word, english)) return null;
  return match.word;
}

// The library word written as the question wrote its misspelling: "Decodng" → "Decoding".
function inCaseOf(written: string, word: string): string {
  return /^\p{Lu}/u.test(written) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/**
 * The question with its misspelt words read as the library words they are closest to, and the
 * readings made (each word once, in the order the question writes them).
 */
export function readQuestion(
  question: string,
  library: SpellingLibrary,
  options: Partial<SpellingOptions> = {},
): { question: string; readings: SpellingReading[] } {
  const settings = { ...SPELLING_DEFAULTS, ...options };
  const names = hyphenatedNames(question);
  const readings: SpellingReading[] = [];
  const read = question.replace(WORD, (written, offset: number) => {
    if (nameAt(names, offset)) return written;
    const word = readingOf(written, library, settings);
    if (!word) return written;
    const readAs = inCaseOf(written, word);
    if (!readings.some((r) => r.written === written)) readings.push({ written, readAs });
    return readAs;
  });
  return { question: read, readings };
}

/** The notice that says how the question was read: 'Read "decodng" as "decoding".' */
export function readingNotice(readings: readonly SpellingReading[]): string | null {
  if (readings.length === 0) return null;
  const each = readings.map((r) => `"${r.written}" as "${r.readAs}"`);
  const list = each.length === 1 ? each[0] : `${each.slice(0, -1).join(', ')} and ${each.at(-1)}`;
  return `Read ${list}.`;
}
