// A Citation-Integrity citing sentence read as `citelens verify` reads it: its markers become
// numbered citations ("<|cit|>" → "[1]", each "<|other_cit|>" → "[2]", "[3]" …), the product's
// sentence and clause logic finds what the judged citation cites for, and the judge gets that
// clause as the claim and the whole sentence as its context (verify-plan.ts does the same).
import { claimText, partsOf, sentencesWithCitations } from '../verify/claim-sentences.ts';
import { VERIFY_DEFAULTS } from '../verify/verify-plan.ts';

/** What the judge reads for one citing sentence: the judged citation's clause, and the sentence it is in. */
export type CitingClaim = { claim: string; context: string };

// A bracket holding markers ("[<|multi_cit|>,7]", "(<|cit|>; Isomura et al., <|other_cit|>)"), or a bare marker.
const MARKER_GROUP = /[[(][^[\]()]*<\|(?:cit|multi_cit|other_cit)\|>[^[\]()]*[\])]|<\|(?:cit|multi_cit|other_cit)\|>/gu;
const JUDGED = /<\|(?:cit|multi_cit)\|>/u;

/**
 * The sentence with each group of markers written as one numbered citation: "[1]" for the group
 * that holds the judged citation, "[2]", "[3]" … for the others; null when no group is judged.
 */
export function numberedCitations(text: string): string | null {
  let next = 2;
  let judged = false;
  const numbered = text.replace(MARKER_GROUP, (group) => {
    if (JUDGED.test(group)) {
      judged = true;
      return ' [1]';
    }
    return ` [${next++}]`;
  });
  return judged ? numbered.replace(/[ \t]+/gu, ' ') : null;
}

/**
 * The claim and context a citing sentence gives the judge, as verify gives them for citation [1]:
 * the clause it is cited for when the sentence cites different papers for different clauses (the
 * whole sentence otherwise), and the words of the whole sentence; null when the text holds no
 * judged marker or verify would find no citation in it.
 */
export function citingClaimOf(text: string): CitingClaim | null {
  const body = numberedCitations(text);
  if (body === null) return null;
  for (const sentence of sentencesWithCitations(body, [])) {
    const judged = sentence.citations.find((c) => c.marker === '[1]');
    if (!judged) continue;
    const context = claimText(body, sentence);
    const part = partsOf(body, sentence, VERIFY_DEFAULTS).get(judged);
    return { claim: part?.clean ?? context, context };
  }
  return null;
}
