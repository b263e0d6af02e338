// A question's word that no paper uses, read as the same word written the way papers write it:
// another spelling ("modelling" as "modeling", "analysed" as "analyzed", "ageing" as "aging",
// "oedema" as "edema", "centre" as "center"), a hyphenated word written joined ("non-alcoholic" as
// "nonalcoholic"), a verb by its noun of action or the noun by its verb ("deleting" as "deletion",
// "deletion" as "deleted"), or a noun of state by its base ("adulthood" as "adult"). Each is a
// regular rewrite of the word itself, read only when papers use the rewritten word: a word is never
// read by another that merely shares its start.
import type { TermStatistics } from '../verify/term-statistics.ts';
import type { Concept } from './question-concepts.ts';
import { withStandIns } from './word-family.ts';

// Spellings conceptForm does not already read alike (it reads "-ise" as "-ize", "-our" as "-or" and
// "ae" as "e"). The doubled "l" and "-yse" go both ways, since a library may write either.
const SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  // British doubled "l" after "e", "a" or "o" of a longer word ("modelling", "signalling", "labelled");
  // not after a short start ("telling", "dwelling") nor after "i" ("filling" is no "filing").
  [/(?<=\p{L}{3}[aeo])ll(?=(?:ing|ed|er|ers)$)/u, 'l'],
  [/(?<=\p{L}{3}[aeo])l(?=(?:ing|ed|er|ers)$)/u, 'll'],
  // "analysed", "catalysed", "paralysed": "-yse" as "-yze".
  [/(?<=\p{L}{3})ys(?=(?:e|ed|es|ing)$)/u, 'yz'],
  [/(?<=\p{L}{3})yz(?=(?:e|ed|es|ing)$)/u, 'ys'],
  // "ageing", "queueing": the "e" kept before "-ing".
  [/(?<=\p{L}{2})eing$/u, 'ing'],
  // "oedema", "oestrogen", "foetal", "coeliac", "homoeostasis", "diarrhoea": "oe" as "e", only in
  // these places ("poet" is no "pet", "shoe" no "she").
  [/^oe(?=\p{L}{3})|(?<=^f)oe(?=t)|(?<=c)oe(?=l)|(?<=rrh)oe|(?<=hom)oe(?=o)/u, 'e'],
  // "centre", "fibre", "litre": "-re" as "-er".
  [/(?<=\p{L}{2}[bt])re(?=[sd]?$)/u, 'er'],
  // "programme" as "program".
  [/(?<=\p{L}{4})mme(?=s?$)/u, 'm'],
];

// A verb and its noun of action, each way: the question's verb, as it writes it ("deleting",
// "infected", "expands"), by the noun papers write ("deletion", "infection", "expansion"), and its
// noun by the verb ("deletion" by "deleted"; conceptForm reads "deleted", "deleting" and "delete"
// alike). Only these regular endings; the nouns that mean something else than their verb's act are
// left out (NOT_THE_ACT).
const VERB_TO_NOUN: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=\p{L}{4})at(?:e|ed|es|ing)$/u, 'ation'],
  [/(?<=\p{L}{3})i[sz](?:e|ed|es|ing)$/u, 'ization'],
  [/(?<=\p{L}{3})if(?:y|ied|ies|ying)$/u, 'ification'],
  [/(?<=\p{L}{3})ct(?:ed|ing|s)?$/u, 'ction'],
  [/(?<=\p{L}{3})et(?:e|ed|es|ing)$/u, 'etion'],
  [/(?<=\p{L}{3})ss(?:ed|ing|es)?$/u, 'ssion'],
  [/(?<=\p{L}{3})pt(?:ed|ing|s)?$/u, 'ption'],
  [/(?<=\p{L}{3})id(?:e|ed|es|ing)$/u, 'ision'],
  [/(?<=\p{L}{3})ud(?:e|ed|es|ing)$/u, 'usion'],
  [/(?<=\p{L}{3})and(?:ed|ing|s)?$/u, 'ansion'],
  [/(?<=\p{L}{3})end(?:ed|ing|s)?$/u, 'ension'],
  [/(?<=\p{L}{3})mit(?:s|ted|ting)?$/u, 'mission'],
];
const NOUN_TO_VERB: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=\p{L}{4})ations?$/u, 'ated'],
  [/(?<=\p{L}{3})i[sz]ations?$/u, 'ized'],
  [/(?<=\p{L}{3})ifications?$/u, 'ified'],
  [/(?<=\p{L}{3})ctions?$/u, 'cted'],
  [/(?<=\p{L}{3})etions?$/u, 'eted'],
  [/(?<=\p{L}{3})ssions?$/u, 'ssed'],
  [/(?<=\p{L}{3})ptions?$/u, 'pted'],
  [/(?<=\p{L}{3})isions?$/u, 'ided'],
  [/(?<=\p{L}{3})usions?$/u, 'uded'],
  [/(?<=\p{L}{3})ansions?$/u, 'anded'],
  [/(?<=\p{L}{3})ensions?$/u, 'ended'],
  [/(?<=\p{L}{3})missions?$/u, 'mitted'],
];
// Nouns of those endings that are not their verb's act, each way: "procession" is no "process",
// "succession" no "success", "projection" no "project", "production" no "product", "conduction" no
// "conduct", "contraction" no "contract", "regression" no "regress", "conception" no "concept",
// "population" no "populated", "organization" no "organized", "attention" no "attended", "situation"
// no "situated", "implication" no "implicated", "coordination" no "coordinate"; nor an adjective's
// "-ion" noun ("discrete", "distinct", "moderate", "appropriate"). Found among the tuning corpora's
// word pairs that these rewrites join.
const NOT_THE_ACT = new Set(
  'procession accession succession profession recession commission convention provision exception affection direction perfection collection intension tension attention pension dimension mission production projection objection subjection conduction contraction defection impaction traction abstraction delusion allusion apprehension pretension conception regression corporation population organization discretion distinction induction deduction compaction subscription concretion situation appropriation moderation complication implication ordination precipitation determination realization coordination'.split(
    ' ',
  ),
);
const singular = (word: string) => word.replace(/s$/u, '');

// "adulthood" by "adult", "neighbourhood" by "neighbour": a noun of state by its base.
const STATE_NOUN: readonly [RegExp, string] = [/(?<=\p{L}{4})hoods?$/u, ''];

/** Words written before a hyphen that papers often join to the next word ("non-alcoholic", "co-culture"). */
const JOINING_PREFIX =
  /^(?:non|anti|pre|post|co|re|sub|inter|intra|multi|semi|hyper|hypo|micro|macro|over|under|mid)$/u;

/**
 * The ways papers may write a word (lower case): its other spellings (SPELLINGS), its verb's noun of
 * action or its noun's verb (VERB_TO_NOUN, NOUN_TO_VERB), and the base of a noun of state ("adulthood").
 */
export function wordVariants(word: string): string[] {
  const lower = word.toLowerCase();
  if (!/^\p{Ll}{4,}$/u.test(lower)) return [];
  const nouns = VERB_TO_NOUN.filter(([pattern]) => pattern.test(lower))
    .map(([pattern, to]) => lower.replace(pattern, to))
    .filter((noun) => !NOT_THE_ACT.has(noun));
  const verbs = NOT_THE_ACT.has(singular(lower)) ? [] : NOUN_TO_VERB;
  const variants = [
    ...[...SPELLINGS, ...verbs, STATE_NOUN]
      .filter(([pattern]) => pattern.test(lower))
      .map(([pattern, to]) => lower.replace(pattern, to)),
    ...nouns,
  ];
  return [...new Set(variants)].filter((v) => v !== lower);
}

// A word written hyphenated in the question as papers may write it joined: "alcoholic" of
// "non-alcoholic" as "nonalcoholic", and "non" itself as that word too.
function joinedVariants(question: string, word: string): string[] {
  const joined: string[] = [];
  for (const match of question.matchAll(/(?<![\p{L}\p{N}-])(\p{L}+)[-‐‑](\p{L}+)(?![\p{L}\p{N}-])/gu)) {
    const [, prefix, rest] = match as unknown as [string, string, string];
    if (!JOINING_PREFIX.test(prefix.toLowerCase())) continue;
    const lower = word.toLowerCase();
    if (lower === prefix.toLowerCase() || lower === rest.toLowerCase()) joined.push(`${prefix}${rest}`.toLowerCase());
  }
  return joined;
}

/**
 * The concepts with each word no paper uses that one of its variants stands for (wordVariants, or the
 * word joined to its hyphenated neighbour: "non-alcoholic" as "nonalcoholic"), when
 * papers use the variant: known, weighed as the variant, and held by a text that writes it
 * (`relative`). `conceptStatistics` are the library's concept forms (questionConcepts); without them, stems.
 */
export function withWordVariants(
  question: string,
  concepts: readonly Concept[],
  statistics: TermStatistics,
  conceptStatistics?: TermStatistics,
): Concept[] {
  const variants = (concept: Concept) => [...joinedVariants(question, concept.word), ...wordVariants(concept.word)];
  return withStandIns(concepts, variants, statistics, conceptStatistics);
}
