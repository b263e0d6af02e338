// The claim's specific words that a text never mentions: a name, the object of a comparison
// ("outperforms Whisper"), a setting ("in the Mobile Taobao app"), a measured quantity ("click-through
// rates"). A paper on the claim's topic that holds none of them does not address that part of it.
import { type Token, tokenize } from '../../indexer/index.ts';
import { definedAbbreviations } from '../../indexer/text/abbreviations.ts';
import { isGeneralWord } from '../search/general-words.ts';
import { citingWordsOf } from './citing-words.ts';
import { directionOf } from './claim-cues.ts';
import { type EvidenceProfile, INITIALISM_WORDS } from './evidence-profile.ts';
import { weakNullAt } from './judge/null-findings.ts';
import { inverseDocumentFrequency, type TermStatistics } from './term-statistics.ts';
import { foldedTerm, foldedTermsOf, isNumberWord } from './word-forms.ts';

/** What of a claim a text never mentions. */
export type Unaddressed = {
  /** The specific words of the claim (as written, in claim order) found nowhere in the text. */
  words: string[];
  /** Their share of the IDF weight of all the claim's content words (0 when none is missing). */
  share: number;
  /**
   * How many distinct terms the claim has, not counting the words that say who found it (a short claim
   * is one assertion; a long sentence may cite a paper for one part).
   */
  claimTerms: number;
};

/** How specific a word must be to count when missing: in at most this share of the library's papers… */
export const SPECIFIC_DOCUMENT_SHARE = 0.05;
/** …or in at most this many (a small library counts every word as rare). */
export const SPECIFIC_DOCUMENTS = 2;
/** How much of a word two terms must share from their start to be read as one word ("ceramicist", "ceramic"). */
const SHARED_START = { letters: 5, ofShorter: 0.8 } as const;

const COMPARED = 'compar';

/** Whether a term occurs in fewer papers than SPECIFIC_DOCUMENT_SHARE (or SPECIFIC_DOCUMENTS) of the library. */
export function isSpecificTerm(term: string, statistics: TermStatistics): boolean {
  const most = Math.max(SPECIFIC_DOCUMENTS, SPECIFIC_DOCUMENT_SHARE * statistics.documents);
  return statistics.documentFrequency(term) <= most;
}

// Whether two terms are inflections or derivations of one word: one begins the other, or both share
// most of the shorter one's letters from the start ("privat", "privaci").
function sameWord(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < SHARED_START.letters) return false;
  let shared = 0;
  while (shared < shorter && a[shared] === b[shared]) shared++;
  return shared >= SHARED_START.letters && shared >= SHARED_START.ofShorter * shorter;
}

function mentions(term: string, texts: readonly EvidenceProfile[]): boolean {
  for (const text of texts) {
    if (text.counts.has(term)) return true;
    if (term.length < SHARED_START.letters || !text.prefixes.has(term.slice(0, SHARED_START.letters))) continue;
    for (const other of text.counts.keys()) if (sameWord(term, other)) return true;
  }
  return false;
}

// The folded terms of each text (word-forms.ts), read once per text.
const folded = new WeakMap<EvidenceProfile, ReadonlySet<string>>();
function foldedTermsOfText(text: EvidenceProfile): ReadonlySet<string> {
  let found = folded.get(text);
  if (!found) {
    found = foldedTermsOf(text.sentences.map((s) => s.text).join('\n'));
    folded.set(text, found);
  }
  return found;
}

// Whether a text writes a word in another spelling, or a compound with or without its hyphens.
function writes(word: string, texts: readonly EvidenceProfile[]): boolean {
  const term = foldedTerm(word);
  for (const text of texts) {
    const found = foldedTermsOfText(text);
    if (found.has(term)) return true;
    if (term.length >= SHARED_START.letters) for (const other of found) if (sameWord(term, other)) return true;
  }
  return false;
}

// An abbreviation as written in capitals ("LLMs", "KV"): only such a claim word may stand for a text's initials.
const CAPITALS = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{Lu}\p{N}]+s?$/u;
// Two capital letters anywhere in a word: written as an abbreviation ("LLMs", "ToM", "SoTA", "QoS").
const TWO_CAPITALS = /^(?:[^\p{Lu}]*\p{Lu}){2}/u;
/** The fewest claim words whose initials a text word of any case may stand for ("llm agents"). */
const LOWER_CASE_INITIALS_WORDS = 3;

// The words of a text that may stand for the initials of a run of claim words, lowercased, also
// without a plural "s" ("LLMs": llm): those written with two capitals, and every other word,
// which only a run of LOWER_CASE_INITIALS_WORDS or more may match. A word of any abstract ("its",
// "our", "the") stands for no initials, so "interpretable than" is not read in "its".
type TextAbbreviations = { capitals: ReadonlySet<string>; anyCase: ReadonlySet<string> };
const abbreviated = new WeakMap<EvidenceProfile, TextAbbreviations>();
function abbreviationsOfText(text: EvidenceProfile): TextAbbreviations {
  let found = abbreviated.get(text);
  if (!found) {
    const capitals = new Set<string>();
    const anyCase = new Set<string>();
    for (const sentence of text.sentences)
      for (const token of tokenize(sentence.text)) {
        if (token.term === null || isGeneralWord(token.word, token.term)) continue;
        const written = sentence.text.slice(token.start, token.end).replace(/['’]s$/u, '');
        const into = TWO_CAPITALS.test(written) ? capitals : anyCase;
        into.add(token.word);
        if (/\p{L}{2}s$/u.test(written)) into.add(token.word.slice(0, -1));
      }
    found = { capitals, anyCase };
    abbreviated.set(text, found);
  }
  return found;
}

// Whether a text writes the initials of a run of claim words as one word (see abbreviationsOfText).
function abbreviates(words: readonly Token[], texts: readonly EvidenceProfile[]): boolean {
  const initials = words.map((token) => token.word[0] ?? '').join('');
  return texts.some((text) => {
    const { capitals, anyCase } = abbreviationsOfText(text);
    return capitals.has(initials) || (words.length >= LOWER_CASE_INITIALS_WORDS && anyCase.has(initials));
  });
}
const HYPHEN = /^[-\u2010\u2011]$/u;

/**
 * The claim's content words (not a word of any abstract, a number, a direction of effect or a weak
 * null finding, which the stance reads) that are specific to few papers of the library and that the
 * text never mentions: not as a term, an inflection, an abbreviation the text spells out (`texts` holds the
 * text as written and spelt out), another spelling ("tumour", "α", "fine-tuning" as "tumor", "alpha",
 * "finetuning"), nor as the initials of a run of claim words ("LLMs", "ToM", "llm" for three words;
 * never "its" for "interpretable than") or the run of text words a claim abbreviation in capitals
 * stands for. The words that say who found something ("Lin et al.", "according to"), number words and
 * one-letter words are no content; nor are the words of a long form the claim defines ("nucleoside
 * triphosphate (NTP)") when the text writes its abbreviation.
 */
export function unaddressedWords(
  claim: string,
  texts: readonly EvidenceProfile[],
  statistics: TermStatistics,
): Unaddressed {
  const tokens = tokenize(claim);
  let total = 0;
  let missing = 0;
  const words: string[] = [];
  // A weak null finding ("minimal benefit", "little or no effect") is read by the stance, as "no effect".
  const weakNull = new Set<number>();
  tokens.forEach((_, i) => {
    if (!weakNullAt(tokens, i)) return;
    weakNull.add(i);
    weakNull.add(tokens[i + 1]?.word === 'or' ? i + 3 : i + 1);
  });
  // "compared with", "compared to" mark a comparison as "than" does: no content of their own.
  const comparing = (i: number) =>
    tokens[i]!.term === COMPARED && (tokens[i + 1]?.word === 'with' || tokens[i + 1]?.word === 'to');
  const citing = citingWordsOf(claim, tokens);
  const defined = definedLongForms(claim, texts);
  // The hyphenated compound a token is part of, as written ("fine-tuning" of "tuning").
  const compoundOf = (i: number) => {
    let start = i;
    let end = i;
    while (start > 0 && HYPHEN.test(claim.slice(tokens[start - 1]!.end, tokens[start]!.start))) start--;
    while (end + 1 < tokens.length && HYPHEN.test(claim.slice(tokens[end]!.end, tokens[end + 1]!.start))) end++;
    return start === end ? null : claim.slice(tokens[start]!.start, tokens[end]!.end);
  };
  tokens.forEach((token, i) => {
    const { term } = token;
    if (weakNull.has(i) || comparing(i) || citing.has(i)) return;
    const written = claim.slice(token.start, token.end);
    if (term === null || /^\p{N}/u.test(term) || isGeneralWord(token.word, term) || directionOf(written) !== 0) return;
    if ([...token.word].length < 2 || isNumberWord(token.word)) return;
    if (defined.has(token.word)) return;
    const weight = inverseDocumentFrequency(statistics, term);
    total += weight;
    if (!isSpecificTerm(term, statistics) || mentions(term, texts)) return;
    const compound = compoundOf(i);
    if (writes(token.word, texts) || (compound !== null && writes(compound, texts))) return;
    if (CAPITALS.test(written) && texts.some((text) => text.initialisms.has(token.word.replace(/s$/u, '')))) return;
    for (let start = Math.max(0, i - INITIALISM_WORDS + 1); start <= i; start++)
      for (let end = i + 1; end <= Math.min(tokens.length, start + INITIALISM_WORDS); end++)
        if (end - start >= 2 && abbreviates(tokens.slice(start, end), texts)) return;
    missing += weight;
    if (!words.includes(written)) words.push(written);
  });
  // Who found it ("Lin et al. show that …", "according to Lin and colleagues") is no part of what the
  // claim asserts, so it makes no claim longer.
  const claimTerms = new Set(tokens.flatMap((t, i) => (t.term === null || citing.has(i) ? [] : [t.term]))).size;
  return words.length === 0 || total === 0
    ? { words: [], share: 0, claimTerms }
    : { words, share: missing / total, claimTerms };
}

// The words of the definitions a claim makes ("nucleoside triphosphate (NTP)") that a text writes in
// the other form: the long form's words when it writes the abbreviation, the abbreviation when it
// writes every word of the long form.
function definedLongForms(claim: string, texts: readonly EvidenceProfile[]): Set<string> {
  const words = new Set<string>();
  for (const { short, long } of definedAbbreviations(claim).values()) {
    const longWords = tokenize(long).map((token) => token.word);
    if (writes(short, texts)) for (const word of longWords) words.add(word);
    else if (longWords.every((word) => writes(word, texts))) words.add(short.toLowerCase());
  }
  return words;
}
