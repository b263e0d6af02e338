// Denials in a finding's sentence that are not the claim's, for the bottom line (bottom-line.ts):
// a word that names the claim's subject by what it lacks, as the claim names it ("viruses that lacked
// the glycan were resistant" for "Were viruses lacking the glycan resistant…?"); and a denial in a
// conjunct about something else ("…underestimates lipid peroxidation and does not measure
// hydroperoxide per se" for "Does the assay underestimate lipid peroxidation?").
import { holdsStem } from './own-terms.ts';
import { conceptForms, topicWords } from './question-concepts.ts';

/** A word that names a thing by what it lacks, with the word that names it by what it has. */
const DENYING_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\black(?:s|ed|ing)?\b/iu, 'having'],
  [/\bwithout\b/iu, 'with'],
];
/** The words after a denying word, up to the one it is said of ("lacking the glycan"). */
const DETERMINERS = /^(?:the|a|an|its|their|functional|any)$/iu;

/** The word a denying word at `end` is said of: the next word that is no determiner. */
function wordAfter(text: string, end: number): string | undefined {
  const words = text.slice(end).match(/[\p{L}\d]+/gu) ?? [];
  return words.find((word) => !DETERMINERS.test(word))?.toLowerCase();
}

/**
 * The claim and the sentence with a word that names a thing by what it lacks ("lacking", "without")
 * written as having it, where the claim names its subject so: only before the word the claim puts
 * after it ("viruses that lacked the glycan were resistant" for "Were viruses lacking the glycan
 * resistant…?"), so that another "lack" stays a denial ("Cells lacking BRCA1 lack the capacity for
 * repair" for "Can cells lacking BRCA1 perform repair?"). Unchanged otherwise.
 */
export function withoutSharedDenials(claim: string, sentence: string): { claim: string; sentence: string } {
  let pair = { claim, sentence };
  for (const [word, having] of DENYING_NAMES) {
    const global = new RegExp(word.source, 'giu');
    const named = new Set(
      [...pair.claim.matchAll(global)].map((m) => wordAfter(pair.claim, m.index + m[0].length)).filter((w) => w),
    );
    if (named.size === 0) continue;
    const rewrite = (text: string) =>
      text.replace(global, (found, offset: number) =>
        named.has(wordAfter(text, offset + found.length)) ? having : found,
      );
    const rewritten = rewrite(pair.sentence);
    if (rewritten !== pair.sentence) pair = { claim: rewrite(pair.claim), sentence: rewritten };
  }
  return pair;
}

/** A conjunct that denies: "and does not…", "but was not…", "and failed to…". */
const DENYING_CONJUNCT =
  /\s*,?\s+(?:and|but)\s+(?=(?:does|do|did|is|are|was|were|has|have|had|could|can)\s+not\b|(?:fails?|failed)\s+to\b)/iu;
/**
 * The sentence without a denying conjunct that holds none of the claim's topic words ("X lowered
 * relapse and did not reduce mortality" for "Does X lower relapse?"), when the clause before it holds
 * every one of them; the whole sentence otherwise ("…and did not reduce mortality" for "Does X reduce
 * mortality?"; "X shortened hospital stay in pneumonia and did not lower mortality" for "Does X
 * reduce deaths in pneumonia?", whose outcome the clause before does not hold).
 */
export function withoutOtherDenial(sentence: string, claim: string): string {
  const conjunct = DENYING_CONJUNCT.exec(sentence);
  if (conjunct === null || claim === '') return sentence;
  const head = conceptForms(sentence.slice(0, conjunct.index));
  const tail = conceptForms(sentence.slice(conjunct.index + conjunct[0].length));
  const words = [...topicWords(claim)];
  const onClaim = words.some(({ form }) => holdsStem(tail, form));
  const headHoldsAll = words.length > 0 && words.every(({ form }) => holdsStem(head, form));
  return !onClaim && headHoldsAll ? sentence.slice(0, conjunct.index) : sentence;
}
