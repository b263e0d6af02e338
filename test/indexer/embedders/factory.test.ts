import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../../indexer/embedders/index.ts';
import { writeTinyBertModel } from '../../support/tiny-onnx-model.ts';

const CORPUS = [
  'Sparse attention heads in transformer encoders.',
  'Pruning attention heads keeps transformer accuracy.',
  'Galaxy redshift surveys with a new telescope.',
  'Telescope spectra reveal distant galaxy clusters.',
  'Groundwater recharge after river floods.',
  'River sediment transport during floods.',
];
const HUB_MODEL = 'Xenova/bge-small-en-v1.5';

describe('factory', () => {
  let dir: string;
  let emptyCache: string;
  let tinyModel: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'citelens-factory-'));
    emptyCache = path.join(dir, 'empty-cache');
    tinyModel = await writeTinyBertModel(dir, { hiddenSize: 8 });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('falls back to the builtin embedder with a notice when auto finds no model offline', async () => {
    const notices: string[] = [];
    const embedder = await createEmbedder({
      kind: 'auto',
      model: HUB_MODEL,
      cacheDir: emptyCache,
      offline: true,
      corpus: CORPUS,
      onNotice: (message) => notices.push(message),
    });
    expect(embedder.info.kind).toBe('builtin');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^Using the built-in offline embedder: /);
    expect(notices[0]).toContain(HUB_MODEL);
    expect(notices[0]).toContain(emptyCache);
    expect(notices[0]).toContain('--embedder transformers');
  });

  it('uses the neural model when auto finds it, without a notice', async () => {
    const notices: string[] = [];
    const embedder = await createEmbedder({
      kind: 'auto',
      model: tinyModel,
      cacheDir: emptyCache,
      offline: true,
      corpus: CORPUS,
      onNotice: (message) => notices.push(message),
    });
    expect(embedder.info).toMatchObject({ kind: 'transformers', model: tinyModel, dimensions: 8 });
    expect(notices).toEqual([]);
    await embedder.dispose();
  });

  it('does not fall back when the transformers embedder is asked for explicitly', async () => {
    await expect(
      createEmbedder({ kind: 'transformers', model: HUB_MODEL, cacheDir: emptyCache, offline: true, corpus: CORPUS }),
    ).rejects.toMatchObject({ code: 'EMBEDDER_UNAVAILABLE', message: expect.stringContaining(HUB_MODEL) });
  });

  it('refuses to fit the builtin embedder without a corpus', async () => {
    await expect(
      createEmbedder({ kind: 'builtin', model: HUB_MODEL, cacheDir: emptyCache, offline: true }),
    ).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/corpus/) });
  });

  it('re-creates the builtin embedder from its recorded info and state, with identical vectors', async () => {
    const built = await createEmbedder({
      kind: 'builtin',
      model: HUB_MODEL,
      cacheDir: emptyCache,
      offline: true,
      corpus: CORPUS,
    });
    const reopened = await createEmbedder({
      kind: 'builtin',
      model: HUB_MODEL,
      cacheDir: emptyCache,
      offline: true,
      info: built.info,
      state: built.serialize(),
    });
    expect(reopened.info).toEqual(built.info);
    expect(await reopened.embedDocuments(CORPUS)).toEqual(await built.embedDocuments(CORPUS));
    expect(await reopened.embedQuery('attention')).toEqual(await built.embedQuery('attention'));
  });

  it('treats a missing or foreign builtin state as a corrupt index', async () => {
    const built = await createEmbedder({
      kind: 'builtin',
      model: HUB_MODEL,
      cacheDir: emptyCache,
      offline: true,
      corpus: CORPUS,
    });
    const other = await createEmbedder({
      kind: 'builtin',
      model: HUB_MODEL,
      cacheDir: emptyCache,
      offline: true,
      corpus: CORPUS.slice(1),
    });
    const reopen = (state: Buffer | null) =>
      createEmbedder({
        kind: 'builtin',
        model: HUB_MODEL,
        cacheDir: emptyCache,
        offline: true,
        info: built.info,
        state,
      });
    await expect(reopen(null)).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringMatching(/missing/),
    });
    await expect(reopen(other.serialize())).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringContaining(built.info.revision),
    });
  });

  it('re-creates the transformers embedder from its recorded info, with identical vectors', async () => {
    const built = await createEmbedder({ kind: 'transformers', model: tinyModel, cacheDir: emptyCache, offline: true });
    const reopened = await createEmbedder({
      kind: 'transformers',
      model: 'ignored: the recorded model wins',
      cacheDir: emptyCache,
      offline: true,
      info: { ...built.info, queryPrefix: 'query: ' },
    });
    expect(reopened.info).toEqual({ ...built.info, queryPrefix: 'query: ' });
    expect(await reopened.embedDocuments(CORPUS)).toEqual(await built.embedDocuments(CORPUS));
    expect(await reopened.embedQuery('x')).toEqual(await built.embedQuery('query: x'));
    await Promise.all([built.dispose(), reopened.dispose()]);
  });

  it('refuses with EMBEDDER_MISMATCH when the model found differs from the one recorded', async () => {
    const built = await createEmbedder({ kind: 'transformers', model: tinyModel, cacheDir: emptyCache, offline: true });
    await built.dispose();
    const reopen = (info: typeof built.info) =>
      createEmbedder({ kind: 'transformers', model: tinyModel, cacheDir: emptyCache, offline: true, info });

    await expect(reopen({ ...built.info, revision: 'abc123' })).rejects.toMatchObject({
      code: 'EMBEDDER_MISMATCH',
      message: expect.stringMatching(new RegExp(`revision abc123 .*revision ${built.info.revision}`)),
    });
    // The same folder now holds a model with other dimensions (and so another config.json).
    const replaced = await writeTinyBertModel(dir, { hiddenSize: 6 });
    expect(replaced).toBe(tinyModel);
    await expect(reopen(built.info)).rejects.toMatchObject({
      code: 'EMBEDDER_MISMATCH',
      message: expect.stringMatching(/\(8 dimensions\).*\(6 dimensions\).*rebuild/),
    });
    await writeTinyBertModel(dir, { hiddenSize: 8 });
  });
});
