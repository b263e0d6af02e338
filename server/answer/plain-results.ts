// A result an abstract states plainly, with no cue of a finding ("All cultures were negative",
// "Antibodies were more common in cases than in controls", "Patients given X leave hospital two days
// earlier"), but not values side by side with no word for which way they differ: read as a finding by the bottom line (bottom-line.ts) only where the abstract
// reports results, after its first sentence of aim or method (sentence-position.ts).
import { onlyAnnounces } from '../verify/judge/finding-sentence.ts';
import { topicShare } from './counted-findings.ts';
import { holdsStem } from './own-terms.ts';
import { conceptForms, topicWords } from './question-concepts.ts';
import { FINITE_VERB } from './relative-clauses.ts';
import { statesAimOrMethod } from './sentence-position.ts';

/**
 * The share of the claim's topic words a plainly stated result must hold. On PubMedQA's cited
 * sentences (replayed offline) any declarative sentence holding 75% of them, read anywhere in the
 * abstract, added as many wrong bottom lines as right ones: the new ones rested on background.
 */
const MIN_PLAIN_SHARE = 0.75;

/**
 * What is no result: a question, an aim ("whether", "To determine…"), a section label, or what
 * there is in general ("There is no consensus on…"), which a result says in the past tense.
 */
const NO_RESULT =
  /\?\s*$|\bwhether\b|^\s*(?:objectives?|aims?|background|purpose|context|design|methods?|introduction)\b|^\s*there\s+(?:is|are)\b/iu;

/**
 * What describes the study's participants or what was done, not what it found: a baseline ("At
 * baseline…", "Mean age was…", "52% were women") or a method in the active voice ("Patients
 * received…", "The assessment included…").
 */
const PARTICIPANTS_OR_METHOD =
  /^\s*(?:at\s+)?baseline\b|^\s*(?:the\s+)?(?:mean|median|average)\s+(?:age|follow-?up)\b|\b\d+(?:\.\d+)?\s*%\s+(?:of\s+\p{L}+\s+)?(?:were|was)\s+(?:women|men|female|male|girls|boys|smokers|white|black)\b|\b(?:received|underwent|included|comprised|consisted\s+of|involved|completed)\b/iu;

/**
 * Values stated side by side, with no word for which way they differ: "Survival was 62% with X and
 * 61% with placebo", "14.2 … vs 14.6 per 1000", "8% in both groups". Whether they answer the
 * question depends on which value is whose and on how large a difference counts, which no word says;
 * "similar", "the same", "comparable" or "in both groups" says they do not differ.
 */
/** A measured value: a share, a rate, a fraction or a decimal ("62%", "14.2 per 1000", "6/13"); not "position 332", "(ref. 8)" or "5'". */
const VALUE = /(?<![\p{L}\d.-])\d+(?:\.\d+)?\s*(?:%|per\s+(?:\d|cent\b)|\/\s*\d)|(?<![\p{L}\d.-])\d+\.\d+(?![\d-])/gu;
const SAME_IN_BOTH =
  /\b(?:similar|same|comparable|equal|equivalent|identical|(?:in|for|across)\s+(?:both|each|all)\s+(?:groups?|arms?)|both\s+groups?|each\s+group)\b/iu;
const WHICH_WAY =
  /\b(?:higher|lower|greater|smaller|larger|more|less|fewer|increased|decreased|reduced|improved|rose|fell|exceeded|better|worse|longer|shorter|doubled|halved|fold)\b/iu;

/** Whether a sentence states values side by side with no word for which way they differ. */
export function valuesWithoutDirection(sentence: string): boolean {
  return (sentence.match(VALUE) ?? []).length >= 2 && !WHICH_WAY.test(sentence);
}

/** A section label in capitals opening a sentence ("RESULTS ", "RESEARCH DESIGN AND METHODS "). */
const SECTION_OPENING = /^\s*\p{Lu}{3,}(?:\s+\p{Lu}{2,})*\s*:?\s+(?=\p{Lu})/u;

/**
 * Whether a sentence states a result plainly on the claim: it holds most of the claim's topic words
 * and is no question, aim, method or announcement. The caller reads it so only after the abstract's
 * first sentence of aim or method; its negations and hedges are read as any finding's are.
 */
export function plainResult(sentence: string, claim: string): boolean {
  // A label in capitals opening the sentence ("RESULTS", "CONCLUSIONS") says where it stands, not what.
  const unlabelled = sentence.replace(SECTION_OPENING, '');
  return (
    claim !== '' &&
    !NO_RESULT.test(unlabelled) &&
    !statesAimOrMethod(unlabelled) &&
    !onlyAnnounces(sentence) &&
    !PARTICIPANTS_OR_METHOD.test(unlabelled) &&
    !SAME_IN_BOTH.test(unlabelled) &&
    !valuesWithoutDirection(unlabelled) &&
    !moreDenyingNames(sentence, claim) &&
    hasMainVerb(unlabelled) &&
    topicShare(sentence, claim) >= MIN_PLAIN_SHARE &&
    holdsOutcome(sentence, claim)
  );
}

/** A verb in the present that a plain result often holds without an auxiliary ("deletions lead to", "it requires"). */
const PRESENT_VERB =
  /^(?:leads?|shows?|causes?|contributes?|depends?|requires?|remains?|occurs?|exists?|differs?|acts?|plays?|mediates?|promotes?|inhibits?|regulates?|affects?|increases?|decreases?|reduces?|improves?|predicts?|correlates?|appears?|seems?|tends?|binds?|blocks?|enhances?|impairs?|prevents?|induces?|suppresses?|yields?|produces?|provides?|results?|lacks?|needs?|fails?)$/iu;
/** A participle that describes a noun ("obtained by", "presented with"), or a verb in a relative clause ("women who presented"). */
const NO_MAIN_VERB = /^(?:by|with|to|from|on|in|at|for|using|as|during|after|before|under|via|within)$/iu;
const RELATIVE = /^(?:who|which|that|whom|whose)$/iu;
const NOUN_BEFORE = /^(?:the|a|an|of|for|and|or|in|on|with|to|its|their|his|her|our|this|these|those|no|any)$/iu;

/**
 * Whether a sentence has a main verb: a fragment ("Survival after feeding tube insertion.",
 * "Fourteen women who presented with polyps.", "Evaluation of histograms obtained by cytometry.")
 * states no result, as the section labels a collection strips leave them.
 */
function hasMainVerb(sentence: string): boolean {
  const words = sentence.match(/\p{L}+/gu) ?? [];
  return words.some((word, i) => {
    // Not a noun after a determiner or a preposition ("the need for", "of results").
    if (PRESENT_VERB.test(word)) return i > 0 && !NOUN_BEFORE.test(words[i - 1] ?? '');
    if (!FINITE_VERB.test(word)) return false;
    const before = words[i - 1] ?? '';
    const after = words[i + 1] ?? '';
    return !RELATIVE.test(before) && !(/ed$/iu.test(word) && NO_MAIN_VERB.test(after));
  });
}

/**
 * Whether a sentence holds the claim's last topic word, most often its outcome or what it predicates
 * ("…is it safe?", "…predict disability?"): "One hundred trauma patients were started on
 * anticoagulation" holds the subject of "Therapeutic anticoagulation in trauma patients: is it safe?"
 * and says nothing of safety.
 */
function holdsOutcome(sentence: string, claim: string): boolean {
  let last: string | undefined;
  for (const { form } of topicWords(claim)) last = form;
  return last === undefined || holdsStem(conceptForms(sentence), last);
}

/** A word that names a thing by what it lacks ("lacking", "without"). */
const DENYING_NAME = /\b(?:lack(?:s|ed|ing)?|without)\b/giu;

/**
 * Whether a sentence holds more words that name a thing by what it lacks than its claim does: the
 * claim's own ("cells without BRCA1") names its subject, another ("were without the ability to
 * repair") may deny the result, which the judge does not read as a denial.
 */
function moreDenyingNames(sentence: string, claim: string): boolean {
  return (sentence.match(DENYING_NAME) ?? []).length > (claim.match(DENYING_NAME) ?? []).length;
}
