// Stage 2 of an `index` run, the embedder: the index's own, or the built-in model fitted anew.
import { AppError } from '../../core/errors.ts';
import { createEmbedder, type Embedder, type LibraryFrequencies } from '../embedders/index.ts';
import type { Paper } from '../paper.schema.ts';
import { PostingsReader } from '../store/keyword/index.ts';
import type { PapersReader } from '../store/papers.repo.ts';
import type { StoredKey } from '../store/papers-writer.repo.ts';
import type { ChangePlan, RunInput } from './change-plan.ts';
import { decideFit, type EmbedderFit, FIT_DEFAULTS } from './embedder-fit.ts';
import type { GenerationDraft } from './generation-writer.ts';
import type { IndexOptions } from './index-options.ts';
import { needsReanalysis } from './reanalyze.ts';

/** The text a paper is fitted on and measured by. */
const paperText = (paper: Paper) => `${paper.title}. ${paper.abstract}`;

/** The texts of at most `size` stored papers spread evenly over the library. */
function librarySample(stored: ReadonlyMap<string, StoredKey>, papersReader: PapersReader, size: number): string[] {
  const keys = [...stored.values()];
  const step = Math.max(1, keys.length / size);
  const texts: string[] = [];
  for (let i = 0; i < keys.length && texts.length < size; i = Math.floor(i + step)) {
    const paper = papersReader.getByDoc(keys[Math.floor(i)]!.doc);
    if (paper) texts.push(paperText(paper));
  }
  return texts;
}

/**
 * The library's document frequencies, all read in one scan at the first lookup: the fit's measure asks for
 * each word of a thousand papers outside the fitted vocabulary, tens of thousands of lookups that one at a
 * time cost seconds at 100k papers (PostingsReader.documentFrequencies says why).
 */
function libraryFrequencies(postings: PostingsReader, papers: number): LibraryFrequencies {
  let frequencies: Map<string, number> | undefined;
  return {
    papers,
    documentFrequency: (term) => {
      frequencies ??= postings.documentFrequencies();
      return frequencies.get(term) ?? 0;
    },
  };
}

/** The run's embedder, whether every kept paper must be re-embedded with it, and what happened to the fit. */
export type ChosenEmbedder = { embedder: Embedder; reembedAll: boolean; fittedOnPapers: number; fit: EmbedderFit };

/**
 * Stage 2, the embedder: the one the index records, unless this run starts the index, is told to
 * refit, or brings papers the fitted model does not cover (embedder-fit.ts), in which case the built-in
 * model is fitted on the whole corpus after this run and every kept paper is re-embedded.
 */
export async function chooseEmbedder(
  draft: GenerationDraft,
  input: RunInput,
  plan: ChangePlan,
  opts: IndexOptions,
  papersReader: PapersReader,
): Promise<ChosenEmbedder> {
  const { previous } = draft;
  const postings = new PostingsReader(draft.db);
  const recorded = previous?.manifest.embedder;
  if (recorded && opts.embedder !== 'auto' && opts.embedder !== recorded.kind) {
    throw new AppError(
      'EMBEDDER_MISMATCH',
      `This index was built with the ${recorded.kind} embedder (${recorded.model}); this run asked for ${opts.embedder}.`,
      { recorded, requested: opts.embedder },
    );
  }
  if (recorded?.kind === 'transformers' && opts.embedder === 'transformers' && opts.model !== recorded.model) {
    throw new AppError(
      'EMBEDDER_MISMATCH',
      `This index was built with the model ${recorded.model}; this run asked for ${opts.model}.`,
      { recorded, requested: opts.model },
    );
  }
  const papersAfter = input.stored.size + plan.added - plan.removed;
  const fittedOnPapers = previous?.manifest.fittedOnPapers ?? 0;
  const kept = recorded
    ? await createEmbedder({
        kind: recorded.kind,
        model: recorded.model,
        cacheDir: opts.modelDir,
        offline: opts.offline,
        info: recorded,
        state: previous?.embedderState ?? null,
        ...(opts.onNotice ? { onNotice: opts.onNotice } : {}),
      })
    : undefined;
  const fit = decideFit({
    recorded,
    forced: opts.refit,
    reanalyzed: needsReanalysis(previous?.manifest),
    fittedOnPapers,
    papersAfter,
    kept,
    incoming: plan.toEmbed.map(({ paper }) => paperText(paper)),
    // The draft still holds the published postings: the library as it was before this run.
    ...(previous ? { library: libraryFrequencies(postings, input.stored.size) } : {}),
    librarySample: () => librarySample(input.stored, papersReader, FIT_DEFAULTS.librarySample),
  });
  if (kept && (fit.action === 'fold-in' || fit.action === 'reuse')) {
    return { embedder: kept, reembedAll: false, fittedOnPapers, fit };
  }
  await kept?.dispose();
  if (fit.action === 'refit' && fit.reason !== '--refit') {
    opts.onNotice?.(`Refitting the built-in model on the whole library and re-embedding every paper: ${fit.reason}.`);
  }
  // A new fit sees the whole corpus after this run: kept papers and incoming ones.
  const deleted = new Set(plan.toDelete);
  const corpus: string[] = [];
  if (previous) {
    for (const { doc, paper } of papersReader.all()) if (!deleted.has(doc)) corpus.push(paperText(paper));
  }
  for (const { paper } of plan.toEmbed) corpus.push(paperText(paper));
  const embedder = await createEmbedder({
    kind: recorded ? recorded.kind : opts.embedder,
    model: opts.model,
    cacheDir: opts.modelDir,
    offline: opts.offline,
    corpus,
    ...(opts.onNotice ? { onNotice: opts.onNotice } : {}),
  });
  const isBuiltin = embedder.info.kind === 'builtin';
  return {
    embedder,
    reembedAll: previous !== undefined,
    fittedOnPapers: isBuiltin ? corpus.length : 0,
    fit: isBuiltin ? fit : { action: 'reuse', reason: 'a downloaded model', outOfVocabularyShare: null },
  };
}
