// Whether a null finding settles a yes/no question alone (settling-findings.ts): the clause that
// denies holds nearly all the claim's topic words, names the group the question asks about, narrows
// the finding to nothing the question does not ask (a group, a limit of age, a time, a comparator),
// denies a change of the claim's own way, and is the authors' finding rather than earlier work's.
import { askedGroupWords, askedPeopleForms, limitsAsWords, partsAsWhole } from './asked-group.ts';
import { heldAsSameChange } from './change-senses.ts';
import { withoutCoveringGroups } from './covering-groups.ts';
import { deniesOtherWay } from './denied-way.ts';
import { clausesOf, NEGATION } from './finding-clauses.ts';
import { holdsStem } from './own-terms.ts';
import { conceptForms, topicWords } from './question-concepts.ts';
import { familyForms } from './word-family.ts';

/**
 * The share of the claim's topic words a finding against must hold to settle the question alone. On
 * PubMedQA's cited sentences (replayed offline) 0.8 adds three commitments, two right; 0.7 adds seven,
 * three right.
 */
export const MIN_SETTLING_SHARE = 0.8;

/** Earlier work reported, not the authors' own finding ("Earlier trials reported that…"). */
const EARLIER_WORK =
  /\b(?:earlier|previous|prior|past|other)\s+(?:studies|trials|reports|work|research|findings|authors)\b|\b(?:has|have|had)\s+been\s+reported\b/iu;
/**
 * A phrase narrowing a finding to a group, a time, a size or a comparator ("in women under 50 years",
 * "compared with drug B"), or a limit of age written as one word ("over70": limitsAsWords).
 */
const RESTRICTION =
  /\b(?:(?:in|among|for|within|during|after|before|aged|over|under|more\s+than|less\s+than|compared\s+(?:with|to)|versus|vs)\s+|(?=(?:over|under|aged)\d))([^,;.]*)/giu;
/**
 * Words a narrowing phrase may hold about the study itself ("in this trial", "in our cohort", "in
 * either group", "during follow-up", "after adjustment for confounders", "in the adults studied"), and
 * numbers ("in 1200 patients"); not a limit ("in patients over 70"), which limitsAsWords writes as a word.
 */
const STUDY_WORDS =
  /^(?:\d[\d,.]*|this|our|the|present|current|study|trial|trials|cohort|sample|analysis|data|participants|patients|subjects|placebo|controls?|sham|usual|standard|care|groups?|arms?|either|both|overall|whole|population|randomi[sz]ed|controlled|period|follow|up|follow-up|adjustment|confounders|intervention|studied|enrolled|included|recruited)$/iu;
/** A comparison with what a trial compares against, which is no comparator ("compared with placebo", "versus usual care"). */
const CONTROL_COMPARISON =
  /^(?:compared\s+(?:with|to)|versus|vs\.?)\s+(?:(?:a|the|matching)\s+)*(?:placebo|controls?|sham|(?:usual|standard)\s+care)\s*$/iu;

/** A clause that opens on its verb of reporting, whose subject went before ("…, have reported that…"). */
const SUBJECTLESS_REPORT =
  /^(?:(?:have|has|had|also|further|consistently|repeatedly)\s+)*(?:reported|found|shown|showed|suggested|concluded|demonstrated|observed)\s+that\b/iu;

/**
 * Where earlier work may be named as the source of a denying clause: the clause itself ("Previous
 * trials reported that…"), and the words before it only when it opens on its verb of reporting
 * ("Previous studies, unlike ours, reported that…"); "Unlike previous studies, we found that…" is the
 * authors' own finding.
 */
function reportedBy(sentence: string, clause: string): string {
  if (!SUBJECTLESS_REPORT.test(clause.trim())) return clause;
  const at = sentence.indexOf(clause.trim());
  return at < 0 ? sentence : sentence.slice(0, at + clause.trim().length);
}

/** A text's words as the settling rule reads them: their concept forms, with those of their families ("diabetic" gives "diabetes"). */
type ReadWords = { forms: Set<string>; family: Set<string> };

const readWords = (text: string): ReadWords => ({ forms: conceptForms(text), family: familyForms(text) });

/** Whether read words hold a word: in another form of its stem, or by a word of its family ("diabetic" for "diabetes", either way). */
function holdsWord(read: ReadWords, word: string, form: string): boolean {
  return holdsStem(read.forms, form) || read.family.has(form) || [...familyForms(word)].some((f) => read.forms.has(f));
}

/**
 * The share of the claim's topic words a clause holds (holdsWord), a word of change counted when the
 * clause writes the same change in the same sense ("reduce" for "lower": heldAsSameChange), and the
 * study's people of the group it asks about ("in adults": askedPeopleForms) left out where the
 * clause does not name them.
 */
function settlingShare(clause: string, claim: string): number {
  const people = askedPeopleForms(claim);
  const read = readWords(clause);
  const held = ({ word, form }: { word: string; form: string }) =>
    holdsWord(read, word, form) || heldAsSameChange(claim, word, clause);
  // The study's people count where the clause names them, and are not asked for where it does not.
  const words = [...new Map([...topicWords(claim)].map((w) => [w.form, w] as const)).values()].filter(
    (word) => !people.has(word.form) || held(word),
  );
  return words.length === 0 ? 0 : words.filter(held).length / words.length;
}

/**
 * Whether a clause names the others of the group the question asks about: "in patients without
 * diabetes" for "in patients with diabetes" ("with and without diabetes" is taken out before, as it
 * covers everyone). "without" is no topic word, so the restrictions alone read it as the group asked.
 */
function othersOfGroup(claim: string, clause: string): boolean {
  if (/\bwithout\b/iu.test(claim)) return false;
  const asked = askedGroupWords(claim);
  return [...clause.matchAll(/\bwithout\s+([^,;.]*)/giu)].some((phrase) => {
    const read = readWords(phrase[1] ?? '');
    return asked.some(({ word, form }) => holdsWord(read, word, form));
  });
}

/**
 * Whether a null finding holds nearly all the claim's topic words in the clause that denies, names
 * the group the question asks about ("in patients over 60": askedGroupWords), and narrows it to
 * nothing the question does not ask: "Aspirin did not reduce stroke risk in women under 50 years"
 * is one finding on part of "Does aspirin reduce stroke risk?", as are a finding in patients over 70,
 * a comparator ("more than drug B"), a time window, a change of another way ("did not increase" for
 * "reduce": deniesOtherWay) and a finding of earlier work the authors report.
 */
export function settlesAsDenial(askedClaim: string, sentence: string): boolean {
  // Limits of age are words of their own in both ("over 60 years" is "over60"), and "boys and girls"
  // are children.
  const claim = limitsAsWords(partsAsWhole(askedClaim));
  const text = limitsAsWords(partsAsWhole(sentence));
  const clauses = clausesOf(text);
  // The clause that denies holding most of the claim's topic words, or with no denial the clause holding most.
  const denying = clauses.filter((part) => NEGATION.test(part));
  const clause = (denying.length > 0 ? denying : clauses).reduce((best, part) =>
    settlingShare(part, claim) > settlingShare(best, claim) ? part : best,
  );
  if (settlingShare(clause, claim) < MIN_SETTLING_SHARE || EARLIER_WORK.test(reportedBy(text, clause))) return false;
  if (deniesOtherWay(claim, clause)) return false;
  const read = readWords(clause);
  if (!askedGroupWords(claim).every(({ word, form }) => holdsWord(read, word, form))) return false;
  if (othersOfGroup(claim, withoutCoveringGroups(clause))) return false;
  const asked = readWords(claim);
  // Groups that together hold everyone ("in patients with diabetes or in those without") narrow nothing.
  for (const restriction of withoutCoveringGroups(clause).matchAll(RESTRICTION)) {
    if (
      /^(?:more|less|compared|versus|vs)/iu.test(restriction[0]) &&
      !CONTROL_COMPARISON.test(restriction[0]) &&
      !/\b(?:than|compared|versus|vs)\b/iu.test(claim)
    )
      return false;
    const words = [...topicWords(restriction[1] ?? '')].filter(({ word }) => !STUDY_WORDS.test(word));
    if (words.some(({ word, form }) => !holdsWord(asked, word, form))) return false;
  }
  return true;
}
