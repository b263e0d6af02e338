// What a sentence says a thing needs, and what it says it does without: "requires extensive
// training", "a GPU is needed", "depends on ATM" against "without any training", "training-free",
// "does not require a GPU", "no GPU is needed", "semantically empty". Read once per sentence with the rest of its reading
// (stance-reading.ts); a claim and its evidence that disagree here contradict each other.

/** A word of the sentence as the analyzer gives it: its stem (null for a stop word) and its offsets. */
type Token = { word: string; term: string | null; start: number; end: number };

/**
 * The terms a sentence names as needed, and those it names as done without; and, read for whole
 * phrases only, what it says a thing has ("carries clear semantic content") and the phrases it says
 * a thing is without: of two or more terms after "without" or a denied having ("without any semantic
 * content", "carries no semantic content"), of any length after an adjective of emptiness
 * ("semantically empty", "devoid of meaning").
 */
export type Requirements = { required: string[]; dispensed: string[]; held: string[]; lacking: string[][] };

export const NO_REQUIREMENTS: Requirements = Object.freeze({
  required: [],
  dispensed: [],
  held: [],
  lacking: [],
}) as Requirements;

// "requires X", "needs X", "depends on X", "relies on X", "necessitates X"; the plain form too
// ("backdoors rely on trigger phrases", "methods depend on labels").
const ACTIVE =
  /^(?:requires?|requiring|needs|necessitates?|necessitating|depends?|depending|rely|relies|relying|reliant|dependent)$/u;
// "X is required", "X was needed".
const PASSIVE = /^(?:required|needed|necessary|essential|indispensable)$/u;
const BE = /^(?:is|are|was|were|be|been|being)$/u;
// "carries X", "contains X", "has X": what a thing has (an auxiliary "has been", "had shown" is not).
const HAVING =
  /^(?:carry|carries|carried|carrying|contains?|contained|containing|has|have|had|having|holds?|possess(?:es)?|retains?|encodes?|conveys?|bears?)$/u;
const AUXILIARY_NEXT = /^(?:been|\p{L}+ed|\p{L}+en)$/u;
const NEGATION = /^(?:not|no|never|without|nt)$/u;
// A word naming an action after "by" ("by fine-tuning", "by retraining"), not a thing ("by string").
const GERUND = /^\p{L}{2,}ing$/u;
const EXCEPT_GERUND = /^(?:nothing|something|anything|everything|king|ring|string|spring|wing|thing)$/u;

/** Whether token `at` begins an action named by a gerund, alone ("retraining") or hyphenated ("fine-tuning"). */
function namesAction(text: string, tokens: readonly Token[], at: number): boolean {
  const first = tokens[at];
  if (!first) return false;
  const gerund = (word: string) => GERUND.test(word) && !EXCEPT_GERUND.test(word);
  if (gerund(first.word)) return true;
  const second = tokens[at + 1];
  return second !== undefined && text.slice(first.end, second.start) === '-' && gerund(second.word);
}
// Words that quantify what is needed without naming it: "without any training".
const QUANTIFYING = /^(?:any|some|much|more|further|additional|extra)$/u;
/** Content words on the far side of the marker that can name what is needed. */
const REACH = 3;
// Words between "without" and what it does without, skipped before the reach is counted, as a
// negation of a thing skips them (thing-negations.ts): "without any large-scale training" does
// without training too.
const FILLER = /^(?:any|a|an|the|some|of|additional|extra|further|its|their)$/u;
const FILLERS_SKIPPED = 3;
// "semantically empty", "devoid of meaning", "empty of content": adjectives that say a thing is
// without what the adverb before them or the phrase after "of" names.
const EMPTY = /^(?:empty|devoid|void|bereft)$/u;
// Adverbs of degree before such an adjective say how empty, not of what ("largely empty").
const DEGREE =
  /^(?:largely|mostly|nearly|almost|completely|entirely|essentially|virtually|practically|totally|fully|partly|partially|relatively|wholly|effectively|seemingly|apparently)$/u;

// The content terms of the noun phrase after token `at` ("without"), read as a negation of a thing
// reads it (thing-negations.ts): past the fillers and need words ("without requiring any"), the
// consecutive content words, up to REACH, never across a stop word or punctuation ("without any
// training by editing" does without training, not editing).
function phraseAfter(text: string, tokens: readonly Token[], at: number): string[] {
  const found: string[] = [];
  let skipped = 0;
  for (let j = at + 1; j < tokens.length && found.length < REACH; j++) {
    if (/[,;:()]/u.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
    const { word, term } = tokens[j]!;
    const filler = FILLER.test(word) || ACTIVE.test(word) || PASSIVE.test(word) || QUANTIFYING.test(word);
    if (found.length === 0 && filler && skipped < FILLERS_SKIPPED) {
      skipped++;
      continue;
    }
    if (term === null || filler) break;
    found.push(term);
  }
  return found;
}

// What an adjective of emptiness at token `i` says a thing is without: the adverb before it
// ("semantically empty"), and the words after "of" ("devoid of semantic content").
function emptiedOf(text: string, tokens: readonly Token[], i: number): string[] {
  const phrase: string[] = [];
  const before = tokens[i - 1];
  if (before?.term && /ly$/u.test(before.word) && !DEGREE.test(before.word)) phrase.push(before.term);
  if (tokens[i + 1]?.word === 'of') phrase.push(...phraseAfter(text, tokens, i + 1));
  return phrase;
}

// Content terms from token `from` onwards (or backwards), up to REACH tokens, stopping at punctuation.
function termsFrom(text: string, tokens: readonly Token[], from: number, step: 1 | -1): string[] {
  const found: string[] = [];
  for (let j = from, seen = 0; j >= 0 && j < tokens.length && seen < REACH; j += step, seen++) {
    const [a, b] = step === 1 ? [j - 1, j] : [j, j + 1];
    if (a >= 0 && b < tokens.length && /[,;:()]/u.test(text.slice(tokens[a]!.end, tokens[b]!.start))) break;
    const term = tokens[j]!.term;
    const word = tokens[j]!.word;
    if (term && !ACTIVE.test(word) && !PASSIVE.test(word) && !QUANTIFYING.test(word)) found.push(term);
  }
  return found;
}

// Whether one of the two words before token `i` negates it ("does not require", "doesn't need").
const negatedBefore = (tokens: readonly Token[], i: number) =>
  [tokens[i - 1], tokens[i - 2]].some((t) => t !== undefined && NEGATION.test(t.word));

/** The requirements a sentence states. */
export function requirementsOf(text: string, tokens: readonly Token[]): Requirements {
  const required: string[] = [];
  const dispensed: string[] = [];
  const held: string[] = [];
  const lacking: string[][] = [];
  tokens.forEach((token, i) => {
    const word = token.word;
    if (word === 'without') {
      const without = phraseAfter(text, tokens, i);
      dispensed.push(...without);
      if (without.length > 1) lacking.push(without);
    } else if (EMPTY.test(word)) {
      // "semantically empty" says as much as "carries no semantic meaning": a phrase done without,
      // compared with the other side's as "without" and "no" are (lackingAlike).
      const emptied = emptiedOf(text, tokens, i);
      if (emptied.length > 0) lacking.push(emptied);
    } else if (HAVING.test(word) && !AUXILIARY_NEXT.test(tokens[i + 1]?.word ?? '')) {
      // "carries no semantic content", "does not contain semantic content": a phrase done without.
      const denied = negatedBefore(tokens, i) || tokens[i + 1]?.word === 'no';
      const has = termsFrom(text, tokens, denied && tokens[i + 1]?.word === 'no' ? i + 2 : i + 1, 1);
      if (!denied) held.push(...has);
      else if (has.length > 1) lacking.push(has);
    } else if (word === 'free' && i > 0 && text.slice(tokens[i - 1]!.end, token.start) === '-' && tokens[i - 1]!.term) {
      // "training-free", "label-free".
      dispensed.push(tokens[i - 1]!.term!);
    } else if (
      word === 'by' &&
      namesAction(text, tokens, i + 1) &&
      !negatedBefore(tokens, i) &&
      tokens[i - 1]?.word !== 'than' &&
      tokens[i - 1]?.word !== 'of'
    ) {
      // "steers the model by fine-tuning its weights": the means a thing works by is what it needs;
      // only the action itself ("by prompting a pretrained model" needs prompting, not training), and
      // not one denied ("rather than by retraining", "instead of by retraining").
      const hyphenated = !GERUND.test(tokens[i + 1]!.word);
      const action = tokens
        .slice(i + 1, i + (hyphenated ? 3 : 2))
        .map((t) => t.term)
        .filter((t): t is string => t !== null);
      required.push(...action);
    } else if (ACTIVE.test(word)) {
      const after = tokens[i + 1]?.word === 'on' || tokens[i + 1]?.word === 'upon' ? i + 2 : i + 1;
      const needs = termsFrom(text, tokens, after, 1);
      (negatedBefore(tokens, i) || tokens[after]?.word === 'no' ? dispensed : required).push(...needs);
    } else if (PASSIVE.test(word) && i > 0) {
      // "X is required", "X is not needed", "no X is needed".
      let at = i - 1;
      const negated = tokens[at]?.word === 'not';
      if (negated) at--;
      if (!BE.test(tokens[at]?.word ?? '')) return;
      const needs = termsFrom(text, tokens, at - 1, -1);
      const denied = negated || tokens.slice(Math.max(0, at - REACH - 1), at).some((t) => t.word === 'no');
      (denied ? dispensed : required).push(...needs);
    }
  });
  const none = required.length === 0 && dispensed.length === 0 && held.length === 0 && lacking.length === 0;
  return none ? NO_REQUIREMENTS : { required, dispensed, held, lacking };
}

// Kinds of a more general need, as the analyzer's terms: fine-tuning, pretraining and retraining are
// training, so a method "without any training" does without each of them.
const KINDS_OF_TRAINING = new Set(['finetun', 'pretrain', 'retrain']);
/** The more general needs that the terms name a kind of ("fine tune": train). */
function generalNeeds(terms: readonly string[]): string[] {
  const fineTuning = terms.includes('fine') && terms.includes('tune');
  return fineTuning || terms.some((t) => KINDS_OF_TRAINING.has(t)) ? ['train'] : [];
}

/**
 * Whether a claim and its evidence disagree on what is needed: the claim needs what the evidence
 * does without ("requires training" against "without any training"; "requires fine-tuning" too, a
 * kind of training), or does without what the evidence needs. A term either side both needs and
 * does without decides nothing ("without any training, and improves further by fine-tuning"). A
 * phrase one side has and the other is without ("carry semantic content" against "without any
 * semantic content") is read in `elsewhere` too: the paper's other sentences that may say a thing
 * is without something (mayLackPhrase).
 */
export function requirementConflict(
  claim: Requirements,
  evidence: readonly Requirements[],
  elsewhere: readonly Requirements[] = [],
): boolean {
  if (phraseConflict(claim, [...evidence, ...elsewhere])) return true;
  if (claim.required.length === 0 && claim.dispensed.length === 0) return false;
  const required = new Set(evidence.flatMap((e) => e.required));
  const dispensed = new Set(evidence.flatMap((e) => e.dispensed));
  const claimNeeds = [...claim.required, ...generalNeeds(claim.required)].filter((t) => !claim.dispensed.includes(t));
  return (
    claimNeeds.some((t) => dispensed.has(t) && !required.has(t)) ||
    claim.dispensed.some((t) => required.has(t) && !dispensed.has(t))
  );
}

// Whether one side has every term of a phrase the other is without, and that other does not have it
// too: "carry clear semantic content" against "without any semantic content". A phrase of one term
// ("without treatment") is a condition, too common to oppose a having by itself.
function phraseConflict(claim: Requirements, evidence: readonly Requirements[]): boolean {
  const lacks = (has: readonly string[], phrases: readonly string[][]) =>
    phrases.some((phrase) => phrase.every((t) => has.includes(t)));
  const evidenceHeld = evidence.flatMap((e) => e.held);
  const evidenceLacking = evidence.flatMap((e) => e.lacking);
  return (
    (claim.held.length > 0 && lacks(claim.held, evidenceLacking) && !lacks(evidenceHeld, evidenceLacking)) ||
    (claim.lacking.length > 0 && lacks(evidenceHeld, claim.lacking) && !lacks(claim.held, claim.lacking))
  );
}

/**
 * Whether both sides say a thing is without the same phrase, each in its own words: "carries no
 * semantic content" against "without any semantic content". The claim's phrase, every term of it,
 * must be one the evidence is without, and the evidence must not also say the thing has it.
 */
export function lackingAlike(claim: Requirements, evidence: Requirements): boolean {
  if (claim.lacking.length === 0 || evidence.lacking.length === 0) return false;
  const within = (phrase: readonly string[], phrases: readonly string[][]) =>
    phrases.some((other) => phrase.every((t) => other.includes(t)));
  const lacked = claim.lacking.some((phrase) => within(phrase, evidence.lacking));
  return lacked && !evidence.lacking.some((phrase) => phrase.every((t) => evidence.held.includes(t)));
}

/** Whether a text may say a thing is without a phrase (before it is read whole). */
export const mayLackPhrase = (text: string) => /\b(?:without|no)\b/iu.test(text);
