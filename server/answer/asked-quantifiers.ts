// Where a finding's own quantifier answers the one its yes/no question asks: "only 70% are in
// collinear positions" answers "Are all … in collinear positions?" with no, not yes; "occurs not
// only at the transcriptional level but also…" answers "Does it occur only at the transcriptional
// level?" with no. Read by the bottom line (bottom-line.ts) on a positive finding.
import { topicShare } from './counted-findings.ts';
import { CLAUSE_BREAK } from './finding-clauses.ts';
import { holdsStem } from './own-terms.ts';
import { conceptForms, topicWords } from './question-concepts.ts';

/** A question asking of all ("Are all…?", "always"), not "at all" nor "all-cause". */
const ASKS_ALL = /(?<!\bat\s+)\b(?:all|every|always)\b(?![-‐])/iu;
/** A question asking of most ("Do most…?", "the majority of"), not a superlative ("the most common"). */
const ASKS_MOST = /(?<!\bthe\s+)\bmost\b|\bmajority\b/iu;
/** A part stated as only a part: "only 70%", "only about a third", "only half of", "only a minority". */
const ONLY_PART =
  /\bonly\s+(?:(?:about|approximately|around|nearly|some)\s+)?(?:(\d+(?:\.\d+)?)\s*%|(half|a\s+third|one[-\s]third|a\s+quarter|one[-\s]quarter|a\s+minority|a\s+few|a\s+small\s+(?:number|proportion|fraction|subset))\b)/iu;

/** The share of the claim's topic words the clause stating only a part must hold. */
const MIN_PART_SHARE = 0.5;

/**
 * Whether a finding states only part where its claim asks of all or most ("only 70% of the genes
 * are in collinear positions" for "all genes in collinear positions"): a share under 100% against
 * all, a share of at most half, or a minority, against most.
 */
export function onlyPartStated(claim: string, sentence: string): boolean {
  const part = ONLY_PART.exec(sentence);
  if (part === null) return false;
  // The part must be of what the claim is about: "…; only 5% of patients had adverse events" is not
  // about "X reduce mortality in all patients".
  const marked = `${sentence.slice(0, part.index)}\u0000${sentence.slice(part.index)}`;
  const clause = marked.split(CLAUSE_BREAK).find((piece) => piece.includes('\u0000')) ?? marked;
  if (topicShare(clause.replace('\u0000', ''), claim) < MIN_PART_SHARE) return false;
  const share = part[1] !== undefined ? Number(part[1]) : /half/iu.test(part[2]!) ? 50 : 25;
  return (ASKS_ALL.test(claim) && share < 100) || (ASKS_MOST.test(claim) && share <= 50);
}

/** A question asking whether a thing holds only in one way ("only at the transcriptional level"), not "not only". */
const ASKS_ONLY = /(?<!\bnot\s+)\bonly\b/iu;
/** "not only X but also…": what follows "not only", up to "but". */
const NOT_ONLY = /\bnot\s+only\s+([^,;]*?)\s*,?\s+but\s+(?:also|as\s+well|too)\b/iu;

/**
 * Whether a finding states "not only X but also Y" where its claim asks "only X" ("spa repression
 * occurs not only at the transcriptional level but also by inhibition of translation" for "spa
 * repression occur only at the transcriptional level"): X holds the first topic word the claim puts
 * after its "only", and most of them ("a repressor of iron uptake genes" is not "only when iron is
 * high").
 */
export function notOnlyStated(claim: string, sentence: string): boolean {
  const asked = ASKS_ONLY.exec(claim);
  const stated = NOT_ONLY.exec(sentence);
  if (asked === null || stated === null) return false;
  const after = [...topicWords(claim.slice(asked.index + asked[0].length))];
  const forms = conceptForms(stated[1]!);
  const held = after.filter(({ form }) => holdsStem(forms, form)).length;
  return after.length > 0 && holdsStem(forms, after[0]!.form) && 2 * held > after.length;
}
