// A Citation-Integrity citing sentence read as `citelens verify` reads it: its markers become
// numbered citations ("<|cit|>" → "[1]", each "<|other_cit|>" → "[2]", "[3]" …), the product's
// sentence and clause logic finds what the judged citation cites for, and the judge gets that
// clause as the claim, the whole sentence as its context and the works cited beside it in its
// group (verify-plan.ts does the same).
import { claimText, partsOf, sentencesWithCitations } from '../verify/claim-sentences.ts';
import { VERIFY_DEFAULTS } from '../verify/verify-plan.ts';

/**
 * What the judge reads for one citing sentence: the judged citation's clause, the sentence it is
 * in, and how many other works its group cites (JudgeRequest's `cocited`).
 */
export type CitingClaim = { claim: string; context: string; cocited: number };

// A bracket holding markers ("[<|multi_cit|>,7]", "(<|cit|>; Isomura et al., <|other_cit|>)"), or a bare marker.
const MARKER_GROUP = /[[(][^[\]()]*<\|(?:cit|multi_cit|other_cit)\|>[^[\]()]*[\])]|<\|(?:cit|multi_cit|other_cit)\|>/gu;
const JUDGED = /<\|(?:cit|multi_cit)\|>/u;
// The judged paper is one of a group: the collection says so ("<|multi_cit|>", a marker that stands
// for "[3–7]"), or its bracket cites another work too ("[<|cit|>, 7]", "(<|cit|>; <|other_cit|>)").
const isGroup = (group: string) =>
  group.includes('<|multi_cit|>') || /<\|other_cit\|>|\d/u.test(group.replace(JUDGED, ''));

/**
 * The sentence with each group of markers written as one numbered citation: "[1]" for the group
 * that holds the judged citation ("[1, N]", N a number no other group has, when that group cites
 * other works too), "[2]", "[3]" … for the others; null when no group is judged.
 */
export function numberedCitations(text: string): string | null {
  let next = 2;
  let judged = false;
  const numbered = text.replace(MARKER_GROUP, (group) => {
    if (JUDGED.test(group)) {
      judged = true;
      return isGroup(group) ? ` [1, ${next++}]` : ' [1]';
    }
    return ` [${next++}]`;
  });
  return judged ? numbered.replace(/[ \t]+/gu, ' ') : null;
}

/**
 * The claim and context a citing sentence gives the judge, as verify gives them for citation [1]:
 * the clause it is cited for when the sentence cites different papers for different clauses (the
 * whole sentence otherwise), the words of the whole sentence, and the other works cited in its
 * group; null when the text holds no judged marker or verify would find no citation in it.
 */
export function citingClaimOf(text: string): CitingClaim | null {
  const body = numberedCitations(text);
  if (body === null) return null;
  for (const sentence of sentencesWithCitations(body, [])) {
    const judged = sentence.citations.find((c) => c.marker === '[1]');
    if (!judged) continue;
    const context = claimText(body, sentence);
    const part = partsOf(body, sentence, VERIFY_DEFAULTS).get(judged);
    const group = new Set(sentence.citations.filter((c) => c.start === judged.start).map((c) => c.marker));
    return { claim: part?.clean ?? context, context, cocited: group.size - 1 };
  }
  return null;
}
