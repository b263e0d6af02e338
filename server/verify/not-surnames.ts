// Capitalized words that are never an author's surname, though they stand before a year as one
// would: a month or a label ("January (2012)", "Table (2020)"), and the closed-class words that
// open a sentence ("It's (2020)", "This (2021)", "We (2023)", "However (2020)"). A word of this
// kind that is also a common surname ("He et al. (2016)", "An", "Do", "So", "Can", "Will", "Or")
// is left out, so it still reads as an author.

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

const NOT_SURNAMES = new Set([
  ...LABELS,
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

/** Whether a capitalized word before a year can never be its author's surname. */
export function isNotSurname(word: string): boolean {
  // An acronym is a name, though it spells a word: "(WHO, 2020)", "(IT, 2021)".
  if (/^\p{Lu}{2,}$/u.test(word)) return false;
  if (CONTRACTED.test(word)) return true;
  const base = word.replace(CLITIC, '');
  return NOT_SURNAMES.has(base.toLowerCase());
}
