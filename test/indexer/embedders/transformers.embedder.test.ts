import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../core/errors.ts';
import {
  BGE_QUERY_PREFIX,
  createTransformersEmbedder,
  isTransformersModelAvailable,
} from '../../../indexer/embedders/transformers.embedder.ts';
import { writeTinyBertModel } from '../../support/tiny-onnx-model.ts';

const HIDDEN_SIZE = 12;
const TEXTS = [
  'attention heads',
  'a transformer model for paper search',
  'x',
  '',
  'the query of the model and a paper',
];

const norm = (v: Float32Array) => Math.sqrt(v.reduce((sum, value) => sum + value * value, 0));
const maxDifference = (a: Float32Array, b: Float32Array) => Math.max(...a.map((value, i) => Math.abs(value - b[i]!)));

describe('transformers.embedder', () => {
  let dir: string;
  let folder: string;
  let cacheDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'citelens-transformers-'));
    folder = await writeTinyBertModel(dir, { hiddenSize: HIDDEN_SIZE });
    cacheDir = path.join(dir, 'cache');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads a model from a local folder while offline and describes it', async () => {
    const embedder = await createTransformersEmbedder({ model: folder, cacheDir, offline: true });
    expect(embedder.info).toEqual({
      kind: 'transformers',
      model: folder,
      revision: expect.stringMatching(/^config-[0-9a-f]{16}$/),
      dimensions: HIDDEN_SIZE,
      queryPrefix: '',
    });
    expect(embedder.serialize()).toBeNull();
    await embedder.dispose();
  });

  it('returns one unit-length vector of hidden-size entries per text', async () => {
    const embedder = await createTransformersEmbedder({ model: folder, cacheDir, offline: true });
    const vectors = await embedder.embedDocuments(TEXTS);
    expect(vectors).toHaveLength(TEXTS.length);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(HIDDEN_SIZE);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    expect(maxDifference(vectors[0]!, vectors[1]!)).toBeGreaterThan(0.01);
    expect(await embedder.embedDocuments([])).toEqual([]);
    await embedder.dispose();
  });

  it('gives the same vectors in padded batches as one text at a time', async () => {
    const embedder = await createTransformersEmbedder({ model: folder, cacheDir, offline: true, batchSize: 2 });
    const batched = await embedder.embedDocuments(TEXTS);
    for (const [i, text] of TEXTS.entries()) {
      const [single] = await embedder.embedDocuments([text]);
      expect(maxDifference(batched[i]!, single!)).toBeLessThan(1e-5);
    }
    await embedder.dispose();
  });

  it('puts the query prefix before queries but not before documents', async () => {
    const embedder = await createTransformersEmbedder({
      model: folder,
      cacheDir,
      offline: true,
      queryPrefix: 'query: ',
    });
    expect(embedder.info.queryPrefix).toBe('query: ');
    const query = await embedder.embedQuery('x');
    const [document] = await embedder.embedDocuments(['x']);
    const [prefixed] = await embedder.embedDocuments(['query: x']);
    expect(maxDifference(query, document!)).toBeGreaterThan(0.01);
    expect(maxDifference(query, prefixed!)).toBeLessThan(1e-5);
    await embedder.dispose();
  });

  it("defaults to bge's retrieval instruction for bge models only", async () => {
    const bge = await writeTinyBertModel(dir, { hiddenSize: HIDDEN_SIZE, name: 'bge-tiny' });
    const embedder = await createTransformersEmbedder({ model: bge, cacheDir, offline: true });
    expect(embedder.info.queryPrefix).toBe(BGE_QUERY_PREFIX);
    await embedder.dispose();
  });

  it('loads a folder given relative to the working directory', async () => {
    const relative = path.relative(process.cwd(), folder);
    const embedder = await createTransformersEmbedder({ model: relative, cacheDir, offline: true });
    expect(embedder.info.dimensions).toBe(HIDDEN_SIZE);
    await embedder.dispose();
  });

  it('finds a hub model placed in the cache folder, without downloading', async () => {
    const cache = path.join(dir, 'hub-cache');
    await cp(folder, path.join(cache, 'acme', 'tiny-bert'), { recursive: true });
    expect(await isTransformersModelAvailable({ model: 'acme/tiny-bert', cacheDir: cache })).toBe(true);
    const embedder = await createTransformersEmbedder({ model: 'acme/tiny-bert', cacheDir: cache, offline: true });
    expect(embedder.info).toMatchObject({ model: 'acme/tiny-bert', dimensions: HIDDEN_SIZE });
    await embedder.dispose();
  });

  it('reports whether a model is on disk, for the requested weights', async () => {
    expect(await isTransformersModelAvailable({ model: folder, cacheDir })).toBe(true);
    expect(await isTransformersModelAvailable({ model: folder, cacheDir, dtype: 'q8' })).toBe(false);
    expect(await isTransformersModelAvailable({ model: 'Xenova/bge-small-en-v1.5', cacheDir })).toBe(false);
    expect(await isTransformersModelAvailable({ model: path.join(dir, 'missing'), cacheDir })).toBe(false);
  });

  it('fails with EMBEDDER_UNAVAILABLE naming the model and folder when it is not there offline', async () => {
    const missing = createTransformersEmbedder({ model: 'acme/not-downloaded', cacheDir, offline: true });
    await expect(missing).rejects.toMatchObject({ code: 'EMBEDDER_UNAVAILABLE' });
    const error = (await missing.catch((e: unknown) => e)) as AppError;
    expect(error.message).toContain('acme/not-downloaded');
    expect(error.message).toContain(path.join(cacheDir, 'acme', 'not-downloaded'));
    expect(error.message).toContain('offline');

    const missingFolder = path.join(dir, 'no-such-model');
    await expect(createTransformersEmbedder({ model: missingFolder, cacheDir, offline: false })).rejects.toMatchObject({
      code: 'EMBEDDER_UNAVAILABLE',
      message: expect.stringContaining(missingFolder),
    });
  });
});
