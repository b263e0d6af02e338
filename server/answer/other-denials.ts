// Denials in a finding's sentence that are not the claim's, for the bottom line (bottom-line.ts):
// a word that names the claim's subject by what it lacks, as the claim names it ("viruses that lacked
// the glycan were resistant" for "Were viruses lacking the glycan resistant…?"); and a denial in a
// conjunct about something else ("…underestimates lipid peroxidation and does not measure
// hydroperoxide per se" for "Does the assay underestimate lipid peroxidation?").
import { topicShare } from './counted-findings.ts';
import { holdsStem } from './own-terms.ts';
import { conceptForms, topicWords } from './question-concepts.ts';

/** A word that names a thing by what it lacks, with the word that names it by what it has. */
const DENYING_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\black(?:s|ed|ing)?\b/giu, 'having'],
  [/\bwithout\b/giu, 'with'],
];

/**
 * The claim and the sentence with a word that names a thing by what it lacks ("lacking", "without")
 * written as having it, when both hold it: the claim's subject is named so, and its denial is not
 * the finding's ("Both viruses that lacked the glycan were resistant"). Unchanged otherwise.
 */
export function withoutSharedDenials(claim: string, sentence: string): { claim: string; sentence: string } {
  let pair = { claim, sentence };
  for (const [word, having] of DENYING_NAMES) {
    word.lastIndex = 0;
    const inClaim = word.test(pair.claim);
    word.lastIndex = 0;
    const inSentence = word.test(pair.sentence);
    if (inClaim && inSentence)
      pair = { claim: pair.claim.replace(word, having), sentence: pair.sentence.replace(word, having) };
  }
  return pair;
}

/** A conjunct that denies: "and does not…", "but was not…", "and failed to…". */
const DENYING_CONJUNCT =
  /\s*,?\s+(?:and|but)\s+(?=(?:does|do|did|is|are|was|were|has|have|had|could|can)\s+not\b|(?:fails?|failed)\s+to\b)/iu;
/** The share of the claim's topic words the clause before such a conjunct must hold to be read alone. */
const MIN_HEAD_SHARE = 0.5;

/**
 * The sentence without a denying conjunct that holds none of the claim's topic words ("X lowered
 * relapse and did not reduce mortality" for "Does X lower relapse?"), when the clause before it is
 * on the claim; the whole sentence otherwise ("…and did not reduce mortality" for "Does X reduce
 * mortality?").
 */
export function withoutOtherDenial(sentence: string, claim: string): string {
  const conjunct = DENYING_CONJUNCT.exec(sentence);
  if (conjunct === null || claim === '') return sentence;
  const head = sentence.slice(0, conjunct.index);
  const tail = conceptForms(sentence.slice(conjunct.index + conjunct[0].length));
  const onClaim = [...topicWords(claim)].some(({ form }) => holdsStem(tail, form));
  return !onClaim && topicShare(head, claim) >= MIN_HEAD_SHARE ? head : sentence;
}
