// What an `index` run is told (its options and their defaults) and what it reports back.
import type { EmbedderInfo, EmbedderKind } from '../embedders/index.ts';
import type { Encoding, Format, InputProblem } from '../readers/index.ts';
import type { EmbedderFit } from './embedder-fit.ts';
import type { ProgressListener } from './progress.ts';
import { PUBLISHED_READ_DEFAULTS } from './published-generation.ts';

export const INDEX_DEFAULTS = {
  embedder: 'auto' as EmbedderKind,
  model: 'Xenova/bge-small-en-v1.5',
  modelDir: 'data/models',
  offline: false,
  /** Index only the valid records instead of refusing the whole run (with strict; repairing runs always do). */
  skipInvalid: false,
  /** Refuse any record with a problem instead of repairing it, and refuse the run over it unless skipInvalid. */
  strict: false,
  /** Start from an empty index instead of updating the current one. */
  rebuild: false,
  /** Refit the builtin embedder on the whole corpus (re-embeds every paper). */
  refit: false,
  /** Remove papers that are not in this run's input. */
  prune: false,
  /** Papers embedded per batch. */
  batchSize: 256,
  /** Rebuild the vector file from scratch once this fraction of its entries are deleted ones. */
  maxDeletedFraction: 0.25,
  /** How long to wait for another process's lock on the published database (see PUBLISHED_READ_DEFAULTS). */
  lockWaitMs: PUBLISHED_READ_DEFAULTS.lockWaitMs,
};

export type IndexOptions = typeof INDEX_DEFAULTS & {
  indexDir: string;
  files: string[];
  format?: Format;
  /** The text encoding of every input file; by default each file's is detected. */
  encoding?: Encoding;
  onProgress?: ProgressListener;
  onNotice?: (message: string) => void;
};

export type IndexSummary = {
  generation: number;
  papers: number;
  passages: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Records refused: nothing usable was left in them (or, with strict, anything was wrong). */
  skipped: InputProblem[];
  /** Records repaired (kept, or merged into an identical one), and each repair made (a record may have several). */
  repaired: number;
  repairs: InputProblem[];
  /** How input files were read: an encoding guessed, the CSV columns used and ignored. */
  notices: string[];
  embedder: EmbedderInfo;
  /** Whether the built-in model was fitted, refitted, or kept with the new papers folded in, and why. */
  embedderFit: EmbedderFit;
  seconds: number;
  papersPerSecond: number;
  bytes: number;
  /** Seconds spent in each stage. */
  stages: Record<'read' | 'embed' | 'store' | 'vectors' | 'publish', number>;
};

/** A run's stages, each timed by the lap that ends it. */
export type Stage = keyof IndexSummary['stages'];
/** Adds the time since the previous lap to `stage`. */
export type Lap = (stage: Stage) => void;

/** What applying a run's changes reports: the summary without what reading and timing add. */
export type Counts = Omit<
  IndexSummary,
  'skipped' | 'repaired' | 'repairs' | 'notices' | 'seconds' | 'papersPerSecond' | 'stages'
>;
