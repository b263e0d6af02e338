// A result an abstract states plainly, with no cue of a finding ("All cultures were negative",
// "Antibodies were detected in 40% of cases and 8% of controls", "Patients given X leave hospital
// two days earlier"): read as a finding by the bottom line (bottom-line.ts) only where the abstract
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
