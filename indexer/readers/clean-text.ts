// Clean text at index time: HTML and JATS tags removed, character entities decoded, LaTeX accents and
// common commands converted, whitespace collapsed. The stored text is the cleaned text, so passage offsets
// refer to what a reader sees.

import { GREEK_LETTERS } from './greek-letters.ts';
import { cleanLatex, INLINE_MATH } from './latex.ts';

/** Named character references seen in exported abstracts; an unknown name is left as written. */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
  shy: '',
  zwj: '',
  zwnj: '',
  ndash: '–',
  mdash: '—',
  minus: '−',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  deg: '°',
  micro: 'µ',
  times: '×',
  divide: '÷',
  plusmn: '±',
  le: '≤',
  ge: '≥',
  ne: '≠',
  asymp: '≈',
  infin: '∞',
  sim: '∼',
  rarr: '→',
  larr: '←',
  harr: '↔',
  copy: '©',
  reg: '®',
  trade: '™',
  sect: '§',
  para: '¶',
  prime: '′',
  Prime: '″',
  permil: '‰',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  ...GREEK_LETTERS,
  szlig: 'ß',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  aring: 'å',
  Aring: 'Å',
  ccedil: 'ç',
  Ccedil: 'Ç',
  ntilde: 'ñ',
  Ntilde: 'Ñ',
};
const ACCENTED: Record<string, string> = {
  uml: '\u0308',
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  tilde: '\u0303',
};

/** Tags that end a block of text: a heading's end becomes ": " unless it ends with punctuation. */
const HEADING_END = /<\/(?:h[1-6]|(?:jats:)?title|(?:mml:)?title)\s*>/gi;
const TAG = /<\/?[A-Za-z][\w:.-]*(?:\s+[^<>]*?)?\s*\/?>/g;
const BLOCK_TAG =
  /^<\/?(?:p|div|br|hr|li|ul|ol|h[1-6]|section|article|table|tr|td|th|blockquote|(?:jats:)?(?:p|sec|title|abstract|list|list-item|table|caption))\b/i;
/** Only known tag names (or JATS and MathML ones), with attributes written as name=value, mark text as markup. */
const HTML_SIGNAL =
  /<\/?(?:(?:jats|mml|xhtml):[A-Za-z][\w.-]*|p|div|br|hr|i|b|u|em|strong|sup|sub|span|small|sc|a|li|ul|ol|h[1-6]|section|title|abstract|table|tr|td|th|blockquote|code|tt|font|italic|bold)(?:\s+[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))*\s*\/?>/i;
const ENTITY = /&(#\d{1,7}|#[xX][\dA-Fa-f]{1,6}|[A-Za-z][A-Za-z\d]{1,15});/g;
const LATEX_COMMAND = /\\[A-Za-z"'`^~=.&%$#_{}]/;
/** A LaTeX command or escape, or inline math (not sums of money: "from $5 to $3" is plain text). */
const LATEX_SIGNAL = new RegExp(`${LATEX_COMMAND.source}|${INLINE_MATH.source}`);
const HEADING_MARK = '\u0001';
const SPACE_RUN = /\s+/g;
/** A character that may start markup or an entity, a run of spaces, or white space other than a space. */
const NEEDS_WORK = /[<&\\$]|\s{2}|[^\S ]/;

/**
 * Plain text from an abstract or title as exporters write it: `<p>K&amp;N</p>` → "K&N",
 * `K{\"a}hler` → "Kähler", `<jats:title>Background</jats:title>Text` → "Background: Text". Text
 * without markup only has its whitespace collapsed. `latex: false` leaves LaTeX alone, for text whose
 * LaTeX a reader has already turned into text.
 */
export function cleanText(text: string, { latex = true }: { latex?: boolean } = {}): string {
  // Most text has no markup and single spaces: one scan tells, and the rest is skipped (a third of read time otherwise).
  if (!NEEDS_WORK.test(text)) return text.trim();
  let clean = text;
  if (HTML_SIGNAL.test(clean)) clean = stripTags(clean);
  if (clean.includes('&')) clean = decodeEntities(clean);
  if (latex && LATEX_SIGNAL.test(clean)) clean = cleanLatex(clean);
  return clean.replace(SPACE_RUN, ' ').trim();
}

function stripTags(text: string): string {
  return text
    .replace(HEADING_END, HEADING_MARK)
    .replace(TAG, (tag) => (BLOCK_TAG.test(tag) ? ' ' : ''))
    .replace(/([.:;!?])?\s*\u0001\s*/g, (_match, punctuation: string | undefined) =>
      punctuation ? `${punctuation} ` : ': ',
    )
    .replace(/^\s*:\s*/, '');
}

/** Decodes numeric references and the named ones in ENTITIES (plus accented letters like `&ouml;`). */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (match, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : match;
    }
    const known = ENTITIES[name];
    if (known !== undefined) return known;
    const accented = /^([A-Za-z])(uml|acute|grave|circ|tilde)$/.exec(name);
    if (accented?.[1] && accented[2]) return `${accented[1]}${ACCENTED[accented[2]]}`.normalize('NFC');
    return match;
  });
}
