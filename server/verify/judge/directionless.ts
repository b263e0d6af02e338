// Direction words that state no change where they stand, so that they give no direction to the
// words around them: part of a method's name ("retrieval-augmented generation", "memory-enhanced
// agents"), a noun after "per" or "each" ("64 bit errors per block"), the open end of a count
// ("64 or more bit errors", "five or fewer visits"), which bounds a number rather than saying it rose,
// the "rise" of "give rise to", which says what causes or creates a thing, not that it grew, and
// "activation" naming a kind of thing ("activation steering", "activation memory"), not a switching on.

type Token = { word: string; start: number; end: number };

const METHOD_PART = /^(?:augment|enhanc)/u;
const UNIT_BEFORE = new Set(['per', 'each']);
const NUMERIC = /^(?:\d+(?:[.,]\d+)*|one|two|three|four|five|six|seven|eight|nine|ten)$/u;
const GIVE = /^(?:give|gives|gave|given|giving)$/u;

/**
 * Nouns that "activation" names a kind of when it stands before them, in machine learning
 * ("activation steering", "activation patching", "activation memory", "activation functions") and
 * chemistry ("activation energy"): there it is a network's values or a threshold, not something
 * switched on or raised.
 */
export const ACTIVATION_HEADS =
  'steering|patching|patch|patches|memory|functions?|maps?|space|spaces|vectors?|values?|patterns?|outliers?|sparsity|checkpointing|recomputation|quantization|quantisation|addition|engineering|clipping|statistics|magnitudes?|distributions?|caches?|energy|energies|norms?';
const ACTIVATION = /^activations?$/u;
const ACTIVATION_HEAD = new RegExp(`^(?:${ACTIVATION_HEADS})$`, 'u');

/** Whether the direction word at token i states no change here (see above). */
export function directionlessAt(text: string, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (ACTIVATION.test(token.word) && ACTIVATION_HEAD.test(tokens[i + 1]?.word ?? '')) return true;
  const before = tokens[i - 1];
  if (!before) return false;
  if (before.end === token.start - 1 && text[token.start - 1] === '-' && METHOD_PART.test(token.word)) return true;
  if (UNIT_BEFORE.has(before.word)) return true;
  if (token.word === 'rise' && GIVE.test(before.word) && tokens[i + 1]?.word === 'to') return true;
  return before.word === 'or' && NUMERIC.test(tokens[i - 2]?.word ?? '');
}
