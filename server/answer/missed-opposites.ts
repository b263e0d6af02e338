// Opposites of a claim's word that the judge does not read as such, for the bottom line
// (bottom-line.ts, own-terms.ts): "non-" before the claim's own word ("SIVrcm is non-pathogenic" for
// "Is SIVrcm pathogenic…?"), and "dispensable for" against "required for" (either way round) on the
// claim's own end, not on another end the sentence names.
import { conceptForm, conceptForms, topicWords } from './question-concepts.ts';

/**
 * An adjective with "non" before it, said of the subject ("is non-pathogenic", "were nonviable");
 * not a group's name ("patients with nonpsychotic illness"), nor a noun ("were non-smokers", "were
 * non-white": an adjective's ending is asked for), nor "nonetheless".
 */
const NON_WORD =
  /\b(?:is|are|was|were|be|been|remains?|remained)\s+(?:\p{L}+ly\s+)?non-?(\p{L}{2,}(?:ic|al|ive|ous|able|ible|ant|ent|ar|ary|ile|ior|ing|ed))\b/giu;

/** Where one clause of a sentence ends and another, said of something else, may start. */
const CLAUSE_BREAK = /;|,?\s+(?:whereas|while|but|although|though)\s+|,\s+(?:and|or)\s+/iu;

/**
 * The clause of a sentence that ends at `end`: back to the last clause break, or further back when
 * what is left names nothing ("…is essential for dislocation, but dispensable for binding").
 */
function clauseBefore(sentence: string, end: number): string {
  const pieces = sentence.slice(0, end).split(CLAUSE_BREAK);
  let clause = '';
  while (pieces.length > 0 && conceptForms(clause).size === 0) clause = `${pieces.pop()} ${clause}`;
  return clause;
}

/** The claim's topic words before `index`, its subject when `index` is where it says what it asks. */
function subjectForms(claim: string, index: number): string[] {
  return [...topicWords(claim.slice(0, index))].map(({ form }) => form);
}

/**
 * Whether a sentence says of the claim's subject, in the clause that names it, a claim's topic word
 * with "non-" before it, where the claim holds the word bare ("SIVrcm is non-pathogenic" for "SIVrcm
 * pathogenic in rhesus macaques"; not "…, whereas the analogue was non-toxic" for "cisplatin toxic").
 */
function deniedByPrefix(claim: string, sentence: string): boolean {
  if (/\bnon-?\p{L}/iu.test(claim)) return false;
  const asked = [...topicWords(claim)];
  return [...sentence.matchAll(NON_WORD)].some((match) => {
    const form = conceptForm(match[1]!.toLowerCase());
    const word = asked.find((w) => w.form === form);
    if (word === undefined) return false;
    const at = claim.toLowerCase().indexOf(word.written.toLowerCase());
    const subject = at < 0 ? [] : subjectForms(claim, at);
    const clause = conceptForms(clauseBefore(sentence, match.index));
    return subject.length > 0 && subject.some((s) => clause.has(s));
  });
}

/** That a thing is needed for an end ("required for", "essential for", "not dispensable for"). */
const NEEDED =
  /\b(?:(?<!\bnot\s+)(?:required|essential|necessary|needed|indispensable)|not\s+dispensable)\s+(?:for|to|in)\b/giu;
/** That it is not ("dispensable for", "not required for", "not essential for"). */
const NOT_NEEDED =
  /(?<!\b(?:in|not\s+))\bdispensable\s+(?:for|to|in)\b|\bnot\s+(?:\p{L}+ly\s+)?(?:required|essential|necessary|needed)\s+(?:for|to|in)\b/giu;

/**
 * Whether a sentence says the opposite of the claim on whether a thing is needed for the claim's own
 * end: "the TMD is essential for dislocation, but dispensable for receptor binding" for "TMD required
 * for receptor binding", "…is essential for tumour cells to form metastases" for "…dispensable for
 * tumour cells to form metastases". The end the sentence names must hold the claim's topic words,
 * one of three or more left out ("globule formation" for "globule formation in S. pombe"; not "cell
 * division" for "cell survival"), and what comes before it one of the claim's subject.
 */
function neededOpposite(claim: string, sentence: string): boolean {
  return statesOfEnd(claim, NEEDED, sentence, NOT_NEEDED) || statesOfEnd(claim, NOT_NEEDED, sentence, NEEDED);
}

/** Where the end a sentence names stops: a clause's break, or "and" before a verb ("…and instead are necessary for…"). */
const END_OF_PHRASE =
  /[,;.]|\s+(?:but|whereas|while|instead)\s+|\s+and\s+(?=(?:instead|is|are|was|were|has|have|had|does|do|did)\b)/u;

function statesOfEnd(claim: string, asked: RegExp, sentence: string, stated: RegExp): boolean {
  const claimed = [...claim.matchAll(asked)][0];
  if (claimed === undefined) return false;
  const ends = [...topicWords(claim.slice(claimed.index + claimed[0].length))].map(({ form }) => form);
  const subject = [...topicWords(claim.slice(0, claimed.index))].map(({ form }) => form);
  if (ends.length === 0) return false;
  return [...sentence.matchAll(stated)].some((match) => {
    const after = sentence.slice(match.index + match[0].length).split(END_OF_PHRASE)[0] ?? '';
    const forms = conceptForms(after);
    // Said of the claim's subject, in its own clause: "cohesin loading is dispensable for globule
    // formation" is not said of heterochromatin, nor "…, whereas Sps1 is dispensable" of Ime2.
    const before = conceptForms(clauseBefore(sentence, match.index));
    const held = ends.filter((form) => forms.has(form)).length;
    return (
      held >= Math.max(1, ends.length - (ends.length >= 3 ? 1 : 0)) &&
      (subject.length === 0 || subject.some((form) => before.has(form)))
    );
  });
}

/**
 * Whether a sentence says, as its claim does, that the claim's subject is needed (or not) for the
 * claim's end: "…is essential for dislocation, but dispensable for receptor binding" for "required
 * for dislocation", where the judge reads the opposite in the other clause against the whole.
 */
export function neededAlike(claim: string, sentence: string): boolean {
  return statesOfEnd(claim, NEEDED, sentence, NEEDED) || statesOfEnd(claim, NOT_NEEDED, sentence, NOT_NEEDED);
}

/** Whether a sentence says an opposite of the claim that the judge misses ("non-pathogenic", "dispensable for"). */
export function missedOpposite(claim: string, sentence: string): boolean {
  return deniedByPrefix(claim, sentence) || neededOpposite(claim, sentence);
}
