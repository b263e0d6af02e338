// Citations by a paper's name alone, as text written with a model or by a colleague often gives
// them: "[LeakDojo]", "(see Dropout)", "(EMO)", "[LeakDojo; EMO]". A name counts only when the
// library or the reference list knows a paper by it (ParseOptions.knowsName); without a lead-in
// ("see", "cf.", "e.g.") only when it also looks coined (looksCoined), so "(Transformers)" in a
// sentence is a word; and not where the parenthesis defines an abbreviation of the words before it,
// "a mixture of experts (MoE)".
import { englishWordsIfReadable, isEnglishWord, SHORTEST_ENGLISH_WORD } from '../english/english-words.ts';
import type { Item } from './citation-spans.ts';
import type { KnowsName } from './citation-target.ts';

// "see", "see also", "cf.", "e.g.,", "i.e.", "viz.", "compare": lower-case words before the names.
const LEAD_IN = /^(?:see(?:\s+also)?|cf\.|e\.g\.|i\.e\.|viz\.|compare)\s*,?\s+/u;
// A name of one or two words of letters and digits, each starting with a capital or a digit:
// "LeakDojo", "EMO", "UE-DPO", "Memory Inception". Not "sic", "Fig. 2", "n = 12" or "…".
const WORD = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*`;
const NAME = new RegExp(`^${WORD}(?:\\s${WORD})?$`, 'u');
// Where the words before a parenthesis stop belonging to a long form it may abbreviate.
const CLAUSE_BREAK = /[.;:!?()[\]]/u;
const LOOK_BACK = 200; // characters before a parenthesis read for the long form it may abbreviate

// A capital after a small letter or a digit anywhere ("LeakDojo", "GPT-4"), or capitals alone ("EMO", "VL-LCM").
const COINED_SHAPE = /\p{Ll}\p{Lu}|\p{N}|^[\p{Lu}-]*\p{Lu}[\p{Lu}-]*\p{Lu}[\p{Lu}-]*$/u;

/**
 * Whether a paper's name looks coined, so that it cites the paper even without a lead-in: a capital
 * inside it or a digit ("LeakDojo", "GPT-4"), capitals alone ("EMO", "VHG"), or a word no English
 * dictionary holds ("Litespark"). Not "Transformers", "Dropout" or "Memory", which a sentence
 * parenthesises as words. The English words (server/english/english-words.ts) are read on the first
 * name that needs them; without them only the name's shape counts.
 */
export function looksCoined(name: string): boolean {
  const words = name.split(/\s+/u);
  if (words.some((word) => COINED_SHAPE.test(word))) return true;
  const english = englishWordsIfReadable();
  if (!english) return false;
  return words.some((word) =>
    word
      .split('-')
      .some((piece) => piece.length >= SHORTEST_ENGLISH_WORD && !isEnglishWord(piece.toLowerCase(), english)),
  );
}

/**
 * The items of one part of a group, "see Dropout" or "LeakDojo, EMO", when each of its names is one
 * `knowsName` knows and, without a lead-in, looks coined (looksCoined); undefined otherwise. Each cites
 * the paper of that name as a key, which resolve-citation.ts looks up by name when no paper has it as
 * its id; after a lead-in the key says so (`leadIn`), as the name may be a word ("Dropout").
 */
export function namedItems(part: string, knowsName: KnowsName): Item[] | undefined {
  const bare = part.replace(LEAD_IN, '');
  const leadIn = bare !== part;
  const names = bare.split(',').map((name) => name.trim());
  if (names.some((name) => !NAME.test(name) || !knowsName(name) || !(leadIn || looksCoined(name)))) return undefined;
  return names.map((name) => ({
    target: { kind: 'key', key: name, explicit: false, ...(leadIn ? { leadIn: true as const } : {}) },
    item: name,
  }));
}

// Small words a long form may hold without a letter in its short form: "Bureau of Labor Statistics (BLS)".
const FUNCTION_WORDS = new Set('of for the and in on to a an with by at from'.split(' '));

/**
 * Whether the parenthesis opening at `open` and holding `inner` defines an abbreviation of the words
 * just before it: their initials spell it, small words such as "of" counted or not ("a mixture of
 * experts (MoE)", "Bureau of Labor Statistics (BLS)", "retrieval-augmented generation (RAG)"). Stricter
 * than Schwartz and Hearst's letter match (indexer/text/abbreviations.ts), which finds "E", "M", "O"
 * in "Experts specialise by domain without labels (EMO)" and would lose that citation.
 */
export function definesAbbreviation(text: string, open: number, inner: string): boolean {
  const short = inner.trim();
  if (!NAME.test(short) || short.includes(' ')) return false;
  // "LLMs" abbreviates "large language models": a plural's "s" is no initial.
  const letters = short
    .replace(/(?<=\p{Lu})s$/u, '')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
  const head = text.slice(Math.max(0, open - LOOK_BACK), open);
  let clauseStart = head.length;
  while (clauseStart > 0 && !CLAUSE_BREAK.test(head[clauseStart - 1]!)) clauseStart--;
  const words = head
    .slice(clauseStart)
    .split(/[\s\-\u2010-\u2013/]+/u)
    .filter((word) => /^[\p{L}\p{N}]/u.test(word));
  let all = '';
  let content = '';
  for (let i = words.length - 1; i >= 0 && all.length < 2 * letters.length; i--) {
    const initial = words[i]![0]!.toLowerCase();
    all = initial + all;
    if (!FUNCTION_WORDS.has(words[i]!.toLowerCase())) content = initial + content;
    if (all === letters || content === letters) return true;
  }
  return false;
}
