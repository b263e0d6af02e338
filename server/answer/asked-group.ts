// The group a yes/no question asks about ("in patients over 60", "in women", "in patients with
// diabetes"), which a finding must name to settle the question alone (narrowed-denial.ts), and limits
// of age or size ("over 60", "aged 65 years or older") read as one word each, so that a limit is a
// group of its own rather than a number of the study's ("in 1200 patients").
import { claimVerbPart } from './change-senses.ts';
import { CHANGE_NOUNS } from './nominal-null.ts';
import { topicWords } from './question-concepts.ts';

const OVER = String.raw`over|above|older\s+than|at\s+least`;
const UNDER = String.raw`under|below|younger\s+than`;
/**
 * A number with what makes it a limit: "aged", a word of limit before it, or "or older" after it,
 * its unit of age written out or not ("over 60 years of age", "aged 65 years or older", "≥ 65").
 */
const LIMIT = new RegExp(
  String.raw`(?:\baged\s+)?(?:(?:\b(${OVER}|${UNDER})|(?<![\p{L}\p{N}])(?:[<>≤≥]))\s*)?(?<!\p{N})(\d+)(?!\.\d|\p{N})(?:\s*(?:years?|yrs?|y)\b(?:\s+(?:old|of\s+age))?)?(?:\s+(?:or|and)\s+(older|over|above|more|younger|under|below|less)\b)?`,
  'giu',
);
/** The plural after a number that makes it a count ("over 1000 patients", "in 60 women"), unless it is a unit of time. */
const COUNTED = /^\s+(?!(?:years|yrs|months|weeks|days|hours)\b)\p{L}+s\b/iu;

/**
 * A text with each limit of age or size written as one word: "over60" for "over 60", "above 60
 * years" or "aged 60 years or older"; "under18" for "younger than 18 years of age"; "aged50" for
 * "aged 50". A number without such a word, or one counting things ("in over 1000 patients"), stays.
 */
export function limitsAsWords(text: string): string {
  return text.replace(
    LIMIT,
    (limit: string, before: string | undefined, number: string, after: string | undefined, at: number) => {
      const aged = /^aged\b/iu.test(limit);
      const symbol = /[<>≤≥]/u.exec(limit)?.[0];
      const word = before ?? symbol ?? after;
      if ((word === undefined && !aged) || COUNTED.test(text.slice(at + limit.length))) return limit;
      if (word === undefined) return `aged${number}`;
      const under = new RegExp(`^(?:${UNDER}|younger|less|[<≤])`, 'iu').test(word);
      return `${under ? 'under' : 'over'}${number}`;
    },
  );
}

/** A limit written as one word (limitsAsWords). */
export const LIMIT_WORD = /^(?:over|under|aged)\d+$/u;

/** Words of a group that name no group of their own: the study's people ("patients", "participants", "those"). */
const ANYONE =
  /^(?:patients?|participants?|subjects?|people|persons?|individuals?|populations?|cohorts?|those|ones|cases)$/iu;

/**
 * An "in" or "among" phrase naming a group: not one after a noun of change, which names what changes
 * ("the increase in ultraviolet light"); up to a phrase of time, comparison or purpose, which narrows
 * otherwise ("in women during the first year").
 */
const GROUP_PHRASE = new RegExp(
  String.raw`(?<!\b(?:${CHANGE_NOUNS.join('|')})s?\s+)\b(?:in|among)\s+((?:(?!\b(?:during|after|before|within|compared|versus|vs|than|when|while|if|because|by|from|to|on|at|for|as)\b)[^,;:.])*)`,
  'giu',
);

/**
 * The words of the group a claim asks about: its limits of age or size wherever they are, and the
 * words of an "in" or "among" phrase after its verb part (claimVerbPart: "aspirin reduce stroke risk"
 * of "… in patients with diabetes"; GROUP_PHRASE), but for the study's people ("patients",
 * "participants"). A finding that settles the question alone must name each of them.
 */
export function askedGroupWords(claim: string): Array<{ word: string; form: string }> {
  const limited = limitsAsWords(claim);
  const group = new Map<string, { word: string; form: string }>();
  for (const { word, form } of topicWords(limited)) if (LIMIT_WORD.test(word)) group.set(form, { word, form });
  const verbPartEnd = claimVerbPart(limited).length;
  for (const phrase of limited.matchAll(GROUP_PHRASE)) {
    if (phrase.index < verbPartEnd) continue;
    for (const { word, form } of topicWords(phrase[1] ?? ''))
      if (!ANYONE.test(word) && !group.has(form)) group.set(form, { word, form });
  }
  return [...group.values()];
}
