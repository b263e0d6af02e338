// What every author–year reader (author-year.ts, narrative-citations.ts, bare- and separated-author-year.ts)
// shares: the citation read, what a name is, its particles, pinpoints after the year, years in parentheses.
import type { KnowsAuthor } from './citation-target.ts';
import { isContraction, isLabel, isNotSurname } from './not-surnames.ts';

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
  /** The name runs over several capitalized words: an organization or a work's name ("World Health Organization"). */
  group?: true;
  /** APA's word for a work without a year, as written ("n.d.", "in press", "forthcoming"); then `years` is ['']. */
  undated?: string;
};

/** Knows no author: an acronym alone before a year is then never one. */
export const KNOWS_NO_AUTHOR: KnowsAuthor = () => false;

/** Particles of a surname, lower-case: the "van der" of "van der Berg". */
export const PARTICLES = new Set('van von de der den del della di da du la le dos das ter ten bin al'.split(' '));
/** Words that, after "and", stand for the other authors as "et al." does: "Lin and colleagues". */
export const COLLEAGUES = new Set([
  'colleagues',
  'coworkers',
  'co-workers',
  'collaborators',
  'coauthors',
  'co-authors',
]);
const NAME = /^\p{Lu}[\p{L}'’-]+$/u;
/** A character of a word in a name: a letter, an apostrophe or a hyphen. */
export const WORD_CHAR = /[\p{L}'’-]/u;
/** A space of any kind. */
export const SPACE = /\s/u;
// The words that name a pinpoint: "p.", "pp.", "Table", "Section", "Fig.", "Appendix", "ch.", "Thm.".
const LOCATOR_WORD =
  '[Pp]p?|[Pp]aras?|[Cc]h(?:ap(?:ter)?)?|[Ss]ec(?:tion)?|[Ff]igs?|[Ff]igure|[Tt]ab(?:le)?|[Ee]qs?|[Vv]ol|[Aa]pp(?:endix)?|[Ss]upp(?:l(?:ementary)?)?|[Ll]ines?|[Nn]otes?|[Tt]hm|[Tt]heorem|[Ll]em(?:ma)?|[Pp]rop|[Cc]or|[Dd]ef|[Aa]lg';
// "12", "3.2", "3b", "IV", "B", "S2", "12ff".
const LOCATOR_NUMBER = '(?:[\\dIVXLCivxlc]{1,6}(?:\\.\\d{1,3}){0,3}[a-z]?|[A-Z]\\d{0,3}(?:\\.\\d{1,3})?)(?:ff?\\.?)?';
const LOCATOR_PLACE = `[ \\t]*${LOCATOR_NUMBER}(?:[ \\t]*[-–][ \\t]*${LOCATOR_NUMBER})?`;
/** A pinpoint named by its word after the year: ", p. 3", ", pp. 3–5", ", Table 2", ", Section 3.2", ", Fig. 3b", ", Appendix B". */
export const WORDED_LOCATOR = `[ \\t]*,[ \\t]*(?:${LOCATOR_WORD})\\.?${LOCATOR_PLACE}`;
/**
 * Any pinpoint after the year: a worded one, ": 45", and Chicago's bare page, ", 3" or ", 34–36":
 * one to three digits, never four, which are a second year ("Smith, 2020, 2021" cites two years).
 * Outside parentheses only the worded one is a pinpoint: "Lin et al., 2026, 3 models" counts models.
 */
export const LOCATOR = `(?:${WORDED_LOCATOR}|[ \\t]*:${LOCATOR_PLACE}|[ \\t]*,[ \\t]*\\d{1,3}(?:[ \\t]*[-–][ \\t]*\\d{1,4})?(?![\\d\\p{L}]))`;
/** APA's "no date", "in press" and "forthcoming", words in place of a year (a pattern's alternatives). */
export const UNDATED_WORDS = 'n\\.[ \\t]?d\\.|in[ \\t]+press|forthcoming';
/** The years after a narrative's names: "(2026)", "(2025a, b)", "(2026; 2027)", "(2026, p. 3)", APA's "(n.d.)", "(in press)", and ACM's "[2026]". */
export const YEARS_AFTER_NAMES = new RegExp(
  `\\((${UNDATED_WORDS}|\\d{4}[a-z]?(?:[ \\t]*[,;][ \\t]*(?:\\d{4}[a-z]?|[a-z](?![\\p{L}\\d])))*)(?:${LOCATOR})?\\)|\\[(\\d{4}[a-z]?(?:[ \\t]*,[ \\t]*\\d{4}[a-z]?)*)\\]`,
  'gu',
);

/**
 * Whether a word standing alone before a year, the narrative "Word (2026)", can be a surname:
 * capitalized, and not a month, a label or a word such as "It's" or "This".
 */
export const isName = (word: string) => NAME.test(word) && !isNotSurname(word);
/** Whether a word in a parenthesis can be a surname: "(Still, 2019)" is, "(January 2012)" and "(It's 2020)" are not. */
export const isCitedName = (word: string) => NAME.test(word) && !isLabel(word) && !isContraction(word);
/** Whether a word before "et al." can be a surname: any capitalized word but a contraction ("May et al.", "Her et al."). */
export const isNameBeforeEtAl = (word: string) => NAME.test(word) && !isContraction(word);

const YEAR_LETTERS = /(\d{4})([a-z])((?:[ \t]*,[ \t]*[a-z](?![\p{L}\d]))+)/u;
/**
 * Spells out APA's "2026a, b" for two works of one year as "2026a, 2026b" (the years follow the
 * authors, so the authors' offsets do not move).
 */
export const withYearLetters = (item: string) =>
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
