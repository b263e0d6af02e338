// Turns the LaTeX found in BibTeX values into plain Unicode text: accents, escapes, symbols,
// formatting commands, dashes and quotes, then drops the remaining braces.
import { BACKSLASH, TILDE, WORDS } from './latex-words.ts';

const COMBINING: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
  d: '\u0323',
  b: '\u0331',
};

/** Commands that stand for one letter; like TeX, they swallow the space after them ("Stra\ss e"). */
const LETTERS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  dj: 'đ',
  DJ: 'Đ',
  ng: 'ŋ',
  NG: 'Ŋ',
};

/**
 * Math, "$…$" or "$$…$$": its dollars go. A "$" before a digit starts a sum of money instead ("from $5
 * million to $3 million") unless the text up to the next "$" is one token or holds math markup ("$10^{-3}$").
 */
export const INLINE_MATH = /\$\$([^$]+)\$\$|\$(?!\d)([^$]+)\$|\$(\d[^$\s]*|\d[^$]*[\\^_{][^$]*)\$(?!\d)/g;

const OPEN_BRACE = '\ue000';
const CLOSE_BRACE = '\ue001';
const DOLLAR = '\ue002';

const SYMBOL_ACCENT_BRACED = /\\(["'`^~=.])\s*\{\s*(\\[ij](?![A-Za-z])|[A-Za-z])\s*\}/g;
const SYMBOL_ACCENT = /\\(["'`^~=.])\s*(\\[ij](?![A-Za-z])|[A-Za-z])/g;
const LETTER_ACCENT_BRACED = /\\([uvHckrdb])\s*\{\s*(\\[ij](?![A-Za-z])|[A-Za-z])\s*\}/g;
const LETTER_ACCENT = /\\([uvHckrdb])\s+([A-Za-z])/g;
const ESCAPED = /\\([&%#_])/g;
/** References (\cite{x}, \ref{fig:1}, \label{…}) point into a document the reader does not have: they go. */
const REFERENCE = /[\s~]*\\(?:cite[a-z]*|ref|eqref|autoref|label)\*?(?:\[[^\]]*\])*\{[^{}]*\}/g;
const ESCAPED_BRACE = /\\([{}$])/g;
/** Spacing commands (\hspace{0.166em}, \vspace*{1ex}): their argument is a length, not text. */
const SPACE_COMMAND = /\\(?:[hv]space|[hv]?phantom)\*?\s*\{[^{}]*\}/g;
/** A link, \href{address}{text}: its text stays, its address goes. */
const LINK_ADDRESS = /\\href\s*\{[^{}]*\}/g;
/** An address, \url{…}: kept as written ("~" and "--" included), set aside while the rest is cleaned. */
const URL_COMMAND = /\\url\s*\{([^{}]*)\}/g;
const URL_MARK = /\ue005(\d+)\ue005/g;
const COMMAND = /\\([A-Za-z]+)(\{\})?( ?)(?=(\{?))/g;
const SPACING = /\\\\|\\[,;: ]/g;
const BRACES = /[{}]/g;
const STRAY_BACKSLASH = /\\/g;
const SPACE_RUN = /\s+/g;

function accent(_match: string, mark: string, letter: string): string {
  const base = letter === '\\i' ? 'i' : letter === '\\j' ? 'j' : letter;
  return `${base}${COMBINING[mark] ?? ''}`;
}

function command(_match: string, name: string, empty: string | undefined, space: string, brace: string): string {
  const letter = LETTERS[name];
  if (letter !== undefined) return empty ? `${letter}${space}` : letter;
  const word = WORDS[name];
  if (word !== undefined) return `${word}${space}`;
  // Formatting and other commands with an argument (\emph{x}, \textbf{x}) keep only the argument;
  // an unknown command without one (a custom macro like \BERT) keeps its name.
  return brace === '{' ? '' : `${name}${space}`;
}

/** Plain text from a LaTeX-flavoured BibTeX value: `{\"u}ber` → "über", `R\&D` → "R&D", braces dropped. */
export function cleanLatex(value: string): string {
  const urls: string[] = [];
  return value
    .replace(URL_COMMAND, (_match, url: string) => `\ue005${urls.push(cleanIdentifier(url)) - 1}\ue005`)
    .replace(LINK_ADDRESS, '')
    .replace(SPACE_COMMAND, ' ')
    .replace(ESCAPED_BRACE, (_match, char: string) => (char === '{' ? OPEN_BRACE : char === '}' ? CLOSE_BRACE : DOLLAR))
    .replace(
      INLINE_MATH,
      (_match, display?: string, math?: string, numeric?: string) => display ?? math ?? numeric ?? '',
    )
    .replace(REFERENCE, '')
    .replace(SYMBOL_ACCENT_BRACED, accent)
    .replace(SYMBOL_ACCENT, accent)
    .replace(LETTER_ACCENT_BRACED, accent)
    .replace(LETTER_ACCENT, accent)
    .replace(ESCAPED, '$1')
    .replace(SPACING, ' ')
    .replace(COMMAND, command)
    .replaceAll('---', '—')
    .replaceAll('--', '–')
    .replaceAll('``', '“')
    .replaceAll("''", '”')
    .replaceAll('~', ' ')
    .replace(BRACES, '')
    .replace(STRAY_BACKSLASH, '')
    .replaceAll(OPEN_BRACE, '{')
    .replaceAll(CLOSE_BRACE, '}')
    .replaceAll(DOLLAR, '$')
    .replaceAll(BACKSLASH, '\\')
    .replaceAll(TILDE, '~')
    .replace(URL_MARK, (_match, index: string) => urls[Number(index)] ?? '')
    .replace(SPACE_RUN, ' ')
    .trim()
    .normalize('NFC');
}

/** A URL, DOI or identifier from BibTeX: only braces and backslash escapes go; "~" and "--" stay. */
export function cleanIdentifier(value: string): string {
  return value
    .replace(/\\([&%#_~$])/g, '$1')
    .replace(BRACES, '')
    .replace(SPACE_RUN, '')
    .trim();
}
