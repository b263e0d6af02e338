// A paper's description of what it is, read against a question asking whether it is something else:
// "RangeGuard is an error-correcting code (ECC) scheme for DNNs and LLMs…" answers "Is RangeGuard a
// scheduler for LLM serving?" with no. Read by the bottom line (bottom-line.ts) for a question that
// names the paper.
import { expandContractions } from './contractions.ts';
import { conceptForm, conceptForms } from './question-concepts.ts';

/** "Is X a Y…?": what is asked about, and what it is asked to be. */
const ASKS_KIND = /^\s*(?:is|are)\s+(.+?)\s+(?:a|an)\s+(.+?)\s*\?*\s*$/iu;
/** "[X] is a Y…", "It is an…": the thing, and the kind it says it is. */
const STATES_KIND = /^\s*(?:\[([^\]]+)\]|(.+?))\s+(?:is|are)\s+(?:a|an)\s+(.+)$/iu;
/** Where a kind's noun phrase ends: its head noun is the word before. */
const PHRASE_END =
  /\s*\(|\s*[,;:.]|\s+(?:for|of|that|which|who|with|in|on|to|at|by|from|across|built|designed|used|based|where|whose)\b/iu;

/** The head noun of a kind's noun phrase, in concept form: "error-correcting code (ECC) scheme for DNNs" → "code"… the last word before the phrase ends. */
export function headOfKind(phrase: string): string | null {
  const words = (phrase.split(PHRASE_END)[0] ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
  const last = words.at(-1);
  return last === undefined ? null : conceptForm(last.toLowerCase());
}

/**
 * Whether a sentence in which the paper says what it is ("RangeGuard is an error-correcting code
 * scheme…") puts it in another kind than the question asks ("Is RangeGuard a scheduler…?"): the
 * question asks of the paper by its name, the sentence opens with that name (or "it"), and the
 * question's kind (its head noun) appears nowhere in the sentence, whose own kind is another.
 */
export function otherKindStated(askedQuestion: string, written: string, paperName: string): boolean {
  const named = conceptForms(paperName);
  if (named.size === 0) return false;
  const sameName = (text: string) => {
    const forms = conceptForms(text);
    return forms.size === named.size && [...named].every((form) => forms.has(form));
  };
  const asked = ASKS_KIND.exec(expandContractions(askedQuestion));
  const stated = STATES_KIND.exec(expandContractions(written));
  if (!asked?.[1] || !asked[2] || !stated?.[3]) return false;
  const subject = stated[1] ?? stated[2] ?? '';
  if (!sameName(asked[1]) || !(sameName(subject) || /^it$/iu.test(subject.trim()))) return false;
  const askedKind = headOfKind(asked[2]);
  const statedKind = headOfKind(stated[3]);
  if (askedKind === null || statedKind === null || askedKind === statedKind) return false;
  return !conceptForms(written).has(askedKind);
}
