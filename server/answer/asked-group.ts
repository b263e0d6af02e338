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
/** What makes a limit one of age within it: "aged", "older"/"younger", "years old", "years of age". */
const OF_AGE = /^aged\b|\b(?:older|younger|old|of\s+age)\b/iu;
/** A word of age or of people right before a limit ("age over 65", "patients over 60", "women under 50 years"). */
const AGE_BEFORE =
  /\b(?:ages?|aged|age\s+groups?|patients|people|persons|individuals|subjects|participants|adults|children|women|men|those|ones|boys|girls|adolescents|infants|smokers|residents|veterans|volunteers|users|survivors|recipients|elderly)\s*$/iu;

/**
 * A text with each limit of age written as one word: "over60" for "patients over 60", "age above 60
 * years" or "aged 60 years or older"; "under18" for "younger than 18 years of age"; "aged50" for
 * "aged 50". A limit is one of age by its own words ("aged", "older than", "years of age") or by a
 * word of age or people right before it (AGE_BEFORE); "over 5 years", "over 60 min", "under 5 mg" or
 * "over 50%" are a time, a dose and a share. A number without a word of limit, or one counting things
 * ("in over 1000 patients"), stays.
 */
export function limitsAsWords(text: string): string {
  return text.replace(
    LIMIT,
    (limit: string, before: string | undefined, number: string, after: string | undefined, at: number) => {
      const aged = /^aged\b/iu.test(limit);
      const symbol = /[<>≤≥]/u.exec(limit)?.[0];
      const word = before ?? symbol ?? after;
      if ((word === undefined && !aged) || COUNTED.test(text.slice(at + limit.length))) return limit;
      if (!OF_AGE.test(limit) && !AGE_BEFORE.test(text.slice(0, at))) return limit;
      if (word === undefined) return `aged${number}`;
      const under = new RegExp(`^(?:${UNDER}|younger|less|[<≤])`, 'iu').test(word);
      return `${under ? 'under' : 'over'}${number}`;
    },
  );
}

/** The parts of a group named together, which are the group ("boys and girls" are children). */
const WHOLE_OF_PARTS = /\b(?:boys\s+and\s+girls|girls\s+and\s+boys)\b/giu;

/** A text with the parts of a group named together written as the group ("in boys and girls" → "in children"). */
export function partsAsWhole(text: string): string {
  return text.replace(WHOLE_OF_PARTS, 'children');
}

/** A limit written as one word (limitsAsWords). */
export const LIMIT_WORD = /^(?:over|under|aged)\d+$/u;

/**
 * Words of a group that name no group of their own: the study's people ("patients", "participants",
 * "those", "adults", "humans"), whom a finding in the whole cohort is about.
 */
const ANYONE =
  /^(?:patients?|participants?|subjects?|people|persons?|individuals?|populations?|cohorts?|those|ones|cases|adults?|humans?)$/iu;

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
  for (const { word, form } of groupPhraseWords(limited))
    if (!ANYONE.test(word) && !group.has(form)) group.set(form, { word, form });
  return [...group.values()];
}

/** The topic words of the "in" or "among" phrases after a claim's verb part (GROUP_PHRASE). */
function groupPhraseWords(claim: string): Array<{ word: string; form: string }> {
  const verbPartEnd = claimVerbPart(claim).length;
  return [...claim.matchAll(GROUP_PHRASE)]
    .filter((phrase) => phrase.index >= verbPartEnd)
    .flatMap((phrase) => [...topicWords(phrase[1] ?? '')]);
}

/**
 * The concept forms of the words for the study's people in the group a claim asks about ("adults" of
 * "… in adults", "humans"): a finding need not hold them, since one in the whole cohort is about them.
 */
export function askedPeopleForms(claim: string): Set<string> {
  return new Set(
    groupPhraseWords(limitsAsWords(claim))
      .filter(({ word }) => ANYONE.test(word))
      .map(({ form }) => form),
  );
}
