// Direction words that state no change where they stand, so that they give no direction to the
// words around them: the second part of a compound that names a kind of thing ("retrieval-augmented
// generation", "acid-inducible gene", "interferon-stimulated genes", "B1-depleted cells"), a noun
// after "per" or "each" ("64 bit errors per block"), the open end of a count ("64 or more bit
// errors", "five or fewer visits"), which bounds a number rather than saying it rose, the "rise" of
// "give rise to", which says what causes or creates a thing, not that it grew, and "activation"
// naming a kind of thing ("activation steering", "activation memory"), not a switching on.
import { classOf } from './word-classes.ts';

type Token = { word: string; start: number; end: number };

// Second parts that keep their direction: the compound says what a thing does, a change of what it
// names ("growth-inhibiting", "LDL-lowering", "weight-loss").
const ACTIVE_PART = /(?:ing|loss|gain)$/u;
// Heads after which such a compound is a name, not a change ("follicle-stimulating hormone",
// "NF-kB-inducing kinase").
const NAMING_HEAD =
  /^(?:hormones?|factors?|kinases?|enzymes?|proteins?|receptors?|genes?|ligands?|domains?|elements?|sequences?|antibod\w*|molecules?|pathways?)$/u;
// First parts after which the hyphenated word keeps its direction: a prefix ("co-stimulated",
// "re-activated", "up-regulated") or a count ("2-fold-higher", "3-times-higher").
const PREFIX_PART = /^(?:co|re|pre|non|self|over|under|hyper|hypo|de|up|down|fold|times|\d[\d.]*)$/u;
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

/**
 * Whether the direction word at token i states no change here (see above). A word of change joined by
 * a hyphen to the word before it is taken for such a compound: said of the thing after it, it names
 * the kind ("LPS-induced TNF"), not what the sentence finds of it.
 */
export function directionlessAt(text: string, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (ACTIVATION.test(token.word) && ACTIVATION_HEAD.test(tokens[i + 1]?.word ?? '')) return true;
  const before = tokens[i - 1];
  if (!before) return false;
  if (
    before.end === token.start - 1 &&
    text[token.start - 1] === '-' &&
    classOf(token.word).direction !== 0 &&
    !(ACTIVE_PART.test(token.word) && !NAMING_HEAD.test(tokens[i + 1]?.word ?? '')) &&
    !PREFIX_PART.test(before.word)
  )
    return true;
  if (UNIT_BEFORE.has(before.word)) return true;
  if (token.word === 'rise' && GIVE.test(before.word) && tokens[i + 1]?.word === 'to') return true;
  return before.word === 'or' && NUMERIC.test(tokens[i - 2]?.word ?? '');
}
