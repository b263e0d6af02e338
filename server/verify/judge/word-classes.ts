// What the built-in judge knows of a word by itself, whatever sentence it stands in: whether it
// opens a clause, negates, names a condition ("without", "lacking"), claims a whole or none
// ("always", "never"), and its direction of effect ("reduces", "higher"); kept once per word, since
// sentences share most of their words. stance-reading.ts reads sentences with it.
import { polarStem } from './antonyms.ts';
import { isNegation } from './negation-words.ts';
import { PREDICATE_ADVERB } from './restrictions.ts';

// Negations of a noun phrase ("mice lacking SIRT1", "without treatment"): they name a condition, not
// a negated finding, so they reach only the next few words and do not make the sentence negated.
export const CONDITION_NEGATION = new Set(['without', 'lacking', 'absence', 'deficient', 'deficiency']);

// An adverb ends the noun phrase a negation of a thing reaches ("proliferated slowly"); a few nouns
// end as adverbs do ("with no prior family history").
export const ADVERB = /^(?!(?:family|assembly|supply|anomaly|reply)$)\p{L}{2,}ly$/u;

const UP =
  /^(?:increas\w*|higher|high|elevat\w*|enhanc\w*|promot\w*|rais\w*|rise[sn]?|rising|rose|up-?regulat\w*|greater|more|improv\w*|stimulat\w*|activat\w*|induc\w*|accelerat\w*|augment\w*|boost\w*|potentiat\w*|exacerbat\w*|amplif\w*|gain\w*|exceed\w*|better|benefit\w*|facilitat\w*|strengthen\w*|larger|longer|faster|stronger|positively|expand\w*|abundant|enrich\w*|accumulat\w*|encourag\w*|foster\w*|favou?r\w*|overexpress\w*|excess\w*|upregulat\w*|heighten\w*|prolong\w*|extend\w*)$/u;
const DOWN =
  /^(?:decreas\w*|reduc\w*|lower\w*|low|inhibit\w*|suppress\w*|down-?regulat\w*|less|fewer|impair\w*|attenuat\w*|diminish\w*|block\w*|prevent\w*|slow\w*|declin\w*|loss|lose[sd]?|abolish\w*|abrogat\w*|alleviat\w*|ameliorat\w*|shorten\w*|imped\w*|hinder\w*|hamper\w*|worsen\w*|worse|hurt\w*|harm\w*|damag\w*|weaken\w*|smaller|shorter|negatively|deactivat\w*|inactivat\w*|scarce|deplet\w*|drop\w*|fall|falls|fell|discourag\w*|retard\w*|lessen\w*|curb\w*|restrict\w*|downregulat\w*|disrupt\w*|interfer(?!on)\w*|counteract\w*|antagoni\w*|inverse|inversely|dampen\w*|restrain\w*|eradicat\w*|eliminat\w*|silenc\w*|reliev\w*|relief)$/u;
const ALWAYS = /^(?:always|every|all|invariably|routinely|consistently|universally|necessarily)$/u;
const NEVER = /^(?:never|rarely|seldom|none|nowhere)$/u;
const CLAUSE_WORD = /^(?:but|whereas|while|although|though|however|yet|unlike|instead|despite)$/u;

const RELATION = /^(?:correlat|associat|relationship)/u;
/** The sign of a relation at token i ("a positive correlation", "negative association"), which is not a change. */
export function relationSign(tokens: ReadonlyArray<{ word: string }>, i: number): -1 | 0 | 1 {
  const word = tokens[i]!.word;
  if (word !== 'positive' && word !== 'negative') return 0;
  const next = tokens[i + 1]?.word ?? '';
  return RELATION.test(next) ? (word === 'positive' ? 1 : -1) : 0;
}

/**
 * What the reading needs to know of a word by itself; sentences share most of their words, so this
 * is worked out once per word rather than with eight patterns per word of every sentence read.
 */
export type WordClass = {
  clauseWord: boolean;
  negation: boolean;
  condition: boolean;
  always: boolean;
  never: boolean;
  direction: -1 | 0 | 1;
  /** Its stem in the antonym lexicon, or null; looked up when first asked for (polarOfWord). */
  polar?: string | null;
};
// Cleared when full, as the analyzer's stem cache is: a bound on memory, not a hot path.
const WORD_CLASSES_KEPT = 20_000;
const wordClasses = new Map<string, WordClass>();

/** The class of a (lower-case) word, kept once worked out. */
export function classOf(word: string): WordClass {
  let known = wordClasses.get(word);
  if (known === undefined) {
    known = {
      clauseWord: CLAUSE_WORD.test(word),
      negation: isNegation(word),
      condition: CONDITION_NEGATION.has(word),
      always: ALWAYS.test(word),
      never: NEVER.test(word),
      direction: UP.test(word) ? 1 : DOWN.test(word) ? -1 : 0,
    };
    if (wordClasses.size >= WORD_CLASSES_KEPT) wordClasses.clear();
    wordClasses.set(word, known);
  }
  return known;
}

/** A word's stem in the antonym lexicon, looked up once and kept with its class. */
export function polarOfWord(kind: WordClass, word: string): string | null {
  if (kind.polar === undefined) kind.polar = polarStem(word) ?? null;
  return kind.polar;
}

/**
 * Whether a word starts a predicate after a noun phrase: a word with a direction of effect or an
 * adverb, "-ly" or one that opens a predicate ("cells lacking BAX | still underwent…").
 */
export const startsPredicate = (kind: WordClass, word: string) =>
  kind.direction !== 0 || ADVERB.test(word) || PREDICATE_ADVERB.test(word);
