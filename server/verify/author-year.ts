// Reads author–year citations in linear time: "Lin et al., 2026" inside a parenthesis, and the
// narrative "Lin and Chen (2025)" read backwards from each "(year)". Hand-written scanners, not
// regular expressions, because the patterns they replace backtracked quadratically on one long word
// and exponentially on "(AandAand…x)".

/** An author–year citation as read: the first author's surname (with particles) and the years cited. */
export type AuthorYear = {
  /** First author's surname as written, particles included: "van der Berg". */
  surname: string;
  etAl: boolean;
  /** The authors as written, without leading "see", "e.g." and the like: "Lin and Chen". */
  authors: string;
  /** The years cited; [''] for MLA's author and page, "(Lin and Chen 12)", which names no year. */
  years: string[];
  /** MLA's page or page range after the authors ("12", "12–14"), when no year is named. */
  page?: string;
};

/** A narrative citation "Lin et al. (2026)": its span and what it cites. */
export type NarrativeCitation = AuthorYear & { start: number; end: number };

const PARTICLES = new Set('van von de der den del della di da du la le dos das ter ten bin al'.split(' '));
// Capitalized words before a year that are not authors: "(January 2012)", "Table (2020)".
const NOT_SURNAMES = new Set(
  'january february march april may june july august september october november december spring summer autumn fall winter table figure fig section chapter appendix eq equation since in from until before after during by circa year version'.split(
    ' ',
  ),
);
const LEAD_INS = new Set(['see', 'e.g.', 'cf.', 'also', 'but']);
const COLLEAGUES = new Set(['colleagues', 'coworkers', 'co-workers', 'collaborators', 'coauthors', 'co-authors']);
const NAME = /^\p{Lu}[\p{L}'’-]+$/u;
const YEAR = /^\d{4}[a-z]?$/u;
/** A page or page range in MLA's "(Lin 12)", "(Lin 12–14)"; never four digits, which read as a year. */
const PAGE = /^\d{1,3}(?:[-–]\d{1,4})?$/u;
const WORD_CHAR = /[\p{L}'’-]/u;
const SPACE = /\s/u;
/**
 * A pinpoint after the year: ", p. 3", ", pp. 3–5", ", Table 2", ", ch. IV", ": 45". A bare ", 45"
 * is not one ("Smith, 2020, 2021" cites two years).
 */
const LOCATOR =
  '(?:[ \\t]*,[ \\t]*(?:[Pp]p?|[Pp]aras?|[Cc]h(?:ap(?:ter)?)?|[Ss]ec(?:tion)?|[Ff]igs?|[Ff]igure|[Tt]ab(?:le)?|[Ee]qs?|[Vv]ol)\\.?|[ \\t]*:)[ \\t]*[\\dIVXLCivxlc]{1,6}(?:[ \\t]*[-–][ \\t]*[\\dIVXLCivxlc]{1,6})?';
const TRAILING_LOCATOR = new RegExp(`${LOCATOR}[ \\t]*$`, 'u');
const YEARS_IN_PARENTHESES = new RegExp(
  `\\((\\d{4}[a-z]?(?:[ \\t]*,[ \\t]*(?:\\d{4}[a-z]?|[a-z](?![\\p{L}\\d])))*)(?:${LOCATOR})?\\)`,
  'gu',
);

const isName = (word: string) => NAME.test(word) && !NOT_SURNAMES.has(word.toLowerCase());

type Token = { text: string; start: number; spaceBefore: boolean };

// Words, commas and ampersands, each with its offset; one pass.
function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  let spaceBefore = false;
  for (const match of text.matchAll(/\s+|[,&]|[^\s,&]+/gu)) {
    if (SPACE.test(match[0][0]!)) {
      spaceBefore = true;
      continue;
    }
    tokens.push({ text: match[0], start: match.index, spaceBefore });
    spaceBefore = false;
  }
  return tokens;
}

// What a parenthesis says around its citation: "(for a review, see Lin, 2026)", "(reviewed in Lin,
// 2026)", "(see Lin, 2026, for a review)", "(Lin, 2026, and references therein)".
const LEADING_ASIDE =
  /^\s*(?:for\s+(?:an?\s+)?(?:recent\s+)?(?:reviews?|overviews?|details|discussion|examples?)\s*,?\s*)?(?:(?:see(?:\s+also)?|reviewed\s+(?:in|by)|as\s+(?:reviewed|described|shown|reported)\s+(?:in|by)|adapted\s+from|modified\s+from|data\s+from)\s+)/iu;
const TRAILING_ASIDE =
  /\s*,\s*(?:for\s+(?:an?\s+)?(?:recent\s+)?(?:reviews?|overviews?|details|discussion|examples?)|and\s+references\s+therein|among\s+others)\s*$/iu;

// APA's "2026a, b" for two works of one year: "2026a, 2026b" (the years follow the authors, so
// the authors' offsets do not move).
const YEAR_LETTERS = /(\d{4})([a-z])((?:[ \t]*,[ \t]*[a-z](?![\p{L}\d]))+)/u;
const withYearLetters = (item: string) =>
  item.replace(YEAR_LETTERS, (_, year: string, first: string, rest: string) =>
    [
      first,
      ...rest
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    ]
      .map((letter) => `${year}${letter}`)
      .join(', '),
  );

/**
 * Reads one item of a parenthetical citation ("see Lin et al., 2026", "Chen and Wu 2025b",
 * "Smith, 2020, 2021", "Lin 2026, p. 3"); undefined when the item is not an author–year citation.
 */
export function readAuthorYear(item: string): AuthorYear | undefined {
  const text = withYearLetters(
    item.replace(TRAILING_LOCATOR, '').replace(TRAILING_ASIDE, '').replace(LEADING_ASIDE, ''),
  );
  const tokens = tokensOf(text);
  let i = 0;
  // Lead-ins: "see", "e.g.,", "cf.", "also", "but see".
  while (i < tokens.length && LEAD_INS.has(tokens[i]!.text.toLowerCase())) {
    i++;
    if (tokens[i]?.text === ',') i++;
  }
  const authorsFrom = i;
  // Years at the end, separated by commas: "…, 2020, 2021".
  let yearsFrom = tokens.length;
  while (yearsFrom > 0 && YEAR.test(tokens[yearsFrom - 1]!.text)) {
    const before = tokens[yearsFrom - 2];
    yearsFrom--;
    if (before?.text !== ',' || !YEAR.test(tokens[yearsFrom - 2]?.text ?? '')) break;
    yearsFrom--;
  }
  // MLA names the page instead of the year: "Lin and Chen 12", "Lin et al. 12–14".
  const page =
    yearsFrom === tokens.length && tokens.length - authorsFrom >= 2 && tokens.at(-1)!.spaceBefore
      ? PAGE.exec(tokens.at(-1)!.text)?.[0]
      : undefined;
  if (page !== undefined) yearsFrom = tokens.length - 1;
  if (yearsFrom === tokens.length || !tokens[yearsFrom]!.spaceBefore) return undefined;
  let authorsTo = yearsFrom;
  if (tokens[authorsTo - 1]?.text === ',') authorsTo--;
  const first = readNameForward(tokens, authorsFrom, authorsTo);
  if (!first) return undefined;
  // A name of several capitalized words, with the comma before its year: an organization ("World
  // Health Organization, 2020") or a work cited by its name ("Memory Inception, 2026").
  let j = authorsTo < yearsFrom ? capitalizedRun(tokens, first.next, authorsTo) : first.next;
  const surname =
    j > first.next
      ? text.slice(tokens[authorsFrom]!.start, tokens[j - 1]!.start + tokens[j - 1]!.text.length)
      : first.name;
  let etAl = false;
  const afterAnd = tokens[j + 1]?.text ?? '';
  if (
    j + 1 < authorsTo + 1 &&
    ((tokens[j]?.text === 'et' && /^al\.?$/u.test(afterAnd)) || (tokens[j]?.text === 'and' && COLLEAGUES.has(afterAnd)))
  ) {
    etAl = true;
    j += 2;
  } else {
    while (j < authorsTo) {
      const separator = tokens[j]!.text;
      if (separator !== ',' && separator !== 'and' && separator !== '&') return undefined;
      // The serial comma: "Lin, Chen, & Wu", "Lin, Chen, and Wu".
      if (separator === ',' && (tokens[j + 1]?.text === 'and' || tokens[j + 1]?.text === '&')) j++;
      const next = readNameForward(tokens, j + 1, authorsTo);
      if (!next) return undefined;
      j = next.next;
    }
  }
  if (j !== authorsTo) return undefined;
  const authorsStart = tokens[authorsFrom]!.start;
  const last = tokens[authorsTo - 1]!;
  return {
    surname,
    etAl,
    authors: text.slice(authorsStart, last.start + last.text.length),
    ...(page !== undefined
      ? { years: [''], page }
      : { years: tokens.slice(yearsFrom).flatMap((t) => (t.text === ',' ? [] : [t.text])) }),
  };
}

// A surname from token `from`: particles, then a capitalized word.
function readNameForward(tokens: Token[], from: number, to: number): { name: string; next: number } | undefined {
  let j = from;
  while (j < to && PARTICLES.has(tokens[j]!.text.toLowerCase()) && j + 1 < to) j++;
  const word = tokens[j];
  if (j >= to || !word || !isName(word.text)) return undefined;
  return {
    name: tokens
      .slice(from, j + 1)
      .map((t) => t.text)
      .join(' '),
    next: j + 1,
  };
}

// Words that may join the capitalized words of one name: "National Institutes of Health".
const NAME_JOINERS = new Set(['of', 'for', 'the', 'on', 'in']);
const NAME_RUN = 4; // words a name may run on for after its first

// The end of the capitalized words that continue a name from token `from` (`from` when none do).
function capitalizedRun(tokens: Token[], from: number, to: number): number {
  let k = from;
  for (let words = 0; k < to && words < NAME_RUN; words++) {
    if (isName(tokens[k]!.text)) k++;
    else if (NAME_JOINERS.has(tokens[k]!.text) && k + 1 < to && isName(tokens[k + 1]!.text)) k += 2;
    else break;
  }
  return k;
}

// Capitalized words that open a sentence before a list of authors, never one of them.
const SENTENCE_OPENERS = new Set([
  ...'however moreover furthermore recently similarly notably additionally thus indeed likewise'.split(' '),
  ...'conversely previously specifically importantly finally here first second third'.split(' '),
]);
/** How many names a narrative list of authors may run back over. */
const LIST_NAMES = 8;

// The first name of "Lin, Chen, and Wu" given the name before "and" (its start and end).
function listStart(text: string, start: number, end: number): [number, number] {
  for (let names = 0; names < LIST_NAMES; names++) {
    const comma = spacesEndingAt(text, start);
    if (text[comma - 1] !== ',') break;
    const nameEnd = spacesEndingAt(text, comma - 1);
    const nameStart = nameEndingAt(text, nameEnd);
    if (nameStart < 0 || SENTENCE_OPENERS.has(text.slice(nameStart, nameEnd).toLowerCase())) break;
    [start, end] = [nameStart, nameEnd];
  }
  return [start, end];
}

// The maximal run of name characters that ends at `end`.
function wordEndingAt(text: string, end: number): number {
  let start = end;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  return start;
}

function spacesEndingAt(text: string, end: number): number {
  let start = end;
  while (start > 0 && SPACE.test(text[start - 1]!)) start--;
  return start;
}

// A surname, particles included, that ends at `end`: its start, or -1.
function nameEndingAt(text: string, end: number): number {
  const start = wordEndingAt(text, end);
  if (!isName(text.slice(start, end))) return -1;
  let nameStart = start;
  for (;;) {
    const gap = spacesEndingAt(text, nameStart);
    if (gap === nameStart) return nameStart;
    const particleStart = wordEndingAt(text, gap);
    if (!PARTICLES.has(text.slice(particleStart, gap).toLowerCase())) return nameStart;
    nameStart = particleStart;
  }
}

/** Every narrative citation "Lin (2025)", "Lin and Chen (2025)", "Lin et al. (2026, 2027)", "Lin (2025, p. 3)", in order. */
export function narrativeCitations(text: string): NarrativeCitation[] {
  const found: NarrativeCitation[] = [];
  for (const match of text.matchAll(YEARS_IN_PARENTHESES)) {
    const authorsEnd = spacesEndingAt(text, match.index);
    if (authorsEnd === match.index) continue;
    // Each scan below stops at the first character that is neither a letter nor a space, so the
    // scans of different "(year)"s never cover the same text: linear in all.
    let start = -1;
    let firstEnd = authorsEnd;
    let etAl = false;
    let lastWordEnd = authorsEnd;
    if (text[authorsEnd - 1] === '.') lastWordEnd--;
    const lastWordStart = wordEndingAt(text, lastWordEnd);
    const lastWord = text.slice(lastWordStart, lastWordEnd);
    if (lastWord === 'al' || COLLEAGUES.has(lastWord)) {
      // "Lin et al. (2026)", and "Lin and colleagues (2026)" which says the same.
      const etEnd = spacesEndingAt(text, lastWordStart);
      const etStart = wordEndingAt(text, etEnd);
      if (etEnd < lastWordStart && text.slice(etStart, etEnd) === (lastWord === 'al' ? 'et' : 'and')) {
        const nameEnd = spacesEndingAt(text, etStart);
        if (nameEnd < etStart) start = nameEndingAt(text, nameEnd);
        firstEnd = nameEnd;
        etAl = start >= 0;
      }
    } else if (lastWordEnd === authorsEnd) {
      start = nameEndingAt(text, authorsEnd);
      if (start >= 0) {
        // "Lin and Chen (2025)" or "Lin & Chen (2025)" names its first author.
        const andEnd = spacesEndingAt(text, start);
        const andStart = text[andEnd - 1] === '&' ? andEnd - 1 : wordEndingAt(text, andEnd);
        const joiner = text.slice(andStart, andEnd);
        if (andEnd < start && (joiner === 'and' || joiner === '&')) {
          const beforeJoiner = spacesEndingAt(text, andStart);
          // "Lin, Chen, and Wu (2026)": after a serial comma the list runs back over ", Name".
          const serial = text[beforeJoiner - 1] === ',';
          const end = serial ? spacesEndingAt(text, beforeJoiner - 1) : beforeJoiner;
          const first = end < andStart ? nameEndingAt(text, end) : -1;
          if (first >= 0) [start, firstEnd] = [first, end];
          if (first >= 0 && serial) [start, firstEnd] = listStart(text, start, firstEnd);
        }
      }
    }
    if (start < 0) continue;
    found.push({
      surname: text.slice(start, firstEnd).replace(/\s+/gu, ' '),
      etAl,
      authors: text.slice(start, authorsEnd).replace(/\s+/gu, ' '),
      years: withYearLetters(match[1]!)
        .split(/[ \t]*,[ \t]*/u)
        .filter((year) => /^\d{4}/u.test(year)),
      start,
      end: match.index + match[0].length,
    });
  }
  return found;
}
