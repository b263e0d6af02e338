// What kind of answer a question asks for, and whether a sentence carries one: a quantity with its
// unit for "how much / how many", a date for "when", a named item for "which / who", a finding's
// direction for yes/no and "whether" questions.
import { expandContractions } from './contractions.ts';

export type QuestionType = 'quantity' | 'time' | 'named' | 'yes_no' | 'open';

/** Measures any figure answers ("What percentage of…?": "35%"). */
export const ANY_FIGURE_MEASURES = [
  'percentage',
  'proportion',
  'share',
  'fraction',
  'number',
  'amount',
  'dose',
  'dosage',
];
/** Measures a figure answers beside the measure's word ("What batch size…?": "a batch size of 256"). */
const NAMED_MEASURES = ['size', 'rate', 'score', 'accuracy', 'throughput', 'latency', 'speed', 'count'];
// A word before a measure that is a verb, so that the measure is its object, not what is asked ("What
// does throughput depend on?", "What drives latency…?", "What caused…"): an auxiliary, a common
// irregular verb, or a word in -s or -ed (not "class", "bus", "analysis", "seed", "feed").
const VERB_BEFORE_MEASURE = `(?:is|are|was|were|be|been|do|does|did|can|could|will|would|should|may|might|must|has|have|had|makes?|made|sets|gives?|gave|drove|led|leads|keeps?|kept|\\p{L}+[^\\P{L}sui]s|\\p{L}{2,}[^\\P{L}e]ed)\\s`;
// "What (is the) (learning) rate…", "What batch size…", "What score…": a measure, after up to two
// words that are no verb; not "rate-limiting". The measure as the question writes it is group 1.
const WHAT_MEASURE_SOURCE = `what\\s+(?:(?:is|are|was|were)\\s+the\\s+)?((?:(?!${VERB_BEFORE_MEASURE})[\\p{L}][\\p{L}\\p{N}'’-]*\\s+){0,2}?(?:${[...ANY_FIGURE_MEASURES, ...NAMED_MEASURES].join('|')}))s?\\b(?!-)`;
/** A measure a "what" question asks for, anywhere in it; the measure is group 1. */
export const WHAT_MEASURE = new RegExp(`\\b${WHAT_MEASURE_SOURCE}`, 'iu');
const QUANTITY = new RegExp(
  `^\\s*(?:how\\s+(?:much|many|long|large|big|small|often|far|old|fast|high|low|frequent)\\b|to what extent\\b|${WHAT_MEASURE_SOURCE})`,
  'iu',
);
const TIME = /^\s*(?:when|in what year|what year|since when|at what age)\b/iu;
const NAMED = /^\s*(?:which|who|whom|what\s+(?:is|are|was|were)\s+the\s+name|name)\b/iu;
const YES_NO =
  /^\s*(?:is|are|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|must)\b|\bwhether\b|^[^?]*:\s*(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have)\b/iu;

const WH = /^\s*["'“]?(?:what|which|who|whom|whose|when|where|why|how|to what)\b/iu;

/** The last clause of a titled question: "Aspirin and stroke: does it help?" → "does it help?". */
function lastClause(question: string): string {
  const parts = question.split(/[:.;]\s+|\s*--\s*|\s+[-–—]\s+/u).filter((p) => /[\p{L}]/u.test(p));
  return parts.at(-1) ?? question;
}

// A preposition before a question word ("In which environments…?", "By how much…?", "For whom…?"),
// which asks what the word after it asks.
const PREPOSITION_BEFORE_WH =
  /^\s*(?:in|by|for|from|to|at|on|with|of|under|during|through|after|before|into|over|among|between|across|within|against|via|about)\s+(?=(?:what|which|who|whom|whose|when|where|why|how)\b)/iu;

/** The kind of answer the question asks for. */
export function questionType(asked: string): QuestionType {
  const question = asked.replace(PREPOSITION_BEFORE_WH, '');
  const clause = lastClause(question);
  for (const text of [asked, question, clause]) {
    if (QUANTITY.test(text)) return 'quantity';
    if (TIME.test(text)) return 'time';
    if (NAMED.test(text)) return 'named';
  }
  if (YES_NO.test(question) || YES_NO.test(clause)) return 'yes_no';
  // A question with no question word ("Aripiprazole: a new risk factor for gambling?") asks yes or no;
  // a bare name or topic with a question mark ("Litespark?", "Attention sinks?") asks what it is.
  // A question word after a comma asks what it asks ('In "Failure of cleavage…", how was senescence determined?').
  const words = question.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const afterComma = question.split(/,\s+/u).at(-1) ?? question;
  if (/\?\s*$/u.test(question) && words.length > 2 && ![question, clause, afterComma].some((t) => WH.test(t)))
    return 'yes_no';
  return 'open';
}

// A second question joined to the first: a second question mark after some words, or a clause after
// a comma, semicolon, "and" or "or" that opens with a question word ("…, and what is…", "…and how
// often do…").
const SECOND_QUESTION =
  /\?\s*\S[^?]*\?|(?:[,;]|\b(?:and|or|but)\b)\s+(?:(?:and|or|but|also|then)\s+)?(?:what|which|who|whom|whose|when|where|why|how|whether)\s+\p{L}/iu;
// Words that ask how one thing bears on another ("Does X affect Y?", "the effect of X on Y"), as
// whole words: a verb's forms, or a noun of relation; not a word that only starts alike ("the most
// effective method", "related work", "the leading labs", "what improvements", "lower-precision").
const RELATION = new RegExp(
  `\\b(?:${[
    'affect(?:s|ed|ing)?',
    'effects?',
    'impact(?:s|ed|ing)?',
    'influenc(?:e|es|ed|ing)',
    'relat(?:e|es|ed|ing)\\s+to',
    'relation(?:s|ships?)?',
    'associat(?:e|es|ed|ing|ions?)',
    'link(?:s|ed|ing)?',
    'between',
    'caus(?:e|es|ed|ing|al|ally|ality)',
    '(?:lead|leads|leading|led)\\s+to',
    'depend(?:s|ed|ing|ence)?',
    'interact(?:s|ed|ing|ions?)?',
    'chang(?:e|es|ed|ing)',
    'reduc(?:e|es|ed|ing|tions?)',
    'increas(?:e|es|ed|ing)',
    'decreas(?:e|es|ed|ing)',
    'improv(?:e|es|ed|ing)',
    'wors(?:e|en|ens|ened|ening)',
    'rais(?:e|es|ed|ing)',
    'lower(?:s|ed|ing)?(?![-\u2010\u2011])',
    'enhanc(?:e|es|ed|ing)',
    'prevent(?:s|ed|ing|ion)?',
    'promot(?:e|es|ed|ing)',
    'inhibit(?:s|ed|ing|ion)?',
    'help(?:s|ed|ing)?',
    'harm(?:s|ed|ing|ful)?',
    'hurt(?:s|ing)?',
    'benefit(?:s|ed|ted|ing|ting)?',
    'correlat(?:e|es|ed|ing|ions?)',
    'predict(?:s|ed|ing|ive|ors?)?',
  ].join('|')})\\b`,
  'iu',
);

/**
 * Whether a question asks one thing about how its parts bear on each other: a yes/no question ("Does
 * speculative decoding increase hallucination in summarization?") or one that asks of an effect or a
 * relation ("How does X affect Y?"); not two questions joined ("What is X, and what is Y?", "What is
 * X and how often does Y happen?", "What is X? What is Y?") nor one asking what several things are.
 */
export function asksOneRelation(question: string): boolean {
  if (SECOND_QUESTION.test(question)) return false;
  return questionType(question) === 'yes_no' || RELATION.test(question);
}

// "Which optimizer…", "Which of the datasets…", "What kind of model…": the noun that names the kind
// of thing the question asks for. Only after "which" (or "what kind of"): after a bare "what" the
// next word is as often a verb ("What determines…") as a noun.
const ASKED_KIND =
  /^\s*["'“]?(?:which(?:\s+of)?|what\s+(?:kinds?|types?|sorts?)\s+of)\s+(?:(?:the|a|an|these|those|two|three|four|five|\d+)\s+)?([\p{L}][\p{L}\p{N}-]*)/iu;
const NOT_A_KIND =
  /^(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|may|might|must|one|ones|of)$/iu;

/** The word naming the kind of thing a "which" question asks for ("optimizer" of "Which optimizer is best…?"), or null. */
export function askedKindWord(question: string): string | null {
  // The question itself, its last clause, or the clause after a comma ("For diffusion models, which optimizer…").
  const afterComma = /,\s*((?:which|what)\b.*)$/iu.exec(question)?.[1];
  for (const text of [question, lastClause(question), ...(afterComma ? [afterComma] : [])]) {
    const word = ASKED_KIND.exec(text)?.[1];
    if (word && !NOT_A_KIND.test(word)) return word;
  }
  return null;
}

const UNIT =
  /\b\d[\d,.]*\s*(?:%|percent|per\s?cent|(?:thousand|million|billion|trillion)\b|[kKMGT]?(?:hours?|hrs?|h|minutes?|min|seconds?|s|ms|days?|weeks?|months?|years?|mg|g|kg|µg|mcg|ml|mL|l|L|mm|cm|m|km|GB|MB|TB|tokens?|words?|images?|samples?|patients?|participants?|subjects?|people|cases?|children|women|men|adults|cells?|mice|rats|papers?|sentences?|examples?|parameters?|layers?|heads?|languages?|times|fold|x)\b)/u;
const NUMBER_WORD = /\b(?:roughly|about|approximately|nearly|over|under|more than|less than|up to|at least)\s+\d/iu;
const DATE =
  /\b(?:1[5-9]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b\d{1,2}(?:st|nd|rd|th)\s+century\b/u;
const NAME = /(?<=\S\s+)(?:[A-Z][\p{L}\d-]*[A-Z\d][\p{L}\d-]*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)/u;
// A finding's direction, read with contractions written out ("didn't" as "did not").
const DIRECTION =
  /\b(?:significant(?:ly)?|increas\w*|decreas\w*|reduc\w*|improv\w*|wors\w*|lower\w*|higher|greater|fewer|more likely|less likely|associated|no (?:significant )?(?:difference|association|effect|benefit)|did not|does not|was not|were not|not associated|effective|ineffective|safe|superior|inferior|comparable|similar|predict\w*|correlat\w*|risk|odds ratio|hazard ratio|p\s*[<=>]\s*0?\.\d+)\b/iu;

/** 0–1: how plainly a sentence carries the kind of answer the question asks for. */
export function answerShape(type: QuestionType, sentence: string): number {
  switch (type) {
    case 'quantity':
      return UNIT.test(sentence) ? 1 : NUMBER_WORD.test(sentence) || /\d/u.test(sentence) ? 0.5 : 0;
    case 'time':
      return DATE.test(sentence) ? 1 : 0;
    case 'named':
      return NAME.test(sentence) ? 1 : 0;
    case 'yes_no':
      return DIRECTION.test(expandContractions(sentence)) ? 1 : 0;
    default:
      return 0;
  }
}
