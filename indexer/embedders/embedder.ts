// The Embedder contract: turns passages and queries into unit-length vectors. Implementations:
// builtin.embedder.ts (latent semantic model fitted on the corpus, no download) and
// transformers.embedder.ts (@huggingface/transformers feature extraction).
import { z } from 'zod';

/** What the index records about the embedder that produced its vectors. */
export const zEmbedderInfo = z.object({
  kind: z.enum(['builtin', 'transformers']),
  /** Model id or local folder (transformers), or the builtin model's name. */
  model: z.string(),
  /** Model revision; for builtin, a hash of the fitted model so two fits never mix. */
  revision: z.string(),
  dimensions: z.number().int().positive(),
  /** Text put before every query (e.g. bge's retrieval instruction); '' when none. */
  queryPrefix: z.string(),
});
export type EmbedderInfo = z.infer<typeof zEmbedderInfo>;

/** How many papers a library holds and in how many of them a term occurs (its keyword index). */
export type LibraryFrequencies = { papers: number; documentFrequency(term: string): number };

export interface Embedder {
  readonly info: EmbedderInfo;
  /** Embeds passages or papers; every vector has info.dimensions entries and unit length (or is all zeros). */
  embedDocuments(texts: readonly string[]): Promise<Float32Array[]>;
  /** Embeds a search query (applying the query prefix, if any). */
  embedQuery(text: string): Promise<Float32Array>;
  /**
   * How much of a text's term weight the embedder knows, 0–1 (the builtin model's vocabulary);
   * absent for embedders that read any text (hybrid search then takes 1).
   */
  coverage?(text: string): number;
  /**
   * How much of the library's word use a fitted model keeps (the builtin model's explainedShareOf),
   * 0–1; absent for embedders not fitted on the library. A diagnostic that `citelens eval` reports.
   */
  readonly explainedShare?: number;
  /** Share of the texts' term weight outside a fitted vocabulary (the builtin model); absent otherwise. */
  outOfVocabularyShare?(texts: readonly string[], library?: LibraryFrequencies): number;
  /** Why a stored model should be refitted (the builtin model, fitted by an older Citelens); absent when it is current. */
  readonly outdated?: string;
  /** The state to store in the index so the same embedder can be re-created (builtin: the fitted model). */
  serialize(): Buffer | null;
  dispose(): Promise<void>;
}

export type EmbedderKind = 'auto' | 'builtin' | 'transformers';
