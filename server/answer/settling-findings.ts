// When one cited sentence settles a yes/no question against its claim on its own, where the fitted
// balance (bottom-line.ts) otherwise asks two findings against: a qualifier the sentence puts in the
// place of the claim's ("regardless of" for "only when", "approximately" for "exactly", "lethal" for
// "viable"), a model the authors reject in the claim's words, a difference stated for a question of
// sameness (stated-sameness.ts), and a finding against that is plainly on the question (its
// comparison reversed, the claim's own verb denied as an ability, or a null finding on the question's
// own terms: narrowed-denial.ts). A rejection denied ("cannot rule out") and a denial denied settle
// nothing.
import { comparisonConflict } from '../verify/judge/comparison-conflicts.ts';
import { readSentence } from '../verify/judge/stance-reading.ts';
import { deniesAbility, statesAskedContrast, topicShare } from './counted-findings.ts';
import { CLAUSE_BREAK, FRONTED_PHRASE, NEGATION } from './finding-clauses.ts';
import { MIN_SETTLING_SHARE, settlesAsDenial } from './narrowed-denial.ts';
import { describesComparedGroups, isUnsettlingNominalNull, verbalNull } from './nominal-null.ts';
import { holdsStem } from './own-terms.ts';
import { conceptForms, topicWords } from './question-concepts.ts';
import { statedSameness } from './stated-sameness.ts';

/**
 * Pairs of qualifiers where a sentence holding the second, and not the first, says the claim holding
 * the first does not hold: a condition the claim makes the only one against one that does not matter,
 * an exact form against an approximate one, a living form against a lethal one.
 */
const OPPOSED_QUALIFIERS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [
    /\bonly\s+(?:when|if|in|with|under|after|for)\b/iu,
    /\b(?:regardless\s+of|irrespective\s+of|independent(?:ly)?\s+of)\b/iu,
  ],
  [
    /\b(?:exactly|precisely|strictly|perfectly)\b/iu,
    /\b(?:approximately|roughly|nearly|almost|only\s+approximately)\b/iu,
  ],
  [/\bviable\b/iu, /\b(?:lethal|inviable|nonviable|non-viable|lethality)\b/iu],
  [/\b(?:lethal|lethality)\b/iu, /\b(?:viable|survived|survive)\b/iu],
];

/**
 * Whether a sentence puts an opposed qualifier in the place of the claim's ("BCL9 enhances the
 * activity regardless of the mutational status" for "BCL9 enhance the activity only when the
 * components are mutated"; "the double mutant was lethal" for "the double mutant viable"). The
 * sentence must not hold the claim's own qualifier as well ("the single mutant was viable, the double
 * mutant lethal" answers either way).
 */
export function opposedQualifier(claim: string, sentence: string): boolean {
  return OPPOSED_QUALIFIERS.some(([asked, opposed]) => {
    const condition = asked.exec(claim);
    const against = opposed.exec(sentence);
    if (condition === null || against === null || asked.test(sentence)) return false;
    const rest = sentence.slice(against.index + against[0].length);
    if (!/^only\b/iu.test(condition[0])) return qualifiesClaim(claim.replace(asked, ' '), sentence, against, rest);
    // A condition set aside must be the claim's: "only when the genes are mutated" is answered by
    // "regardless of the mutational status", not by "independent of age"; nor by "…in patients with
    // diabetes, regardless of patients' age", which states the claim's condition as well.
    const conditionWords = [...topicWords(claim.slice(condition.index + condition[0].length))];
    const asks = new Set(conditionWords.map(({ form }) => form));
    const phraseEnd = /[,;.]/u.exec(rest)?.index ?? rest.length;
    const outside = conceptForms(`${sentence.slice(0, against.index)} ${rest.slice(phraseEnd)}`);
    if (conditionWords.length > 0 && conditionWords.every(({ form }) => holdsStem(outside, form))) return false;
    const after = rest.trim().split(/\s+/u).slice(0, 10).join(' ');
    return [...conceptForms(after)].some((form) => form.length > 3 && holdsStem(asks, form));
  });
}

/** The share of the claim's other topic words the clause of an opposed exact or living form must hold. */
const MIN_QUALIFIED_SHARE = 0.7;

/**
 * Whether an opposed exact or living form ("approximately", "lethal", "survived") qualifies what the
 * claim is about: not a number ("approximately 40 kDa", "nearly 300 samples"), not a short survival
 * ("survived only a few days"), and in a clause holding most of the claim's other topic words
 * ("Because Abc1 loss is lethal in zebrafish, we generated knockout mice…" is not about the mice).
 */
function qualifiesClaim(claim: string, sentence: string, against: RegExpExecArray, rest: string): boolean {
  if (
    /^\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:few|dozen|hundred|thousand))\b)/iu.test(rest)
  )
    return false;
  if (/^surviv/iu.test(against[0]) && /^\s+(?:only|until|for\s+only|to\s+only)\b/iu.test(rest)) return false;
  const marked = `${sentence.slice(0, against.index)}\u0000${sentence.slice(against.index)}`.replace(
    FRONTED_PHRASE,
    '$1 ',
  );
  const clause = marked.split(CLAUSE_BREAK).find((part) => part.includes('\u0000')) ?? marked;
  return topicShare(clause.replace('\u0000', ''), claim) >= MIN_QUALIFIED_SHARE;
}

/**
 * A model, view or hypothesis the authors reject ("Our results disagree with models in which the
 * stalk acts as a lever arm", "…are inconsistent with the view that…"); the group is what the
 * rejected model holds.
 */
const REJECTED_MODEL =
  /\b(?:disagree|disagrees|disagreed|are\s+inconsistent|is\s+inconsistent|are\s+incompatible|is\s+incompatible|argue\s+against|argues\s+against|rule\s+out|rules\s+out|ruled\s+out|refute|refutes|refuted)\s+(?:with\s+)?(?:the\s+|a\s+|any\s+|previous\s+|current\s+|existing\s+)*(?:models?|views?|hypothes[ie]s|notions?|ideas?|proposals?)\s+(?:in\s+which|that|where|whereby)\b([^.;]*)/iu;

/** A denial just before a rejection ("cannot rule out", "did not refute", "failed to rule out"). */
const DENIED_BEFORE =
  /(?:\bnot|\bcannot|n't|\bnever|\bunable\s+to|\bfail(?:s|ed)?\s+to)\s+(?!(?:only|merely|just|simply)\b)(?:\p{L}+ly\s+)?(?:be\s+)?$/iu;

/** Whether the authors reject a model in which the claim holds: the model holds all the claim's topic words but one. */
export function rejectsClaimedModel(claim: string, sentence: string): boolean {
  const rejected = REJECTED_MODEL.exec(sentence);
  if (rejected === null) return false;
  // A rejection denied ("We cannot rule out the hypothesis that…") rejects nothing, and a model
  // that itself denies ("models in which the neck does not rotate") is no claim rejected.
  if (DENIED_BEFORE.test(sentence.slice(0, rejected.index))) return false;
  const model = rejected[1] ?? '';
  return !NEGATION.test(model) && topicShare(model, claim) >= MIN_SETTLING_SHARE;
}

/**
 * Whether a finding against a claim settles the question on its own: it reverses the claim's
 * comparison ("16-nt siRNA has a higher loading capacity than 19-nt siRNA" for "16-nt siRNA a weaker
 * trigger than 19-nt siRNA"), denies the claim's verb as an ability ("its inability to polymerize"),
 * or holds nearly all the claim's topic words. A null finding on part of the question, or a reversed
 * effect on a neighbouring outcome, stays one finding among others (on PubMedQA they point either way).
 */
export function settlesAgainst(claim: string, sentence: string): boolean {
  if (DOUBLE_DENIAL.test(sentence) || DENIED_REJECTION.test(sentence)) return false;
  return settlesAsDenial(claim, sentence) || settlingInability(claim, sentence) || reversesComparison(claim, sentence);
}

/**
 * Whether a sentence reverses the claim's comparison in the clause holding the claim's outcome: a
 * comparison denied ("was not slower than") reverses nothing, nor does one on a neighbouring outcome
 * ("less effective at reducing nausea, but reduced pain more" for a question about pain).
 */
function reversesComparison(claim: string, sentence: string): boolean {
  if (NEGATION.test(sentence)) return false;
  const asked = [...topicWords(claim)];
  const clauses = sentence.split(CLAUSE_BREAK).map((part) => ({ part, forms: conceptForms(part) }));
  return clauses.some(
    ({ part, forms }) =>
      // Another clause holds none of the claim's topic words this one lacks.
      clauses.every(
        (other) =>
          other.part === part || asked.every(({ form }) => holdsStem(forms, form) || !holdsStem(other.forms, form)),
      ) && comparisonConflict(readSentence(claim), [readSentence(part)]),
  );
}

/** A rejection denied ("cannot rule out", "did not refute"): it leaves the question open. */
const DENIED_REJECTION =
  /(?:\bnot|\bcannot|n't|\bnever|\bunable\s+to|\bfail(?:s|ed)?\s+to)\s+(?!(?:only|merely|just|simply)\b)(?:\p{L}+ly\s+)?(?:be\s+)?(?:rule|ruled|exclude|excluded|refute|refuted|reject|rejected)\b/iu;
/** What a denied rejection leaves open: a model, view, hypothesis or possibility ("…rule out the possibility that…"). */
const OPEN_OBJECT =
  /^\s+(?:out\s+)?(?:(?:the|a|an|any|this|that|these|such|other)\s+)*(?:\p{L}+\s+)?(?:models?|views?|hypothes[ie]s|possibilit(?:y|ies)|notions?|ideas?|proposals?|explanations?)\b/iu;
/**
 * Whether a sentence denies the rejection of a model, view, hypothesis or possibility ("We cannot rule
 * out the hypothesis that…", "did not refute the model in which…"): it leaves the question open, so it
 * counts neither way. "…, although a small benefit cannot be excluded" leaves the finding standing.
 */
export function leavesOpen(sentence: string): boolean {
  const denied = DENIED_REJECTION.exec(sentence);
  return denied !== null && OPEN_OBJECT.test(sentence.slice(denied.index + denied[0].length));
}

/** Where a sentence's clauses part, each break found in turn. */
const CLAUSE_BREAKS = /[,;:]\s*|\s+(?:but|although|though|whereas|while|however)\s+/giu;

/**
 * A sentence without the clause of a caveat whose rejection it denies ("…, although a small benefit
 * cannot be excluded", "residual confounding cannot be ruled out"): the finding the rest states
 * stands. A sentence that is only the caveat leaves nothing.
 */
export function withoutCaveat(sentence: string): string {
  const denied = DENIED_REJECTION.exec(sentence);
  if (denied === null) return sentence;
  let start = 0;
  let end = sentence.length;
  for (const edge of sentence.matchAll(CLAUSE_BREAKS)) {
    if (edge.index + edge[0].length <= denied.index) start = edge.index;
    else if (edge.index >= denied.index + denied[0].length) {
      end = edge.index + (start === 0 ? edge[0].length : 0);
      break;
    }
  }
  return `${sentence.slice(0, start)} ${sentence.slice(end)}`
    .replace(/\s+(?=[,;:.])/gu, '')
    .trim()
    .replace(/^(?:but|although|though|whereas|while|however|and)\s+/iu, '');
}

/** The word that denies an ability ("inability", "unable", "failed"). */
const INABILITY = /\b(?:inability|failure|unable|incapable|fails?|failed)\s/iu;

/**
 * Whether a sentence denies the claim's verb as an ability of the claim's subject: "Unlike wild-type
 * Abc3, the truncated mutant showed an inability to bind microtubules" denies it of another thing.
 */
function settlingInability(claim: string, sentence: string): boolean {
  const at = INABILITY.exec(sentence);
  const subject = topicWords(claim).next().value;
  if (at === null || subject === undefined || !deniesAbility(sentence, claim)) return false;
  const before = sentence.slice(0, at.index).split(CLAUSE_BREAK).pop() ?? '';
  return holdsStem(conceptForms(before), subject.form);
}

/** A denial denied ("did not fail to reduce"), which affirms. */
const DOUBLE_DENIAL = /(?:\bnot|n't|\bnever)\s+(?:\p{L}+ly\s+)?fail/iu;
/**
 * Whether a sentence on the claim's subject opposes the claim outright, finding or not: an opposed
 * qualifier (opposedQualifier) or a model the authors reject in the claim's words.
 */
export function opposesClaim(claim: string, sentence: string): boolean {
  return claim !== '' && (opposedQualifier(claim, sentence) || rejectsClaimedModel(claim, sentence));
}

/**
 * What one finding (its stance on the claim, as findingStance reads it) counts for in the balance,
 * `settling` being what a settling finding counts: against a claim of sameness ("Is X as effective
 * as Y?") a stated difference settles and a stated likeness is for, otherwise the stance is turned
 * round (a null finding says alike); elsewhere a finding against that settles the question
 * (settlesAgainst) counts `settling`, and a positive finding counts only when it states the
 * question's contrast or qualifier, if it has one ("sex", "differ", "only", "frequently": statesAskedContrast).
 * A null finding that describes the groups compared ("At baseline, there was no difference in…":
 * describesComparedGroups) counts nothing.
 */
export function countedFinding(
  claim: string,
  sentence: string,
  stance: -1 | 0 | 1,
  sameness: boolean,
  settling: number,
): number {
  // A positive finding on another point than the question's contrast says nothing of it ("Survival
  // was lower in treated patients" for "Is there a sex difference in survival?").
  if (stance === 0 || (stance > 0 && !sameness && !statesAskedContrast(sentence, claim))) return 0;
  // One that describes the groups compared ("At baseline, there was no difference in…") is no finding
  // on the claim either way.
  if (stance < 0 && describesComparedGroups(sentence, claim)) return 0;
  if (sameness) {
    const stated = statedSameness(sentence, claim);
    return stated < 0 ? -settling : stated > 0 ? 1 : -stance;
  }
  // A null finding stated with a noun of change settles as the same finding stated with the verb,
  // unless it is on a part of the effect or points another way than the claim.
  if (stance < 0 && isUnsettlingNominalNull(claim, sentence)) return stance;
  return stance < 0 && settlesAgainst(claim, verbalNull(sentence)) ? -settling : stance;
}
