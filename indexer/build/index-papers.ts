// The `index` verb: reads paper files, embeds only new or changed papers, and publishes a new
// generation of the index with its SQLite tables, keyword postings and HNSW vector file.
import { AppError } from '../../core/errors.ts';
import { type PaperFilesRead, readPaperFiles } from '../readers/index.ts';
import { readStoredKeys } from '../store/papers-writer.repo.ts';
import { applyPapers } from './apply-changes.ts';
import type { RunInput } from './change-plan.ts';
import { writeGeneration } from './generation-writer.ts';
import { INDEX_DEFAULTS, type IndexOptions, type IndexSummary } from './index-options.ts';
import type { PreviousGeneration } from './published-generation.ts';
import { mergeStoredWorks } from './stored-works.ts';

/** Indexes paper files into `indexDir`, creating or updating it. */
export async function indexPapers(
  options: Partial<IndexOptions> & Pick<IndexOptions, 'indexDir' | 'files'>,
): Promise<IndexSummary> {
  const opts: IndexOptions = { ...INDEX_DEFAULTS, ...options };
  const began = performance.now();
  const stages = { read: 0, embed: 0, store: 0, vectors: 0, publish: 0 };
  let mark = performance.now();
  const lap = (stage: keyof typeof stages) => {
    const now = performance.now();
    stages[stage] += (now - mark) / 1000;
    mark = now;
  };

  // The input is read under the index's lock while the published database is copied for the draft. Records
  // whose bytes the published index holds (by fingerprint) are not parsed again.
  const readInput = async (previous: PreviousGeneration | undefined): Promise<RunInput> => {
    opts.onProgress?.({ stage: 'read', done: 0, total: opts.files.length });
    const keys = previous ? readStoredKeys(previous.db) : undefined;
    const input = await readPaperFiles(opts.files, {
      ...(opts.format ? { format: opts.format } : {}),
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
      strict: opts.strict,
      ...(keys ? { known: (fingerprint: string) => keys.byFingerprint.get(fingerprint) } : {}),
    });
    for (const notice of input.notices) opts.onNotice?.(notice);
    if (input.problems.length > 0 && opts.strict && !opts.skipInvalid) {
      throw new AppError(
        'INVALID_PAPERS',
        `${input.problems.length} problem${input.problems.length === 1 ? '' : 's'} in the input; nothing was changed.`,
        { problems: input.problems },
      );
    }
    if (input.papers.length + input.indexed.length === 0 && !opts.prune) {
      throw new AppError('INVALID_PAPERS', noPapersMessage(opts.files, input.problems.length), {
        problems: input.problems,
      });
    }
    const replaced =
      previous && keys && !opts.strict ? await mergeStoredWorks(input, keys.byId, previous.db, opts) : [];
    lap('read');
    return { ...input, stored: keys?.byId ?? new Map(), replaced };
  };
  let read: Pick<PaperFilesRead, 'problems' | 'repairs' | 'notices'> = { problems: [], repairs: [], notices: [] };
  const writing = { fresh: opts.rebuild, prepare: readInput, onNotice: opts.onNotice, lockWaitMs: opts.lockWaitMs };
  const summary = await writeGeneration(opts.indexDir, writing, (draft, input) => {
    read = input;
    return applyPapers(draft, input, opts, lap);
  });
  lap('publish');
  const seconds = (performance.now() - began) / 1000;
  return {
    ...summary,
    skipped: read.problems,
    repaired: new Set(read.repairs.map((repair) => `${repair.file}\u0000${repair.record}`)).size,
    repairs: read.repairs,
    notices: read.notices,
    seconds,
    papersPerSecond: (summary.added + summary.updated) / Math.max(seconds, 1e-9),
    stages,
  };
}

/** Why an input gave no paper: its records were all refused (each problem is listed with its place), or it held none. */
function noPapersMessage(files: readonly string[], problems: number): string {
  if (problems > 0) {
    const named = problems === 1 ? '1 problem, named' : `${problems} problems, each named`;
    return `The input holds no valid papers: ${named} with its file and line; nothing was changed.`;
  }
  const named = files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
  return `No record was found in ${named}; nothing was changed.`;
}
