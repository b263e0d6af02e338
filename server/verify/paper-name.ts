// The name a paper calls itself by: "Litespark" of "Litespark Inference on Consumer CPUs: …" whose
// abstract opens "Litespark runs…". A citation may give it in place of an author ("(Litespark
// 2026)"), and an answer writes it for the "It" that stands for the paper.
import { STOP_WORDS } from '../../indexer/text/analyze.ts';

/** A title's first word: a name of letters and digits, joined by hyphens ("UE-DPO", "RecGPT-Mobile"). */
const FIRST_WORD = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/u;

/** A one-word name in a title's parentheses: "Neural Weight Translation (NeWTral)". */
const TITLE_PARENTHESIS = /\(\s*([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)\s*\)/u;
/** A title's head before its colon, of one or two words: "EMO: Pretraining…", "Memory Inception: Latent…". */
const TITLE_HEAD = /^([\p{L}\p{N}-]+(?:\s[\p{L}\p{N}-]+)?)\s*:/u;

/** The one-word name a title gives in parentheses ("Neural Weight Translation (NeWTral)"), if any. */
export const nameInParentheses = (title: string): string | undefined => TITLE_PARENTHESIS.exec(title)?.[1];

/** A title's head before its colon when it is one or two capitalized words ("Feather" of "Feather: Batch Size vs. …"), if any. */
export function titleHead(title: string): string | undefined {
  const head = TITLE_HEAD.exec(title)?.[1];
  return head && /^\p{Lu}/u.test(head) && !STOP_WORDS.has(head.toLowerCase()) ? head : undefined;
}

/** A one-word name closing a title in parentheses: "Verifier-Backed Hard Problem Generation (VHG)". */
const TITLE_FINAL_PARENTHESIS = /\(\s*([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)\s*\)\s*$/u;
/** A title of one word, a name of letters and digits: "GlazyBench". */
const ONE_WORD_TITLE = /^\s*([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)\s*$/u;

/**
 * The names a title gives its paper, by which a text may cite it without author or year ("[LeakDojo]",
 * "(see VHG)"): its head before a colon ("LeakDojo" of "LeakDojo: Decoding…"), a short name closing it
 * in parentheses ("VHG"), or the whole title when it is one word ("GlazyBench"); each capitalized.
 */
export function namesInTitle(title: string): string[] {
  const names = [titleHead(title), TITLE_FINAL_PARENTHESIS.exec(title)?.[1], ONE_WORD_TITLE.exec(title)?.[1]];
  return [
    ...new Set(
      names.filter(
        (name): name is string =>
          name !== undefined &&
          /^[\p{Lu}\p{N}]/u.test(name) &&
          /\p{L}/u.test(name) &&
          !STOP_WORDS.has(name.toLowerCase()),
      ),
    ),
  ];
}

/** Whether a text opens with this name as a whole word. */
export const opensWith = (text: string, name: string): boolean =>
  text.startsWith(name) && !/^[\p{L}\p{N}]/u.test(text.slice(name.length));

/**
 * The name a paper calls itself by, or null: its title's first word when the abstract opens with it,
 * it is capitalized and no stop word, and it reads as a name: a capital or digit after its first
 * letter ("LeakDojo", "COGCAPTCHA30"), the whole title, a title "Name: …", or followed in the
 * abstract by a verb ("Litespark runs…", not "Attention sinks arise…" under "Attention Sinks in…").
 */
export function paperName(paper: { title: string; abstract: string }): string | null {
  // "Neural Weight Translation (NeWTral)", "StraTA (Strategic…)", "EMO: Pretraining…": a name the
  // title gives in parentheses or before its colon, when the abstract opens with it.
  const rest = paper.abstract.trimStart();
  const given = [nameInParentheses(paper.title), TITLE_HEAD.exec(paper.title)?.[1]].find(
    (name) => name !== undefined && /^\p{Lu}/u.test(name) && opensWith(rest, name),
  );
  if (given) return given;
  const name = FIRST_WORD.exec(paper.title)?.[0];
  if (!name || !/^\p{Lu}/u.test(name) || STOP_WORDS.has(name.toLowerCase())) return null;
  if (!opensWith(rest, name)) return null;
  const afterInTitle = paper.title.slice(name.length);
  const verb = /^\s+(is|was|\p{Ll}+s)\s/u.exec(rest.slice(name.length))?.[1];
  // "Attention sinks arise…" under "Attention Sinks in …" goes on with the title's noun, not a verb.
  const titleGoesOn = verb !== undefined && afterInTitle.trimStart().toLowerCase().startsWith(verb);
  const nameLike =
    /^.[\p{L}]*[\p{Lu}\p{N}]/u.test(name) ||
    afterInTitle.trim() === '' ||
    /^\s*:/u.test(afterInTitle) ||
    (verb !== undefined && !titleGoesOn);
  return nameLike ? name : null;
}
