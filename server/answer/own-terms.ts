// A cited sentence that answers a yes/no question on the question's own terms, whatever paper it
// names: one part of it holds the question's subject and predicate ("greater search depth lowers
// citation accuracy" for "Does greater search depth improve citation accuracy…?"). Read by the
// bottom line (bottom-line.ts) after a paper's statement of itself, before the findings.
import { onlyAnnounces } from '../verify/judge/finding-sentence.ts';
import { deniesStatement, readSentence } from './answer-judge.ts';
import { expandContractions } from './contractions.ts';
import { missedOpposite } from './missed-opposites.ts';
import { conceptForm, conceptForms, topicWords } from './question-concepts.ts';

/**
 * Where a sentence turns to another thing than the one before ("…early layers, whereas positive
 * valence…", "…do well on link validity, yet…", "…lowers citation accuracy instead of raising it",
 * "…, so a working link does not mean…"): what follows speaks of something else, and its negation
 * is not the first part's.
 */
const TURN = /\s*;\s*|,?\s+(?:whereas|yet|but|instead\s+of)\s+|,\s+(?:so|while)\s+/iu;

/** The parts of a sentence between its turns. */
export function partsOfSentence(sentence: string): string[] {
  return sentence
    .split(TURN)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * Whether a sentence's forms hold a word's form, or one of its stem written another way ("logical"
 * and "logically", "consistency" and "consistent", "scheduler" and "scheduling"): a shared start of
 * seven letters or more that leaves at most two letters of the shorter form and three of the longer
 * ("transformer" and "transformation" share nine letters but are different things).
 */
export function holdsStem(forms: ReadonlySet<string>, form: string): boolean {
  if (forms.has(form)) return true;
  if (form.length < 7) return false;
  for (const other of forms) {
    let shared = 0;
    while (shared < form.length && form[shared] === other[shared]) shared++;
    if (
      shared >= 7 &&
      shared >= Math.min(form.length, other.length) - 2 &&
      shared >= Math.max(form.length, other.length) - 3
    )
      return true;
  }
  return false;
}

/** Whether a text spells out an acronym ("LLMs" in "Large Language Models"): consecutive words with its letters as initials. */
export function spellsOut(acronym: string, text: string): boolean {
  if (!/^\p{Lu}{2,}s?$/u.test(acronym)) return false;
  const letters = acronym.replace(/s$/u, '').toLowerCase();
  const initials = (text.match(/\p{L}+/gu) ?? []).map((word) => word[0]?.toLowerCase()).join('');
  return initials.includes(letters) && new RegExp(`\\b${[...letters].join('\\S*\\s+')}`, 'iu').test(text);
}

/**
 * What makes a sentence no statement of the paper's own in the present tense: a question, an aim
 * ("The purpose of this study was to determine…", "To compare…", "This study explored…"), a study's
 * account in the past tense ("patients were randomised", "was considered harmful"), or what others
 * hold ("has been linked to", "is widely considered", "is claimed to"). The fitted balance weighs a
 * study's results; the others answer nothing.
 */
const NOT_OWN_STATEMENT =
  /\?\s*$|^\s*(?:is|are|do|does|can|could|should)\s|\b(?:aims?|aimed|attempt|purpose|objectives?|goals?|intent|hypothes[ie]s|we|(?:this|the|our|present)\s+(?:study|trial|analysis|review|survey|investigation))\b|^\s*to\s+\p{L}+|\b(?:was|were|had|did|has\s+been|have\s+been)\b|\b(?:is|are)\s+(?:(?:widely|commonly|often|generally|usually)\s+)?(?:claimed|thought|believed|considered|reported|said|suggested|proposed|assumed|expected)\b/iu;

/**
 * Which way a sentence points on a yes/no question it answers on the question's own terms: one part
 * of it (between its turns, partsOfSentence) holds every topic word of the question
 * and at least three itself (the paper's title may hold the others: "deep research agents",
 * "attention"; an acronym may be spelled out: "LLMs"). Then −1 when that part says the opposite of
 * the question's claim (a negation, a reversed effect: "lowers" for "improve"), else +1. The part may
 * lack one word only where it is a participle the question asks of its subject ("encoded" for "sit":
 * "Is negative valence encoded mostly in the early layers?"), or where it puts another value in that
 * word's place, the sentence giving the word to another thing ("positive valence is strongest in the
 * middle-to-late layers" for "…strongest in the early layers?": −1). 0 when the sentence is no
 * statement of its own in the present tense (NOT_OWN_STATEMENT), or no part holds the question's terms.
 */
export function ownTermsStance(question: string, written: string, claim: string, title = ''): -1 | 0 | 1 {
  const sentence = expandContractions(written);
  const words = [...new Map([...topicWords(question)].map((w) => [w.form, w])).values()];
  if (words.length < 3) return 0;
  const titleForms = conceptForms(title);
  const whole = conceptForms(sentence);
  const heldBy = (forms: ReadonlySet<string>, text: string, w: { written: string; form: string }) =>
    holdsStem(forms, w.form) || spellsOut(w.written, text);
  let best: { part: string; held: number; otherValue: boolean } | null = null;
  if (NOT_OWN_STATEMENT.test(sentence)) return 0;
  for (const part of partsOfSentence(sentence)) {
    const forms = conceptForms(part);
    const inPart = words.filter((w) => heldBy(forms, part, w));
    const missing = words.filter((w) => !inPart.includes(w) && !heldBy(titleForms, title, w));
    if (inPart.length < 3 || missing.length > 1) continue;
    const [lacked] = missing;
    const otherValue =
      lacked !== undefined && heldBy(whole, sentence, lacked) && otherValueInSlot(question, part, lacked.written);
    if (
      lacked !== undefined &&
      !otherValue &&
      !(askedParticiple(question, lacked.written) && !heldBy(whole, sentence, lacked))
    )
      continue;
    if (best === null || inPart.length > best.held) best = { part, held: inPart.length, otherValue };
  }
  if (best === null) return 0;
  if (onlyAnnounces(best.part) || readSentence(best.part).hedged) return 0;
  if (best.otherValue) return -1;
  return deniesStatement(claim, best.part) || missedOpposite(claim, best.part) ? -1 : 1;
}

/** Whether a question asks a participle of its subject ("Is negative valence encoded…?"): "is"/"are" opens it, and the word, ending in -ed, follows a word of its subject. */
function askedParticiple(question: string, written: string): boolean {
  return (
    /^\s*(?:is|are)\b/iu.test(question) &&
    /ed$/iu.test(written) &&
    new RegExp(`^\\s*(?:is|are)\\s+[^?]*?\\p{L}+\\s+${written.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\b`, 'iu').test(
      question,
    )
  );
}

// Words that fill no slot before a noun: articles, determiners, prepositions, conjunctions.
const NO_VALUE = new Set(
  'the a an its their his her our your this that these those of in on at for to by with from and or all both each some any no'.split(
    ' ',
  ),
);
const TOKEN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/**
 * Whether a part of a sentence puts another word where the question puts one: the question's word
 * is followed by a noun ("early layers"), and the part writes that noun after another word of
 * content ("middle-to-late layers", "French-language datasets" for "English-language datasets").
 */
export function otherValueInSlot(question: string, part: string, written: string): boolean {
  const asked = question.match(TOKEN) ?? [];
  const at = asked.findIndex((token) => token.toLowerCase() === written.toLowerCase());
  const next = asked[at + 1];
  if (at < 0 || next === undefined) return false;
  const nextForm = conceptForm(next.toLowerCase());
  const tokens = part.match(TOKEN) ?? [];
  return tokens.some((token, i) => {
    const before = tokens[i - 1]?.toLowerCase();
    return (
      i > 0 &&
      conceptForm(token.toLowerCase()) === nextForm &&
      before !== undefined &&
      !NO_VALUE.has(before) &&
      before !== written.toLowerCase()
    );
  });
}
