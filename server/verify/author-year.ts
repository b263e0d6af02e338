// Reads an author–year citation inside a parenthesis ("see Lin et al., 2026, p. 3") in linear time,
// with what it may say before and around the authors ("see", "replicated by", "for a review").
// Hand-written scanners, not regular expressions, because the patterns they replace backtracked
// quadratically on one long word and exponentially on "(AandAand…x)".
import {
  type AuthorYear,
  COLLEAGUES,
  isCitedName,
  isNameBeforeEtAl,
  KNOWS_NO_AUTHOR,
  LOCATOR,
  PARTICLES,
  SPACE,
  UNDATED_WORDS,
  withYearLetters,
} from './author-year-parts.ts';
import type { KnowsAuthor } from './citation-target.ts';
import { isAcronym, isDeterminer } from './not-surnames.ts';

const LEAD_INS = new Set(['see', 'e.g.', 'i.e.', 'viz.', 'cf.', 'also', 'but']);
const YEAR = /^\d{4}[a-z]?$/u;
/** A name's initials: "S.", "K.J.", "J.-P.". */
const INITIALS = /^(?:\p{Lu}\.(?:-?\p{Lu}\.){0,3})$/u;
/** A page or page range in MLA's "(Lin 12)", "(Lin 12–14)"; never four digits, which read as a year. */
const PAGE = /^\d{1,3}(?:[-–]\d{1,4})?$/u;
const TRAILING_LOCATOR = new RegExp(`${LOCATOR}[ \\t]*$`, 'u');
// APA's "no date", "in press" and "forthcoming" in place of a year, after the authors and a comma.
const UNDATED = new RegExp(`,[ \\t]*(${UNDATED_WORDS})[ \\t]*$`, 'iu');

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
// 2026)", "(for example, Lin, 2026)", "(see Lin, 2026, for a review)", "(Lin, 2026, and references therein)".
const LEADING_ASIDE =
  /^\s*(?:for\s+(?:an?\s+)?(?:recent\s+)?(?:reviews?|overviews?|details|discussion|examples?)\s*,?\s*)?(?:(?:see(?:\s+also)?|reviewed\s+(?:in|by)|as\s+(?:reviewed|described|shown|reported)\s+(?:in|by)|adapted\s+from|modified\s+from|data\s+from|for\s+(?:example|instance)\s*,?|such\s+as|including)\s+)/iu;
const TRAILING_ASIDE =
  /\s*,\s*(?:for\s+(?:an?\s+)?(?:recent\s+)?(?:reviews?|overviews?|details|discussion|examples?)|and\s+references\s+therein|among\s+others)\s*$/iu;

const LEAD_IN_WORDS = 8; // lower-case words a parenthesis may say before its first author
const LOWER_CASE_WORD = /^\p{Ll}[\p{Ll}'’.-]*$/u;

// Where the authors start after a lead-in of lower-case words from token `from`: "(a finding
// replicated by Rathi, 2026)", "(as first shown by van der Berg, 2019)" (the particles are the
// name's). Not after an article or a determiner, "(see the Transformer, 2017)", which names a thing.
function afterLeadIn(tokens: Token[], from: number): number {
  let k = from;
  for (let words = 0; k < tokens.length && words < LEAD_IN_WORDS; k++) {
    if (tokens[k]!.text === ',') continue;
    if (!LOWER_CASE_WORD.test(tokens[k]!.text)) break;
    words++;
  }
  if (!/^\p{Lu}/u.test(tokens[k]?.text ?? '')) return from;
  let nameFrom = k;
  while (nameFrom > from && PARTICLES.has(tokens[nameFrom - 1]!.text)) nameFrom--;
  let last = nameFrom - 1;
  while (last >= from && tokens[last]!.text === ',') last--;
  return last < from || isDeterminer(tokens[last]!.text) ? from : nameFrom;
}

// Past participles that say who reported a finding, before "by" ("replicated by") or, for those
// that name where it was written, "in" ("reviewed in"). Not "published in", "reported in",
// "collected in" or "released by", which name a journal, a place or a company as often.
const REPORTED_BY = new Set(
  'replicated shown reported proposed described demonstrated introduced confirmed observed noted suggested argued found reviewed discussed summarized summarised reanalysed reanalyzed cited quoted criticized criticised'.split(
    ' ',
  ),
);
const REPORTED_IN = new Set(
  'reviewed discussed summarized summarised described cited quoted reanalysed reanalyzed'.split(' '),
);

// Whether the free lead-in, tokens [from, to), ends in a participle and "by" or "in" that says who reported it.
function reportsBy(tokens: Token[], from: number, to: number): boolean {
  if (to - from < 2) return false;
  const [verb, preposition] = [tokens[to - 2]!.text.toLowerCase(), tokens[to - 1]!.text.toLowerCase()];
  return (preposition === 'by' && REPORTED_BY.has(verb)) || (preposition === 'in' && REPORTED_IN.has(verb));
}

/**
 * Reads one item of a parenthetical citation ("see Lin et al., 2026", "Chen and Wu 2025b",
 * "Smith, 2020, 2021", "Lin 2026, p. 3", "a finding replicated by Rathi, 2026"); undefined when the
 * item is not an author–year citation.
 */
export function readAuthorYear(item: string, knowsAuthor: KnowsAuthor = KNOWS_NO_AUTHOR): AuthorYear | undefined {
  const text = withYearLetters(
    item.replace(TRAILING_LOCATOR, '').replace(TRAILING_ASIDE, '').replace(LEADING_ASIDE, ''),
  );
  const undated = UNDATED.exec(text);
  const tokens = tokensOf(undated ? text.slice(0, undated.index) : text);
  let i = 0;
  // Lead-ins: "see", "e.g.,", "cf.", "also", "but see".
  while (i < tokens.length && LEAD_INS.has(tokens[i]!.text.toLowerCase())) {
    i++;
    if (tokens[i]?.text === ',') i++;
  }
  // Any other lower-case words before the first author: "a finding replicated by", "as shown in".
  const authorsFrom = afterLeadIn(tokens, i);
  // Years at the end, separated by commas: "…, 2020, 2021".
  let yearsFrom = tokens.length;
  while (!undated && yearsFrom > 0 && YEAR.test(tokens[yearsFrom - 1]!.text)) {
    const before = tokens[yearsFrom - 2];
    yearsFrom--;
    if (before?.text !== ',' || !YEAR.test(tokens[yearsFrom - 2]?.text ?? '')) break;
    yearsFrom--;
  }
  // MLA names the page instead of the year: "Lin and Chen 12", "Lin et al. 12–14".
  const page =
    !undated && yearsFrom === tokens.length && tokens.length - authorsFrom >= 2 && tokens.at(-1)!.spaceBefore
      ? PAGE.exec(tokens.at(-1)!.text)?.[0]
      : undefined;
  if (page !== undefined) yearsFrom = tokens.length - 1;
  if (!undated && (yearsFrom === tokens.length || !tokens[yearsFrom]!.spaceBefore)) return undefined;
  let authorsTo = yearsFrom;
  if (tokens[authorsTo - 1]?.text === ',') authorsTo--;
  // A name of several capitalized words, with the comma before its year: an organization ("World
  // Health Organization, 2020", "The Royal Society, 2020") or a work cited by its name ("Memory
  // Inception, 2026").
  const named = authorsTo < yearsFrom || Boolean(undated);
  const article = named && tokens[authorsFrom]?.text === 'The' ? 1 : 0;
  const first = readNameForward(tokens, authorsFrom + article, authorsTo, namesEtAl(tokens, authorsFrom + article));
  if (!first) return undefined;
  let j = named ? capitalizedRun(tokens, first.next, authorsTo) : first.next;
  const surname =
    j > first.next || article
      ? text.slice(tokens[authorsFrom]!.start, tokens[j - 1]!.start + tokens[j - 1]!.text.length)
      : first.name;
  let etAl = false;
  let authors = 1;
  let initials = false;
  // "Lin, et al., 2026", with a comma before "et al." as drafts often write it.
  if (
    tokens[j]?.text === ',' &&
    /^et\.?$/u.test(tokens[j + 1]?.text ?? '') &&
    /^al\.?$/u.test(tokens[j + 2]?.text ?? '')
  )
    j++;
  const afterAnd = tokens[j + 1]?.text ?? '';
  if (
    j + 1 < authorsTo + 1 &&
    // "et al.", and "et. al." as it is often misspelt.
    ((/^et\.?$/u.test(tokens[j]?.text ?? '') && /^al\.?$/u.test(afterAnd)) ||
      (tokens[j]?.text === 'and' && COLLEAGUES.has(afterAnd)))
  ) {
    etAl = true;
    j += 2;
  } else {
    while (j < authorsTo) {
      const separator = tokens[j]!.text;
      if (separator !== ',' && separator !== 'and' && separator !== '&') return undefined;
      // A name's initials after it: "Rathi, S., 2026", "Lin, K. J., & Chen, W., 2025".
      if (separator === ',' && INITIALS.test(tokens[j + 1]?.text ?? '')) {
        j += 2;
        while (j < authorsTo && INITIALS.test(tokens[j]!.text)) j++;
        initials = true;
        continue;
      }
      // The serial comma: "Lin, Chen, & Wu", "Lin, Chen, and Wu".
      if (separator === ',' && (tokens[j + 1]?.text === 'and' || tokens[j + 1]?.text === '&')) j++;
      const next = readNameForward(tokens, j + 1, authorsTo);
      if (!next) return undefined;
      j = next.next;
      authors++;
    }
  }
  if (j !== authorsTo) return undefined;
  // "(published in Nature, 2020)", "(trained on ImageNet 2012)": after a lead-in of other words a
  // name alone names a place or a thing as often as an author, so it is one only when the reading is
  // strong ("et al.", co-authors, initials), the lead-in says who reported it ("replicated by"), or
  // an author of that name is known.
  const strong = () => etAl || authors > 1 || initials || reportsBy(tokens, i, authorsFrom) || knowsAuthor(surname);
  if (authorsFrom > i && !strong()) return undefined;
  // "(COVID 2020)": an acronym alone, without "et al." or a comma, is an author only when one is known by that name.
  if (!etAl && !named && first.next === authorsTo && isAcronym(first.name) && !knowsAuthor(first.name))
    return undefined;
  const authorsStart = tokens[authorsFrom]!.start;
  const last = tokens[authorsTo - 1]!;
  return {
    surname,
    etAl,
    ...(surname !== first.name ? { group: true as const } : {}),
    authors: text.slice(authorsStart, last.start + last.text.length),
    ...(page !== undefined
      ? { years: [''], page }
      : undated
        ? { years: [''], undated: undated[1]!.replace(/\s+/gu, ' ') }
        : { years: tokens.slice(yearsFrom).flatMap((t) => (t.text === ',' ? [] : [t.text])) }),
  };
}

// Whether the name from token `from` (particles, a word) goes on with "et al." or "and colleagues":
// "Most et al., 2019" names an author Most, where "Most, 2019" might not.
function namesEtAl(tokens: Token[], from: number): boolean {
  let j = from;
  while (j < tokens.length && PARTICLES.has(tokens[j]!.text.toLowerCase())) j++;
  if (tokens[j + 1]?.text === ',') j++;
  const [joiner, rest] = [tokens[j + 1]?.text ?? '', tokens[j + 2]?.text ?? ''];
  return (/^et\.?$/u.test(joiner) && /^al\.?$/u.test(rest)) || (joiner === 'and' && COLLEAGUES.has(rest));
}

// A surname from token `from`: particles, then a capitalized word.
function readNameForward(
  tokens: Token[],
  from: number,
  to: number,
  beforeEtAl = false,
): { name: string; next: number } | undefined {
  let j = from;
  while (j < to && PARTICLES.has(tokens[j]!.text.toLowerCase()) && j + 1 < to) j++;
  const word = tokens[j];
  if (j >= to || !word || !(beforeEtAl ? isNameBeforeEtAl : isCitedName)(word.text)) return undefined;
  return {
    name: tokens
      .slice(from, j + 1)
      .map((t) => t.text)
      .join(' '),
    next: j + 1,
  };
}

const NAME_JOINERS = new Set(['of', 'for', 'the', 'on', 'in']); // "National Institutes of Health"
const NAME_RUN = 4; // words a name may run on for after its first

// The end of the capitalized words that continue a name from token `from` (`from` when none do).
function capitalizedRun(tokens: Token[], from: number, to: number): number {
  let k = from;
  for (let words = 0; k < to && words < NAME_RUN; words++) {
    if (isCitedName(tokens[k]!.text)) k++;
    else if (NAME_JOINERS.has(tokens[k]!.text) && k + 1 < to && isCitedName(tokens[k + 1]!.text)) k += 2;
    else break;
  }
  return k;
}
