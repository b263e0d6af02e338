// Turns the LaTeX found in BibTeX values into plain Unicode text: accents, escapes, symbols,
// formatting commands, dashes and quotes, then drops the remaining braces.
import { GREEK_LETTERS } from './greek-letters.ts';

/** Stands in for a backslash the text means literally, so the stray-backslash cleanup leaves it. */
const BACKSLASH = '\ue003';
/** Stands in for a tilde the text means literally ("\textasciitilde{}50\%"), not a non-breaking space. */
const TILDE = '\ue004';

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

const WORDS: Record<string, string> = {
  LaTeX: 'LaTeX',
  backslash: BACKSLASH,
  textbackslash: BACKSLASH,
  textasciitilde: TILDE,
  textunderscore: '_',
  textbar: '|',
  textless: '<',
  textgreater: '>',
  textdegree: '°',
  textmu: 'µ',
  sim: '∼',
  cdot: '·',
  ell: 'ℓ',
  partial: '∂',
  nabla: '∇',
  sum: '∑',
  prod: '∏',
  sqrt: '√',
  in: '∈',
  le: '≤',
  ge: '≥',
  ll: '≪',
  gg: '≫',
  leftarrow: '←',
  Rightarrow: '⇒',
  iff: '⇔',
  eta: 'η',
  kappa: 'κ',
  nu: 'ν',
  xi: 'ξ',
  zeta: 'ζ',
  varepsilon: 'ε',
  varphi: 'φ',
  Gamma: 'Γ',
  Lambda: 'Λ',
  Phi: 'Φ',
  Pi: 'Π',
  Psi: 'Ψ',
  Theta: 'Θ',
  TeX: 'TeX',
  BibTeX: 'BibTeX',
  textendash: '–',
  textemdash: '—',
  ldots: '…',
  dots: '…',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  S: '§',
  P: '¶',
  copyright: '©',
  textregistered: '®',
  texttrademark: '™',
  pounds: '£',
  euro: '€',
  times: '×',
  pm: '±',
  leq: '≤',
  geq: '≥',
  neq: '≠',
  approx: '≈',
  infty: '∞',
  rightarrow: '→',
  to: '→',
  // Text symbols as Better BibTeX writes them in its ASCII export ("\textcopyright{} 2021 Elsevier Ltd.").
  textcopyright: '©',
  textsection: '§',
  textparagraph: '¶',
  textbullet: '•',
  textperiodcentered: '·',
  textperthousand: '‰',
  textonehalf: '½',
  textonequarter: '¼',
  textthreequarters: '¾',
  textquestiondown: '¿',
  textexclamdown: '¡',
  texttimes: '×',
  textsterling: '£',
  textyen: '¥',
  texteuro: '€',
  textcent: '¢',
  textcelsius: '℃',
  textdagger: '†',
  textdaggerdbl: '‡',
  textasciicircum: '^',
  textasciiacute: '´',
  textquotesingle: "'",
  textquotedbl: '"',
  textellipsis: '…',
  textminus: '−',
  textnumero: '№',
  guillemotleft: '«',
  guillemotright: '»',
  guilsinglleft: '‹',
  guilsinglright: '›',
  quotedblbase: '„',
  // Math symbols seen in abstracts.
  mp: '∓',
  div: '÷',
  circ: '∘',
  prime: '′',
  ast: '∗',
  propto: '∝',
  equiv: '≡',
  simeq: '≃',
  cong: '≅',
  lesssim: '≲',
  gtrsim: '≳',
  perp: '⊥',
  parallel: '∥',
  forall: '∀',
  exists: '∃',
  emptyset: '∅',
  cup: '∪',
  cap: '∩',
  subset: '⊂',
  subseteq: '⊆',
  notin: '∉',
  leftrightarrow: '↔',
  uparrow: '↑',
  downarrow: '↓',
  mapsto: '↦',
  langle: '⟨',
  rangle: '⟩',
  mid: '∣',
  neg: '¬',
  wedge: '∧',
  vee: '∨',
  oplus: '⊕',
  otimes: '⊗',
  hbar: 'ℏ',
  bullet: '•',
  // Font switches written as {\em text} or {\bf text}: the text stays, the switch goes.
  em: '',
  it: '',
  bf: '',
  sc: '',
  rm: '',
  sf: '',
  sl: '',
  tt: '',
  itshape: '',
  bfseries: '',
  scshape: '',
  upshape: '',
  normalfont: '',
  ...GREEK_LETTERS,
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
  return value
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
