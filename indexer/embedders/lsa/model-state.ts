// The latent semantic model at rest: a compact little-endian binary (header, idf, global term weights,
// singular values, projection as Float32, then the vocabulary as UTF-8) and a strict reader that
// rejects any damage. Version 1 (before log-entropy weighting) had no weights: its terms weigh their idf.
import { AppError } from '../../../core/errors.ts';

/** A fitted latent semantic model. */
export type LsaModel = {
  terms: readonly string[];
  /** Smoothed idf per term. */
  idf: Float32Array;
  /** Global weight per term, the one the projection was fitted with (log-entropy; idf in version 1). */
  termWeights: Float32Array;
  /** Σ of the truncated SVD, descending (0 for directions the corpus lacks). */
  singularValues: Float32Array;
  /** terms×dimensions, row-major: Uᵀ with each column already scaled by σ^−sigmaExponent. */
  projection: Float32Array;
  dimensions: number;
  sigmaExponent: number;
  sublinearTf: boolean;
  /** How many documents the model was fitted on. */
  fittedDocuments: number;
  /** Format version it was stored in (encodeModel writes the current one). */
  version: number;
};

const MAGIC = 'CLSA';
/** The format encodeModel writes; decodeModel also reads version 1 (no stored weights: idf). */
export const MODEL_VERSION = 2;
const HEADER_BYTES = 32;
const FLAG_SUBLINEAR_TF = 1;
const MAX_DIMENSIONS = 4096;

/** Per-term arrays stored before the singular values: idf, and from version 2 on the term weights. */
const termArrays = (version: number) => (version >= 2 ? 2 : 1);

/** Encodes a model in the current format; the same model always gives the same bytes. */
export function encodeModel(model: Omit<LsaModel, 'version'>): Buffer {
  const vocabularySize = model.terms.length;
  const vocabularyBytes = Buffer.from(model.terms.join('\n'), 'utf8');
  const floats = termArrays(MODEL_VERSION) * vocabularySize + model.dimensions + vocabularySize * model.dimensions;
  const buffer = Buffer.alloc(HEADER_BYTES + floats * 4 + vocabularyBytes.length);
  buffer.write(MAGIC, 0, 'latin1');
  buffer.writeUInt32LE(MODEL_VERSION, 4);
  buffer.writeUInt32LE(model.dimensions, 8);
  buffer.writeUInt32LE(vocabularySize, 12);
  buffer.writeUInt32LE(model.fittedDocuments, 16);
  buffer.writeUInt32LE(model.sublinearTf ? FLAG_SUBLINEAR_TF : 0, 20);
  buffer.writeFloatLE(model.sigmaExponent, 24);
  buffer.writeUInt32LE(vocabularyBytes.length, 28);
  let at = HEADER_BYTES;
  for (const array of [model.idf, model.termWeights, model.singularValues, model.projection]) {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(buffer, at);
    at += array.byteLength;
  }
  vocabularyBytes.copy(buffer, at);
  return buffer;
}

/** Decodes and validates a model (its arrays may view `state`'s memory); throws INDEX_CORRUPT saying what is wrong. */
export function decodeModel(state: Buffer): LsaModel {
  const fail = (problem: string): never => {
    throw new AppError('INDEX_CORRUPT', `The built-in embedder's stored model is damaged: ${problem}.`);
  };
  if (state.length < HEADER_BYTES) fail(`it has ${state.length} bytes, fewer than its ${HEADER_BYTES}-byte header`);
  if (state.toString('latin1', 0, 4) !== MAGIC) fail('it does not start with the CLSA signature');
  const version = state.readUInt32LE(4);
  if (version !== 1 && version !== MODEL_VERSION) {
    fail(`its format version is ${version}, this Citelens reads versions 1 to ${MODEL_VERSION}`);
  }
  const dimensions = state.readUInt32LE(8);
  const vocabularySize = state.readUInt32LE(12);
  const fittedDocuments = state.readUInt32LE(16);
  const flags = state.readUInt32LE(20);
  const sigmaExponent = state.readFloatLE(24);
  const vocabularyByteLength = state.readUInt32LE(28);
  if (dimensions < 1 || dimensions > MAX_DIMENSIONS) fail(`its dimension count ${dimensions} is out of range`);
  if ((flags & ~FLAG_SUBLINEAR_TF) !== 0) fail(`it has unknown flags ${flags}`);
  if (!Number.isFinite(sigmaExponent)) fail('its singular value exponent is not a number');
  const perTerm = termArrays(version) * vocabularySize;
  const floats = perTerm + dimensions + vocabularySize * dimensions;
  const expected = HEADER_BYTES + floats * 4 + vocabularyByteLength;
  if (state.length !== expected) fail(`it has ${state.length} bytes where its header implies ${expected}`);

  // Float32Array views need 4-byte alignment; a Buffer sliced from a pool may start anywhere.
  const offset = state.byteOffset + HEADER_BYTES;
  const numbers =
    offset % 4 === 0
      ? new Float32Array(state.buffer, offset, floats)
      : new Float32Array(state.buffer.slice(offset, offset + floats * 4));
  for (let i = 0; i < numbers.length; i++) if (!Number.isFinite(numbers[i]!)) fail(`number ${i} is not finite`);
  const idf = numbers.subarray(0, vocabularySize);
  const termWeights = version >= 2 ? numbers.subarray(vocabularySize, perTerm) : idf;
  const singularValues = numbers.subarray(perTerm, perTerm + dimensions);
  const projection = numbers.subarray(perTerm + dimensions);

  const vocabularyText = state.toString('utf8', HEADER_BYTES + floats * 4);
  const terms = vocabularySize === 0 ? [] : vocabularyText.split('\n');
  if (terms.length !== vocabularySize) fail(`it lists ${terms.length} terms where its header says ${vocabularySize}`);
  if (new Set(terms).size !== terms.length) fail('its vocabulary repeats a term');
  if (terms.some((term) => term.length === 0)) fail('its vocabulary has an empty term');

  return {
    terms,
    idf,
    termWeights,
    singularValues,
    projection,
    dimensions,
    sigmaExponent,
    sublinearTf: (flags & FLAG_SUBLINEAR_TF) !== 0,
    fittedDocuments,
    version,
  };
}
