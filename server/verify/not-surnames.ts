// Capitalized words that are never an author's surname, though they stand before a year as one
// would: a month or a label ("January (2012)", "Table (2020)"), a contraction ("It's (2020)",
// "Don't"), and the closed-class words that open a sentence ("This (2021)", "We (2023)", "However
// (2020)"). A word of this kind that is also a common surname ("He et al. (2016)", "An", "Do",
// "So", "Can", "Will", "Or") is left out, so it still reads as an author. The closed-class words
// count only where a sentence's word can stand for a name, the narrative "Word (2020)"; in a
// parenthesis or before "et al." they are names ("(Still, 2019)", "Her et al. (2021)"). Also the
// words that make a capitalized word after them a thing's name ("the Transformer (2017)"), and
// acronyms ("COVID", "BERT"), which name things as often as organizations.

const words = (list: string) => list.split(/\s+/u).filter(Boolean);

const LABELS = words(`
  january february march april may june july august september october november december
  spring summer autumn fall winter table figure fig section chapter appendix eq equation
  since in from until before after during by circa year version`);
const PRONOUNS = words(`
  i you she it we they me him her us them my your his its our their
  this that these those who whom whose which what where when why how there here`);
const ARTICLES_AND_DETERMINERS = words(`
  a the all any each every some many most much few several such other another both either
  neither no none own same`);
const PREPOSITIONS_AND_CONJUNCTIONS = words(`
  at on of to into onto over under between among amongst through across against about above
  below within without with for per via upon towards toward beyond despite unlike
  and but nor if although though while whereas because as than then also not yes thereby`);
const AUXILIARIES = words('is are was were be been being has have had does did could might must shall should would');
/** Adverbs that open a sentence before a list of authors ("However, Lin and Chen (2025)"). */
const SENTENCE_ADVERBS = words(`
  however moreover furthermore recently similarly notably additionally thus indeed likewise
  conversely previously specifically importantly finally first second third hence therefore
  overall still instead meanwhile later earlier today`);

const LABEL_WORDS = new Set(LABELS);
const FUNCTION_WORDS = new Set([
  ...PRONOUNS,
  ...ARTICLES_AND_DETERMINERS,
  ...PREPOSITIONS_AND_CONJUNCTIONS,
  ...AUXILIARIES,
  ...SENTENCE_ADVERBS,
]);

// A contraction no name ends in ("Don't", "We're", "They've", "You'll"); and "'s", "'d" or "'m"
// after a word (a possessive or a contraction), judged by the word before it ("It's", "Lin's").
const CONTRACTED = /(?:n['’]t|['’](?:re|ve|ll))$/iu;
const CLITIC = /['’](?:s|d|m)$/iu;
// An acronym is a name, though it spells a word: "(WHO, 2020)", "(IT, 2021)".
const ACRONYM = /^\p{Lu}{2,}$/u;
const baseOf = (word: string) => word.replace(CLITIC, '').toLowerCase();

/** Whether a word is an acronym ("WHO", "COVID", "BERT"): the name of an organization, or of a thing. */
export const isAcronym = (word: string): boolean => ACRONYM.test(word);

// Words after which a capitalized word names a thing, not its author: "The Transformer (2017)",
// "our Llama (2023) runs", "this Llama (2023) checkpoint", "its Transformer (2017) backbone", "(see
// the Transformer, 2017)"; a name the library or the reference list knows is an author all the same.
// Not "that", which opens a clause as often ("found that Smith (2020)"), nor "his" and "her", which
// also stand without a noun.
const DETERMINERS = new Set(words('the a an this these those our their its my your'));

/** Whether a word is an article, a demonstrative or a possessive before a noun ("the", "this", "our"), after which a capitalized word names a thing. */
export const isDeterminer = (word: string): boolean => DETERMINERS.has(word.toLowerCase());

/** Whether a word is a contraction, never a name in any form: "Don't", "They've", "It's". */
export function isContraction(word: string): boolean {
  if (ACRONYM.test(word)) return false;
  return CONTRACTED.test(word) || (CLITIC.test(word) && FUNCTION_WORDS.has(baseOf(word)));
}

/** Whether a word is a month, a season or a label, which dates or numbers what follows: "(January 2012)", "Table (2020)". */
export function isLabel(word: string): boolean {
  return !ACRONYM.test(word) && LABEL_WORDS.has(baseOf(word));
}

/** Whether a capitalized word before a year, with no "et al." or co-author, can never be its author's surname. */
export function isNotSurname(word: string): boolean {
  if (ACRONYM.test(word)) return false;
  return isContraction(word) || LABEL_WORDS.has(baseOf(word)) || FUNCTION_WORDS.has(baseOf(word));
}

/**
 * Common nouns that open a sentence as the subject of a reporting verb, "Results showed …", "Data
 * suggest …", "Participants reported …": in the sentence of a year of its own (separated-author-year.ts)
 * no author, unless "et al." follows. A surname spelt as one of them ("Work", "Data") is rare.
 */
const REPORTING_NOUNS = new Set(
  words(`
  result results finding findings data datum evidence experiment experiments study studies analysis
  analyses trial trials test tests survey surveys report reports research work works paper papers
  review reviews literature theory theories observation observations measurement measurements
  simulation simulations model models estimate estimates statistic statistics figure figures
  record records source sources benchmark benchmarks metric metrics score scores outcome outcomes
  sample samples case cases example examples projection projections forecast forecasts calculation
  calculations evaluation evaluations assessment assessments audit audits log logs interview
  interviews poll polls author authors researcher researchers scientist scientists investigator
  investigators expert experts critic critics scholar scholars participant participants patient
  patients subject subjects respondent respondents people others observer observers commentator
  commentators proponent proponents opponent opponents advocate advocates official officials reader
  readers user users team teams group groups committee authority authorities government history
  experience everyone nobody someone anyone somebody everybody mortality`),
);

/** Whether a capitalized word is a common noun that opens a sentence before a reporting verb ("Results", "Data"). */
export const isReportingNoun = (word: string): boolean => REPORTING_NOUNS.has(word.toLowerCase());
