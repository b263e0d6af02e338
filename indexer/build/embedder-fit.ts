// Whether an index run keeps the recorded embedder or fits the built-in one anew: a new index fits
// it, --refit forces it, and a library that has doubled or whose new papers speak a vocabulary the
// fit does not cover is refitted within the same run. Each decision comes with the reason a person reads.
import type { Embedder, EmbedderInfo } from '../embedders/index.ts';

export const FIT_DEFAULTS = {
  /**
   * Refit when this share of the new papers' term weight (tf·idf) lies outside the fitted vocabulary.
   * Measured with the built-in model fitted on half of a collection: the other half scores 0.10–0.15
   * (batches of five papers up to 0.18); another field's papers 0.17–0.53 (Cranfield, CISI, SciFact).
   */
  maxOutOfVocabularyShare: 0.25,
  /** ...and the new papers are at least this share of the library... */
  minNewShare: 0.01,
  /** ...and at least this many: a field arrives as several papers; one odd paper is folded in, not refitted for. */
  minNewPapers: 5,
  /** Refit when the library has grown to this many times the papers the model was fitted on. */
  growthFactor: 2,
} satisfies Record<string, number>;

/** What the run does with the built-in model, and why. */
export type EmbedderFit = {
  /** fit: a new model; refit: the library's model fitted again; fold-in: new papers embedded with the kept model; reuse: no model fitted. */
  action: 'fit' | 'refit' | 'fold-in' | 'reuse';
  reason: string;
  /** Share of the new papers' term weight outside the kept model's vocabulary (null when not measured). */
  outOfVocabularyShare: number | null;
};

/**
 * Decides, before any paper is embedded, whether the recorded built-in model must be refitted.
 * `kept` is the recorded embedder re-created from its state; `incoming` the texts of the papers to embed.
 */
export function decideFit(args: {
  recorded: EmbedderInfo | undefined;
  forced: boolean;
  fittedOnPapers: number;
  papersAfter: number;
  kept: Embedder | undefined;
  incoming: readonly string[];
}): EmbedderFit {
  const { recorded, forced, fittedOnPapers, papersAfter, kept, incoming } = args;
  if (!recorded) return { action: 'fit', reason: 'a new index', outOfVocabularyShare: null };
  if (recorded.kind !== 'builtin') return { action: 'reuse', reason: 'a downloaded model', outOfVocabularyShare: null };
  if (forced) return { action: 'refit', reason: '--refit', outOfVocabularyShare: null };
  if (papersAfter >= FIT_DEFAULTS.growthFactor * Math.max(1, fittedOnPapers)) {
    return {
      action: 'refit',
      reason: `the library grew from the ${fittedOnPapers} papers the model was fitted on to ${papersAfter}`,
      outOfVocabularyShare: null,
    };
  }
  if (incoming.length === 0) return { action: 'reuse', reason: 'no new papers', outOfVocabularyShare: null };
  const share = kept?.outOfVocabularyShare?.(incoming) ?? 0;
  const percent = `${Math.round(share * 100)}%`;
  const enough = incoming.length >= Math.max(FIT_DEFAULTS.minNewPapers, FIT_DEFAULTS.minNewShare * papersAfter);
  if (share > FIT_DEFAULTS.maxOutOfVocabularyShare && enough) {
    return {
      action: 'refit',
      reason: `${percent} of the new papers' term weight is outside the fitted vocabulary (more than ${FIT_DEFAULTS.maxOutOfVocabularyShare * 100}%)`,
      outOfVocabularyShare: share,
    };
  }
  return {
    action: 'fold-in',
    reason: `${percent} of the new papers' term weight is outside the fitted vocabulary`,
    outOfVocabularyShare: share,
  };
}
