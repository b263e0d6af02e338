// "<x>-only" against "multi-<x>" ("turn-only settings" against "multi-turn conversations", "a
// path-only design" against "a multi-path architecture"): one side keeps to one kind where the other
// states several of that kind. A modality against "multimodal" ("a text-only benchmark" against "a
// multimodal benchmark") is read on the same noun, or where one side says what the thing is ("X is
// a multimodal benchmark" against "X tests vision-only models"): "text-only preference optimization"
// beside "multimodal LLMs" is another thing.
import { stem, tokenize } from '../../../indexer/text/analyze.ts';

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const KEPT_TO = /^(\p{L}+)-only$/u;
const MULTI = /^multi-?(\p{L}{3,})$/u;
// Kinds that "multimodal" holds several of.
const MODALITIES = new Set(['text', 'textual', 'image', 'vision', 'visual', 'audio', 'speech', 'video', 'language']);
const KIND_OF: Record<string, (word: string) => boolean> = {
  modal: (word) => MODALITIES.has(word),
};
// Words after which the phrase describes something else than what is studied: "beyond text-only
// models", "unlike earlier multimodal benchmarks", "prior text-only work".
const SET_APART = /^(?:beyond|unlike|than|prior|earlier|existing|previous|past|older|traditional|conventional)$/u;
const SET_APART_REACH = 4;
const COPULA = /^(?:is|are|was|were|be|been|being|remains?|stays?)$/u;
const ARTICLE = /^(?:a|an)$/u;
// How many content words after the phrase may name its noun ("text-only preference optimization").
const NOUN_REACH = 2;

type Word = { word: string; start: number; end: number };
/**
 * A "<x>-only" or "multi-<x>" phrase: its kind, the terms of the noun it describes, and whether it
 * says what its subject is ("X is a multimodal benchmark", "benchmarks are text-only").
 */
type KindPhrase = { kind: string; nouns: Set<string>; predicated: boolean };

// "LLMs", "MLLMs" and "LMs" are models: one noun for this comparison ("language-only models" against
// "multimodal LLMs").
const MODEL = stem('model');
const MODEL_NOUNS = new Set(['llm', 'llms', 'mllm', 'mllms', 'lm', 'lms', 'vlm', 'vlms'].map(stem));

const contentTerm = (word: string): string | null => {
  const term = tokenize(word).find((token) => token.term !== null)?.term ?? null;
  return term !== null && MODEL_NOUNS.has(term) ? MODEL : term;
};

// The terms of the noun the phrase at `i` describes: the content words right after it, or, used as a
// predicate ("benchmarks were text-only"), the word before the copula.
function nounsOf(text: string, words: readonly Word[], i: number): Set<string> {
  const nouns = new Set<string>();
  for (let j = i + 1; j < words.length && nouns.size < NOUN_REACH; j++) {
    if (/[^\s]/u.test(text.slice(words[j - 1]!.end, words[j]!.start))) break;
    const term = contentTerm(words[j]!.word);
    if (term === null) break;
    nouns.add(term);
  }
  if (nouns.size === 0 && COPULA.test(words[i - 1]?.word ?? '')) {
    const term = contentTerm(words[i - 2]?.word ?? '');
    if (term !== null) nouns.add(term);
  }
  return nouns;
}

// Whether a word shortly before `i` sets the phrase apart from what the text speaks of.
function setApart(words: readonly Word[], i: number): boolean {
  for (let j = Math.max(0, i - SET_APART_REACH); j < i; j++) if (SET_APART.test(words[j]!.word)) return true;
  return false;
}

function phrasesOf(text: string, pattern: RegExp): KindPhrase[] {
  const words = [...text.matchAll(WORD)].map((m) => ({
    word: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const found: KindPhrase[] = [];
  words.forEach(({ word }, i) => {
    const kind = pattern.exec(word)?.[1];
    if (kind === undefined || setApart(words, i)) return;
    const before = words[i - 1]?.word ?? '';
    const predicated = COPULA.test(before) || (ARTICLE.test(before) && COPULA.test(words[i - 2]?.word ?? ''));
    found.push({ kind, nouns: nounsOf(text, words, i), predicated });
  });
  return found;
}

// Kinds a text counts in steps, where "X-only" against "multi-X" is one setting against another
// whatever nouns follow: "turn-only settings" against "multi-turn conversations".
const SEQUENCE_KINDS = new Set(['turn', 'hop', 'round', 'step', 'path', 'stage'].map(stem));

const sameNoun = (a: KindPhrase, b: KindPhrase) => [...a.nouns].some((noun) => b.nouns.has(noun));

// Whether `keeping` keeps a noun to one kind that `stating` states several of for the same noun, and
// neither says the other's word.
function keepsWhereOtherMultiplies(keeping: string, stating: string): boolean {
  const kept = phrasesOf(keeping, KEPT_TO);
  if (kept.length === 0) return false;
  const ownMulti = new Set(phrasesOf(keeping, MULTI).map((phrase) => phrase.kind));
  const otherKept = new Set(phrasesOf(stating, KEPT_TO).map((phrase) => phrase.kind));
  return phrasesOf(stating, MULTI).some((multi) => {
    if (ownMulti.has(multi.kind)) return false;
    return kept.some((only) => {
      if (otherKept.has(only.kind)) return false;
      // "turn-only" against "multi-turn" names the same kind whatever the nouns, for kinds a text
      // counts in steps (SEQUENCE_KINDS); any other word ("head-only fine-tuning" against "multi-head
      // attention", "GPU-only" against "multi-GPU") and a modality against "multimodal" only on the
      // same noun or where a side says what the thing is.
      const samePhrase = sameNoun(only, multi) || only.predicated || multi.predicated;
      if (stem(only.kind) === stem(multi.kind)) return SEQUENCE_KINDS.has(stem(only.kind)) || samePhrase;
      return KIND_OF[multi.kind]?.(only.kind) === true && samePhrase;
    });
  });
}

/**
 * Whether one text keeps to one kind ("turn-only settings", "a text-only benchmark") where the other
 * states several ("multi-turn conversations", "a multimodal benchmark"; a modality on the same noun
 * or said of what the thing is); a phrase after "beyond", "unlike", "than", "prior", "earlier",
 * "existing" or "previous" speaks of something else and is not read.
 */
export function onlyVersusMulti(a: string, b: string): boolean {
  if (!a.includes('-only') && !b.includes('-only')) return false;
  return keepsWhereOtherMultiplies(a, b) || keepsWhereOtherMultiplies(b, a);
}
