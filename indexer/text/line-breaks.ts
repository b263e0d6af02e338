// Text copied out of a PDF breaks its lines inside words: "every-\nday". Read such a word whole.

const HYPHENATED_LINE_BREAK = /(\p{L})-[ \t]*\r?\n\s*(\p{Ll})/gu;

/**
 * The text with each word that a line break hyphenates joined again ("every-\nday" → "everyday").
 * A compound broken at its own hyphen ("large-\nscale") is joined too: in justified PDF text, a
 * syllable break is the more common of the two.
 */
export function joinHyphenatedLineBreaks(text: string): string {
  return text.includes('-') ? text.replace(HYPHENATED_LINE_BREAK, '$1$2') : text;
}
