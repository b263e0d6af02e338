// The numbers a text cites papers by, in the forms they come in: "[1, 3]" and "[2–4]", IEEE's
// "[1]–[3]", a pinpoint after the number ("[2, Sec. 4]"), Nature's "ref. 2" and "refs 3–5",
// superscripts as a word processor writes them ("CPUs¹", "found.²⁻⁴") and as a PDF copy leaves
// them ("more.3 Next"). Patterns, and the numbers a
// group expands to; parse-citations.ts finds them in a text.

export const DASH = '[-–—]';
export const NUMERIC_GROUP = new RegExp(
  `^\\s*\\d{1,4}(?:\\s*${DASH}\\s*\\d{1,4})?(?:\\s*[,;]\\s*\\d{1,4}(?:\\s*${DASH}\\s*\\d{1,4})?)*\\s*$`,
  'u',
);
/**
 * A pinpoint after a bracketed item, as IEEE and mathematics write them: "[2, Sec. 4]", "[1, p. 3]",
 * "[5, Thm. 3.2]", "[7, §4.1]", "[Knu84, Ch. 2]". The word is required: "[1, 3]" cites two papers.
 */
export const BRACKET_LOCATOR = new RegExp(
  `\\s*,\\s*(?:(?:pp?|paras?|secs?|sections?|ch|chaps?|chapters?|thms?|theorems?|lem|lemmas?|props?|propositions?|cor|corollary|corollaries|defs?|definitions?|eqs?|equations?|figs?|figures?|tabs?|tables?|apps?|appendix|appendices|algs?|algorithms?|exs?|examples?|rems?|remarks?|vol|lines?|ll?)\\.?\\s*|§§?\\s*)(?:\\(?[\\dA-Z][\\w.]{0,10}\\)?|[ivxlc]{1,6})(?:\\s*${DASH}\\s*[\\w.]{1,10})?\\s*$`,
  'iu',
);
/**
 * "ref. 3", "refs 3, 4", "Refs. 3–5 and 7": Nature's style, in parentheses or in running text; and
 * a chat assistant's "[Source 2]", "[source: 1]" (in brackets or parentheses only: REFERENCE_PHRASE).
 */
const NUMBERS_AND = `\\d{1,4}(?:\\s*${DASH}\\s*\\d{1,4})?(?:\\s*(?:,|and)\\s*\\d{1,4}(?:\\s*${DASH}\\s*\\d{1,4})?)*`;
export const REFERENCE_PHRASE = new RegExp(
  `^(?:see\\s+(?:also\\s+)?)?(?:refs?\\.?|sources?:?)\\s+(${NUMBERS_AND})$`,
  'iu',
);
export const BARE_REFERENCE_PHRASE = new RegExp(`\\b[Rr]efs?\\.?[ \\t]+(${NUMBERS_AND})(?![\\d.,]*\\d)`, 'gu');
/** IEEE's range of bracketed numbers, "[1]–[3]": the papers from the first to the last. */
export const BRACKETED_RANGE = new RegExp(`\\[(\\d{1,4})\\]\\s*${DASH}\\s*\\[(\\d{1,4})\\]`, 'gu');
/** Longest numeric range expanded ([1–500] is a typo or a table, not 500 citations). */
const MAX_RANGE = 50;

/** The numbers of a group, ranges expanded, each once. */
export function expandNumeric(inner: string): number[] {
  const numbers: number[] = [];
  for (const part of inner.split(/[,;]/u)) {
    const range = part.split(new RegExp(DASH, 'u')).map((s) => Number.parseInt(s.trim(), 10));
    const [from, to] = [range[0]!, range[1] ?? range[0]!];
    if (to >= from && to - from < MAX_RANGE) for (let n = from; n <= to; n++) numbers.push(n);
    else numbers.push(from, to);
  }
  return [...new Set(numbers)];
}

// Superscript digits and separators as their plain characters.
const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '˒': ',',
};
/** Superscript digits and separators written plainly: "²⁻⁴" → "2-4". */
export const plainOfSuperscript = (text: string) => [...text].map((c) => SUPERSCRIPT_DIGITS[c] ?? c).join('');

/**
 * The superscript number that opens a word processor's footnote: "³ Rathi …" or "³Rathi …", not an
 * isotope's "¹³C" (a pattern's source, for the reference list's line patterns).
 */
export const FOOTNOTE_MARK = '([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})(?:[ \\t]+|(?=\\p{Lu}\\p{Ll}{2}))';

/** A superscript number after a word or a sentence's punctuation; not after a digit or a short unit ("m²", "10³"). */
export const SUPERSCRIPT_CITATION =
  /((?:\p{L}{3}|[.,;:)\]]))([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}(?:[,˒⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}){0,20})(?![⁰¹²³⁴⁵⁶⁷⁸⁹\p{L}])/gu;

/**
 * A superscript written with carets, as plain text and Markdown write one ("meaning^1", "hard^2,3",
 * "previously.^3") and Pandoc's "^1,2^": after a word of three letters or a sentence's punctuation,
 * not after a digit, a closing bracket or a one- or two-letter symbol ("10^3", "f(x)^2", "x^2",
 * "cm^3"), nor before a decimal. The caller counts it only when the text's list is numbered up to
 * each number: "n log^2 n" is a power.
 */
const CARET_CITATION =
  /((?:\p{L}{3}|[.,;:\]]))(\^(\d{1,4}(?:[ \t]?[,–-][ \t]?\d{1,4}){0,20})\^?)(?![\p{L}\d^]|[.,]\d)/gu;
/** LaTeX math in a Markdown text ("$\\sigma^2$"), where a caret raises a power. */
const INLINE_MATH = /\$[^$\n]{1,200}\$/gu;

/**
 * The caret superscripts of a text: each one's span, its numbers ("2,3") and whether it follows a
 * full stop ("previously.^3 Next"), so that it closes its sentence. Not in LaTeX math ("$\\sigma^2$")
 * or after a command ("\\alpha^2"), where a caret raises a power.
 */
export function caretSuperscripts(
  text: string,
): Array<{ start: number; end: number; numbers: string; closes: boolean }> {
  const math = [...text.matchAll(INLINE_MATH)].map((m) => [m.index, m.index + m[0].length] as const);
  const found: Array<{ start: number; end: number; numbers: string; closes: boolean }> = [];
  let inMath = 0;
  for (const match of text.matchAll(CARET_CITATION)) {
    const start = match.index + match[1]!.length;
    const numbers = match[3]!.replace(/[ \t]/gu, '');
    // Both are in text order: one pass over the math spans.
    while (inMath < math.length && math[inMath]![1] <= start) inMath++;
    if (!citesNumbers(numbers) || (math[inMath] !== undefined && math[inMath]![0] < start)) continue;
    if (/\\\p{L}*$/u.test(text.slice(Math.max(0, match.index - 30), start))) continue;
    found.push({ start, end: start + match[2]!.length, numbers, closes: /[.!?]$/u.test(match[1]!) });
  }
  return found;
}

/** Whether a numeric group cites: one that holds 0 is an interval or an index ("scores lie in [0, 1]"); references count from 1. */
export const citesNumbers = (inner: string) => !/(?:^|\D)0+(?:\D|$)/u.test(inner);

/**
 * A number glued to the punctuation after a word (a superscript copied out of a PDF): after a full
 * stop before a capitalized word, after a comma, semicolon or colon before any word, or before a
 * line's end. NUMBERED_ABBREVIATION: not after an abbreviation a number follows ("Fig.3", "No.5").
 */
export const GLUED_NUMBERS =
  /(\p{L}{2}(?:\.(?=\d{1,3}(?:[,–-]\d{1,3}){0,10}[ \t]+\p{Lu})|[,;:](?=\d{1,3}(?:[,–-]\d{1,3}){0,10}[ \t]+\p{L})|[.,;:](?=\d{1,3}(?:[,–-]\d{1,3}){0,10}[ \t]*(?:\n|$))))(\d{1,3}(?:[,–-]\d{1,3}){0,10})/gu;
/**
 * A number glued to the end of a lower-case word before its punctuation, as a superscript placed
 * before the full stop reads once copied out of Word or a PDF ("can be reversed1.", "is hard2,3. ");
 * not after a capital or a digit ("GPT4.", "CO2,", "Llama2."), nor before more letters ("word2vec").
 * A name written in lower case ("llama2.", "python3,") looks the same; the caller leaves out one the
 * text also writes elsewhere, and counts the rest only up to the list's last number.
 */
export const WORD_GLUED_NUMBERS =
  /(?<![\p{L}\p{N}_'’-])(\p{Ll}{3,})(\d{1,3}(?:[,–-]\d{1,3}){0,10})(?=[.,;:!?)](?![\p{L}\p{N}])|[ \t]*(?:\n|$))/gu;
export const NUMBERED_ABBREVIATION =
  /(?:^|[^\p{L}])(?:figs?|eqs?|nos?|vols?|refs?|pp|secs?|ch|chaps?|tabs?|table|ver|art|thm|lem|app)[.,;:]$/iu;
