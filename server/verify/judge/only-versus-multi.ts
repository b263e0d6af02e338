// "<x>-only" against "multi-<x>" ("single-agent-only"… "text-only" against "multimodal",
// "English-only" against "multilingual", "single-turn-only" against "multi-turn"): one side keeps to
// one kind where the other states several of that kind.
import { stem } from '../../../indexer/text/analyze.ts';

const KEPT_TO = /(?<![\p{L}\p{N}-])(\p{L}+)-only(?![\p{L}\p{N}])/giu;
const MULTI = /(?<![\p{L}\p{N}-])multi-?(\p{L}{3,})/giu;
// Kinds that "multimodal" holds several of, and "multilingual" (any language is "lingual").
const MODALITIES = new Set(['text', 'textual', 'image', 'vision', 'visual', 'audio', 'speech', 'video', 'language']);
const KIND_OF: Record<string, (word: string) => boolean> = {
  modal: (word) => MODALITIES.has(word),
};

function keptKinds(text: string): string[] {
  return [...text.matchAll(KEPT_TO)].map((m) => m[1]!.toLowerCase());
}

function multiKinds(text: string): string[] {
  return [...text.matchAll(MULTI)].map((m) => m[1]!.toLowerCase());
}

// Whether `keeping` keeps to one kind that `stating` states several of, and neither says the other's word.
function keepsWhereOtherMultiplies(keeping: string, stating: string): boolean {
  const kept = keptKinds(keeping);
  if (kept.length === 0) return false;
  const ownMulti = new Set(multiKinds(keeping));
  const otherKept = new Set(keptKinds(stating));
  return multiKinds(stating).some((multi) => {
    if (ownMulti.has(multi)) return false;
    return kept.some((word) => !otherKept.has(word) && (stem(word) === stem(multi) || KIND_OF[multi]?.(word) === true));
  });
}

/** Whether one text keeps to one kind ("a text-only benchmark") where the other states several ("multimodal"). */
export function onlyVersusMulti(a: string, b: string): boolean {
  if (!a.includes('-only') && !b.includes('-only')) return false;
  return keepsWhereOtherMultiplies(a, b) || keepsWhereOtherMultiplies(b, a);
}
