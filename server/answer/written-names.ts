// How a question writes a name: a word with a capital inside or after its first letter ("DPO",
// "AlphaFold"), and a name joined by hyphens or dots ("GPT-4", "Llama-3.1", "BERT-base", "COVID-19"),
// whose parts are separate words to look for but which is named whole when Citelens says what the
// library lacks ("no paper mentions "GPT-4"", not "GPT").

/** Whether a word is written as a name: a letter, then a capital ("NeWTral", "DPO", "COGCAPTCHA30"; not "1960s"). */
export const writtenAsName = (word: string): boolean => /^\p{L}[\p{L}\p{N}'’-]*?\p{Lu}/u.test(word);

// A match starts only where a word does (the lookbehind): tried from each letter of a long word, it
// ran to the word's end every time (quadratic: 16,000 letters took 0.7 s). The matches are the same,
// as a joined token found inside a word would have been found from the word's start.
const JOINED = /(?<![\p{L}\p{N}])[\p{L}\p{N}]+(?:[-‐‑.][\p{L}\p{N}]+)+/gu;

/** A name as written in a text, with its span. */
export type HyphenatedName = { text: string; start: number; end: number };

/**
 * Whether a joined token is a name: it opens with a letter and holds a digit ("GPT-4", "Llama3.1",
 * "IL-6"), or is hyphenated and written as a name ("BERT-base", "anti-TNF"). Not a measure ("5-year",
 * "2.5-fold"), a hyphenated word ("non-small-cell") or an abbreviation with dots ("e.g").
 */
export function isHyphenatedName(token: string): boolean {
  if (!/^\p{L}/u.test(token)) return false;
  if (/\p{N}/u.test(token)) return true;
  return /[-‐‑]/u.test(token) && writtenAsName(token);
}

/** The hyphenated names of a text, in order (a sentence's closing dot is never part of one). */
export function hyphenatedNames(text: string): HyphenatedName[] {
  const names: HyphenatedName[] = [];
  for (const match of text.matchAll(JOINED)) {
    if (isHyphenatedName(match[0]))
      names.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return names;
}

/** The name whose span holds a position of the text, if any. */
export function nameAt(names: readonly HyphenatedName[], position: number): HyphenatedName | undefined {
  return names.find((name) => position >= name.start && position < name.end);
}
