// The built-in embedder: a latent semantic model (log-entropy term weights + truncated SVD) fitted
// on the corpus at index time. No download, deterministic, and any text can be folded in after fitting.
import { createHash } from 'node:crypto';
import { terms } from '../text/analyze.ts';
import type { Embedder, EmbedderInfo, LibraryFrequencies } from './embedder.ts';
import { decodeModel, encodeModel, type LsaModel, MODEL_VERSION } from './lsa/model-state.ts';
import { randomizedSvd } from './lsa/randomized-svd.ts';
import { sparseFromRows } from './lsa/sparse-matrix.ts';
import { SubwordIndex } from './lsa/subword.ts';
import {
  buildVocabulary,
  entropyWeights,
  normalizeWeights,
  termFrequencyWeight,
  termWeights,
  type Vocabulary,
  vocabularyFrom,
} from './lsa/tfidf.ts';

export type BuiltinOptions = {
  /** Largest number of latent dimensions; a small corpus gets fewer (documents − 1, terms − 1). */
  dimensions: number;
  /** α in v = normalize(Σ^−α · Uᵀ · tfidf): 0 keeps the corpus's own weighting, 1 whitens it. */
  sigmaExponent: number;
  /** Weigh a term repeated tf times by 1 + ln(tf) rather than tf. */
  sublinearTf: boolean;
  /** The global term weight: log-entropy (how evenly a term's occurrences spread over the documents) or idf. */
  termWeighting: 'entropy' | 'idf';
  minDocumentFrequency: number;
  maxDocumentFraction: number;
  maxTerms: number;
  /** Fit on an evenly spread sample of at most this many documents, to bound time and memory. */
  maxFitDocuments: number;
  oversampling: number;
  powerIterations: number;
  seed: number;
};

/**
 * Defaults chosen by dense-only nDCG@10 on Cranfield and CISI: α = 0 beat 0.25–1 on both, sublinear tf
 * beat raw tf, and 192–384 dimensions scored within noise of each other. Log-entropy, a standard
 * weighting with no parameter, beat idf on Cranfield, CISI and SciFact (README, "Search").
 */
export const BUILTIN_DEFAULTS = {
  dimensions: 256,
  sigmaExponent: 0,
  sublinearTf: true,
  termWeighting: 'entropy',
  minDocumentFrequency: 2,
  maxDocumentFraction: 0.5,
  maxTerms: 50_000,
  maxFitDocuments: 20_000,
  oversampling: 10,
  powerIterations: 2,
  seed: 0x5eed,
} as const satisfies BuiltinOptions;

export const BUILTIN_MODEL_NAME = 'citelens-lsa';

/**
 * An embedder backed by a fitted latent semantic model. A query's unknown words borrow the rows of
 * fitted words sharing their character trigrams (lsa/subword.ts); documents use known words only
 * (a library that outgrows its fit is refitted instead, see indexer/build). Texts with no known or
 * alike term embed as all zeros.
 */
export type BuiltinEmbedder = Embedder & {
  /** Embeds one document text synchronously (what embedDocuments does per text). */
  embedSync(text: string): Float32Array;
  /**
   * Share of a text's term weight (tf·idf, unknown words at the largest idf) that the model knows:
   * 1 when every word was fitted, less for words it reaches only through their pieces (counted at
   * their similarity) or not at all. The evidence hybrid search weighs meaning by.
   */
  coverage(text: string): number;
  /**
   * Share of the texts' term weight outside the vocabulary (no subword credit): how far a fit is
   * outgrown. An unknown word weighs its idf in `library` (the largest idf without one).
   */
  outOfVocabularyShare(texts: readonly string[], library?: LibraryFrequencies): number;
  /** Why the stored model should be refitted (a model fitted by an older Citelens), or undefined. */
  outdated?: string;
};

// Yield to the event loop this often so a long embedding run does not starve timers and I/O.
const YIELD_EVERY = 1000;

/** Fits a latent semantic model on the documents (deterministic: same input, same bytes). */
export function fitBuiltinEmbedder(
  documents: readonly string[],
  options: Partial<BuiltinOptions> = {},
): BuiltinEmbedder {
  const settings: BuiltinOptions = { ...BUILTIN_DEFAULTS, ...options };
  const sample = evenSample(documents, settings.maxFitDocuments).map((text) => terms(text));
  const byIdf = buildVocabulary(sample, settings);
  const vocabulary =
    settings.termWeighting === 'entropy'
      ? vocabularyFrom(byIdf.terms, byIdf.idf, entropyWeights(sample, byIdf))
      : byIdf;
  const dimensions = Math.max(1, Math.min(settings.dimensions, sample.length - 1, vocabulary.terms.length - 1));
  const singularValues = new Float32Array(dimensions);
  const projection = new Float32Array(vocabulary.terms.length * dimensions);

  if (sample.length > 0 && vocabulary.terms.length > 0) {
    const rows = sample.map((document) => normalizeWeights(termWeights(document, vocabulary, settings.sublinearTf)));
    const svd = randomizedSvd(sparseFromRows(rows, vocabulary.terms.length), dimensions, settings);
    for (let k = 0; k < dimensions; k++) {
      const sigma = svd.singularValues[k]!;
      singularValues[k] = sigma;
      // A direction the corpus lacks (σ = 0) stays a zero column instead of dividing by zero.
      const scale = sigma > 0 ? sigma ** -settings.sigmaExponent : 0;
      for (let t = 0; t < vocabulary.terms.length; t++) {
        projection[t * dimensions + k] = svd.rightVectors[t * dimensions + k]! * scale;
      }
    }
  }

  return embedderFromState(
    encodeModel({
      terms: vocabulary.terms,
      idf: vocabulary.idf,
      termWeights: vocabulary.weight,
      singularValues,
      projection,
      dimensions,
      sigmaExponent: settings.sigmaExponent,
      sublinearTf: settings.sublinearTf,
      fittedDocuments: sample.length,
    }),
  );
}

/** Re-creates a fitted embedder from serialize()'s bytes; throws INDEX_CORRUPT if they are damaged. */
export function loadBuiltinEmbedder(state: Buffer): BuiltinEmbedder {
  // A private copy: the model views these bytes, and the caller may reuse its buffer.
  return embedderFromState(Buffer.from(state));
}

function embedderFromState(stored: Buffer): BuiltinEmbedder {
  const model = decodeModel(stored);
  const vocabulary = vocabularyFrom(model.terms, model.idf, model.termWeights);
  const info: EmbedderInfo = {
    kind: 'builtin',
    model: BUILTIN_MODEL_NAME,
    revision: createHash('sha256').update(stored).digest('hex').slice(0, 16),
    dimensions: model.dimensions,
    queryPrefix: '',
  };
  const explainedShare = explainedShareOf(model);
  const subword = new SubwordIndex(model.terms);
  const embedSync = createProjector(model, vocabulary);
  const embedQuerySync = createProjector(model, vocabulary, subword);
  const maxIdf = model.idf.reduce((max, value) => Math.max(max, value), 1);
  // Known and total term weight of a text: tf·idf, an unknown word at `unknownIdf` times its credit.
  const weighOf = (
    text: string,
    credit: (term: string) => number,
    unknownIdf: (term: string) => number,
  ): { known: number; total: number } => {
    const counts = new Map<string, number>();
    for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    let known = 0;
    let total = 0;
    for (const [term, count] of counts) {
      const row = vocabulary.index.get(term);
      const idf = row === undefined ? unknownIdf(term) : model.idf[row]!;
      const weight = termFrequencyWeight(count, model.sublinearTf) * idf;
      total += weight;
      known += weight * (row === undefined ? credit(term) : 1);
    }
    return { known, total };
  };
  const coverage = (text: string): number => {
    const { known, total } = weighOf(
      text,
      (term) => subword.neighbours(term)[0]?.similarity ?? 0,
      () => maxIdf,
    );
    return total > 0 ? known / total : 1;
  };
  const outOfVocabularyShare = (texts: readonly string[], library?: LibraryFrequencies): number => {
    // Words the fit left out for being in most papers are common, not new: the library's df says so.
    const unknownIdf = library
      ? (term: string) => Math.log((1 + library.papers) / (1 + library.documentFrequency(term))) + 1
      : () => maxIdf;
    let known = 0;
    let total = 0;
    for (const text of texts) {
      const weight = weighOf(text, () => 0, unknownIdf);
      known += weight.known;
      total += weight.total;
    }
    return total > 0 ? 1 - known / total : 0;
  };
  return {
    info,
    embedSync,
    coverage,
    ...(explainedShare === undefined ? {} : { explainedShare }),
    outOfVocabularyShare,
    ...(model.version < MODEL_VERSION
      ? { outdated: 'the model was fitted by an older Citelens, which weighed terms by idf instead of log-entropy' }
      : {}),
    async embedDocuments(texts) {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i++) {
        if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        vectors.push(embedSync(texts[i]!));
      }
      return vectors;
    },
    async embedQuery(text) {
      return embedQuerySync(text);
    },
    serialize: () => stored,
    async dispose() {},
  };
}

/**
 * Folds texts into the model: v = normalize(Σ^−α · Uᵀ · weights(text)), a term weighing its local tf
 * weight × its global weight. Scratch arrays are reused across calls (embedding is synchronous, so
 * calls never interleave); this is the hot path. With a subword index, an unknown word adds its
 * trigram neighbours' rows, each weighted by tf · the neighbour's global weight · similarity / the
 * number of neighbours.
 */
function createProjector(
  model: LsaModel,
  vocabulary: Vocabulary,
  subword?: SubwordIndex,
): (text: string) => Float32Array {
  const { dimensions, projection, sublinearTf } = model;
  const global = vocabulary.weight;
  const counts = new Uint32Array(model.terms.length);
  const rows: number[] = [];
  const weights: number[] = [];
  const sum = new Float64Array(dimensions);
  return (text) => {
    rows.length = 0;
    let unknown: Map<string, number> | undefined;
    for (const term of terms(text)) {
      const row = vocabulary.index.get(term);
      if (row === undefined) {
        if (subword) {
          unknown ??= new Map();
          unknown.set(term, (unknown.get(term) ?? 0) + 1);
        }
      } else if (counts[row]!++ === 0) rows.push(row);
    }
    weights.length = 0;
    for (const row of rows) {
      weights.push(termFrequencyWeight(counts[row]!, sublinearTf) * global[row]!);
      counts[row] = 0;
    }
    // A row may now appear twice (known and borrowed); the sum below is linear, so that is fine.
    for (const [term, count] of unknown ?? []) {
      const neighbours = subword!.neighbours(term);
      for (const { row, similarity } of neighbours) {
        rows.push(row);
        weights.push((termFrequencyWeight(count, sublinearTf) * global[row]! * similarity) / neighbours.length);
      }
    }
    sum.fill(0);
    let i = 0;
    // Four terms per pass: each load and store of the running sum serves four products.
    for (; i + 3 < rows.length; i += 4) {
      const a = rows[i]! * dimensions;
      const b = rows[i + 1]! * dimensions;
      const c = rows[i + 2]! * dimensions;
      const d = rows[i + 3]! * dimensions;
      const wa = weights[i]!;
      const wb = weights[i + 1]!;
      const wc = weights[i + 2]!;
      const wd = weights[i + 3]!;
      for (let k = 0; k < dimensions; k++) {
        sum[k] =
          sum[k]! +
          wa * projection[a + k]! +
          wb * projection[b + k]! +
          wc * projection[c + k]! +
          wd * projection[d + k]!;
      }
    }
    for (; i < rows.length; i++) {
      const a = rows[i]! * dimensions;
      const wa = weights[i]!;
      for (let k = 0; k < dimensions; k++) sum[k] = sum[k]! + wa * projection[a + k]!;
    }
    let norm = 0;
    for (let k = 0; k < dimensions; k++) norm += sum[k]! * sum[k]!;
    const vector = new Float32Array(dimensions);
    if (norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let k = 0; k < dimensions; k++) vector[k] = sum[k]! * scale;
    }
    return vector;
  };
}

/**
 * How much of the library's word use the model keeps, beyond what as many dimensions would keep of
 * text without structure. Each fitted document is a unit vector of term weights, so the documents
 * hold n units of squared weight and the model's dimensions keep Σσ² of them; k dimensions of a
 * structureless matrix of rank r = min(n, terms) would keep k/r. The share is (Σσ²/n − k/r) / (1 − k/r),
 * clamped to 0–1. A diagnostic (`citelens eval` prints it): as a guide to how far hybrid search
 * should trust meaning it held on three collections and failed on a fourth (README, "Tried this
 * release and withdrawn"), so no ranking reads it. Undefined when
 * the model keeps more than half the dimensions there are (a library of fewer than 2k papers): it
 * has not reduced the library, so how much it keeps says nothing.
 */
export function explainedShareOf(
  model: Pick<LsaModel, 'singularValues' | 'fittedDocuments' | 'dimensions' | 'terms'>,
): number | undefined {
  const rank = Math.min(model.fittedDocuments, model.terms.length);
  const chance = rank > 0 ? model.dimensions / rank : 1;
  if (chance > 0.5) return undefined;
  let kept = 0;
  for (const sigma of model.singularValues) kept += sigma * sigma;
  const share = (kept / model.fittedDocuments - chance) / (1 - chance);
  return Math.min(1, Math.max(0, share));
}

/** At most `limit` items spread evenly over the list, in order (all of them when it is short enough). */
function evenSample<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  return Array.from({ length: limit }, (_, i) => items[Math.floor((i * items.length) / limit)]!);
}
