// Whether an index run keeps the recorded embedder or fits the built-in one anew: a new index fits
// it, --refit forces it, and a model stored by an older Citelens or fitted on another analyzer's
// terms, or a library that has doubled or whose new papers speak a vocabulary the fit does not
// cover, is refitted within the same run. Each decision comes with the reason a person reads.
import type { Embedder, EmbedderInfo, LibraryFrequencies } from '../embedders/index.ts';

export const FIT_DEFAULTS = {
  /**
   * Refit when the share of the new papers' term weight (tf·idf, the library's idf) outside the fitted
   * vocabulary exceeds the library's own papers' share by more than this. The library's own share is
   * not 0: words in one paper only are left out of the fit. Measured with the model fitted on half of
   * Cranfield, CISI, SciFact (3,000 abstracts) and the benchmark's synthetic papers: the other half is
   * 0.02–0.06 above the fitted half (batches of five: up to 0.11); another field's papers are
   * 0.15–0.60 above it, except CISI against a SciFact fit (+0.09: its biomedical vocabulary covers
   * information science, and such papers are folded in).
   */
  maxShareAboveLibrary: 0.12,
  /** Stored papers (evenly spread) the library's own share is measured on. */
  librarySample: 200,
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
  /** The run re-analyzes the index (reanalyze.ts): the model's vocabulary holds another analyzer's terms. */
  reanalyzed?: boolean;
  fittedOnPapers: number;
  papersAfter: number;
  kept: Embedder | undefined;
  incoming: readonly string[];
  /** The library before this run (its keyword index), for the idf of words the fit left out. */
  library?: LibraryFrequencies;
  /** Texts of a sample of the library's stored papers, whose share is the baseline (read only when needed). */
  librarySample: () => readonly string[];
}): EmbedderFit {
  const { recorded, forced, fittedOnPapers, papersAfter, kept, incoming, library } = args;
  if (!recorded) return { action: 'fit', reason: 'a new index', outOfVocabularyShare: null };
  if (recorded.kind !== 'builtin') return { action: 'reuse', reason: 'a downloaded model', outOfVocabularyShare: null };
  if (forced) return { action: 'refit', reason: '--refit', outOfVocabularyShare: null };
  if (args.reanalyzed) {
    return {
      action: 'refit',
      reason: 'the model was fitted on the terms of another version of the analyzer',
      outOfVocabularyShare: null,
    };
  }
  if (kept?.outdated) return { action: 'refit', reason: kept.outdated, outOfVocabularyShare: null };
  if (papersAfter >= FIT_DEFAULTS.growthFactor * Math.max(1, fittedOnPapers)) {
    return {
      action: 'refit',
      reason: `the library grew from the ${fittedOnPapers} papers the model was fitted on to ${papersAfter}`,
      outOfVocabularyShare: null,
    };
  }
  if (incoming.length === 0) return { action: 'reuse', reason: 'no new papers', outOfVocabularyShare: null };
  const measure = kept?.outOfVocabularyShare?.bind(kept);
  if (!measure) return { action: 'reuse', reason: 'the model has no vocabulary', outOfVocabularyShare: null };
  const share = measure(incoming, library);
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  const enough = incoming.length >= Math.max(FIT_DEFAULTS.minNewPapers, FIT_DEFAULTS.minNewShare * papersAfter);
  if (enough) {
    const own = measure(args.librarySample(), library);
    if (share > own + FIT_DEFAULTS.maxShareAboveLibrary) {
      return {
        action: 'refit',
        reason: `${percent(share)} of the new papers' term weight is outside the fitted vocabulary, against ${percent(own)} for the library's own papers`,
        outOfVocabularyShare: share,
      };
    }
  }
  return {
    action: 'fold-in',
    reason: enough
      ? `${percent(share)} of the new papers' term weight is outside the fitted vocabulary, close to the library's own share`
      : `${percent(share)} of the new papers' term weight is outside the fitted vocabulary; too few new papers to refit for (--refit forces it)`,
    outOfVocabularyShare: share,
  };
}
