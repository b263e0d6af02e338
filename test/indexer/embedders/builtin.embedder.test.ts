import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { createSeededRandom } from '../../../core/seeded-random.ts';
import { fitBuiltinEmbedder, loadBuiltinEmbedder } from '../../../indexer/embedders/builtin.embedder.ts';
import { asVersion1 } from '../../support/lsa-version1.ts';

const TOPICS = {
  attention: [
    'attention',
    'heads',
    'encoder',
    'decoder',
    'token',
    'layer',
    'pruning',
    'sparsity',
    'softmax',
    'embedding',
  ],
  astronomy: [
    'galaxy',
    'telescope',
    'redshift',
    'stellar',
    'spectra',
    'supernova',
    'luminosity',
    'nebula',
    'orbit',
    'quasar',
  ],
  genetics: [
    'gene',
    'protein',
    'mutation',
    'genome',
    'transcription',
    'enzyme',
    'chromosome',
    'allele',
    'ribosome',
    'plasmid',
  ],
  hydrology: [
    'river',
    'sediment',
    'flood',
    'rainfall',
    'basin',
    'groundwater',
    'erosion',
    'catchment',
    'drought',
    'aquifer',
  ],
} as const;
const SHARED = ['study', 'results', 'method', 'analysis', 'data', 'model', 'observed', 'measured'];

type Doc = { topic: keyof typeof TOPICS; text: string };

/**
 * Ten abstracts per topic, made of that topic's words plus words every field uses. Nine of the
 * attention abstracts also say "transformer"; the last one (the target) never does.
 */
function buildCorpus(): { docs: Doc[]; target: number } {
  const random = createSeededRandom(11);
  const pick = (words: readonly string[], count: number) =>
    Array.from({ length: count }, () => words[Math.floor(random.uniform() * words.length)]!);
  const docs: Doc[] = [];
  for (const topic of Object.keys(TOPICS) as (keyof typeof TOPICS)[]) {
    for (let i = 0; i < 10; i++) {
      const words = [...pick(TOPICS[topic], 9), ...pick(SHARED, 3)];
      if (topic === 'attention' && i < 9) words.splice(2, 0, 'transformer');
      docs.push({ topic, text: `${words.join(' ')}.` });
    }
  }
  return { docs, target: 9 };
}

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
const norm = (v: Float32Array) => Math.sqrt(cosine(v, v));

describe('builtin.embedder', () => {
  const { docs, target } = buildCorpus();
  const texts = docs.map((d) => d.text);

  it('finds a paper that shares no word with the query through words that co-occur with the query', async () => {
    // 40 documents allow 39 dimensions, which is no reduction at all; the latent space needs far fewer.
    const embedder = fitBuiltinEmbedder(texts, { dimensions: 10 });
    const vectors = await embedder.embedDocuments(texts);
    const query = await embedder.embedQuery('transformer');
    expect(texts[target]).not.toContain('transformer');

    const ranked = vectors
      .map((vector, doc) => ({ doc, score: cosine(query, vector) }))
      .filter(({ doc }) => !texts[doc]!.includes('transformer'))
      .sort((a, b) => b.score - a.score);
    expect(ranked[0]?.doc).toBe(target);
    // A keyword model gives every one of these papers the same score (zero); this one separates them clearly.
    expect(ranked[0]!.score - ranked[1]!.score).toBeGreaterThan(0.25);
  });

  it('scores every paper of the query topic above every paper of unrelated topics', async () => {
    const embedder = fitBuiltinEmbedder(texts);
    const vectors = await embedder.embedDocuments(texts);
    const query = await embedder.embedQuery('telescope spectra of a distant galaxy');
    const scores = docs.map((doc, i) => ({ topic: doc.topic, score: cosine(query, vectors[i]!) }));
    const related = scores.filter((s) => s.topic === 'astronomy').map((s) => s.score);
    const unrelated = scores.filter((s) => s.topic !== 'astronomy').map((s) => s.score);
    expect(Math.min(...related)).toBeGreaterThan(Math.max(...unrelated));
  });

  it('fits byte-identical models and vectors from the same corpus', async () => {
    const first = fitBuiltinEmbedder(texts);
    const second = fitBuiltinEmbedder(texts);
    expect(Buffer.compare(first.serialize()!, second.serialize()!)).toBe(0);
    expect(first.info).toEqual(second.info);
    expect(await first.embedDocuments(texts)).toEqual(await second.embedDocuments(texts));
  });

  it('describes itself as the builtin model with a revision that changes when the corpus does', () => {
    const embedder = fitBuiltinEmbedder(texts);
    expect(embedder.info).toMatchObject({ kind: 'builtin', model: 'citelens-lsa', queryPrefix: '' });
    expect(embedder.info.revision).toMatch(/^[0-9a-f]{16}$/);
    expect(fitBuiltinEmbedder(texts.slice(1)).info.revision).not.toBe(embedder.info.revision);
  });

  it('returns unit-length vectors with as many entries as its dimensions', async () => {
    const embedder = fitBuiltinEmbedder(texts);
    for (const vector of [...(await embedder.embedDocuments(texts)), await embedder.embedQuery('gene flood')]) {
      expect(vector).toHaveLength(embedder.info.dimensions);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
  });

  it('embeds a text with no known term as an all-zero vector', async () => {
    const embedder = fitBuiltinEmbedder(texts);
    const vector = await embedder.embedQuery('the of and zyzzyva');
    expect(vector).toHaveLength(embedder.info.dimensions);
    expect(vector.every((value) => value === 0)).toBe(true);
  });

  it('uses fewer dimensions than asked when the corpus is small', () => {
    expect(fitBuiltinEmbedder(texts).info.dimensions).toBe(39);
    expect(fitBuiltinEmbedder(texts, { dimensions: 8 }).info.dimensions).toBe(8);
  });

  it('still fits a usable model on a corpus of one or no documents', async () => {
    const one = fitBuiltinEmbedder(['river flood']);
    expect(one.info.dimensions).toBe(1);
    expect(norm(await one.embedQuery('flood'))).toBeCloseTo(1, 5);
    const none = fitBuiltinEmbedder([]);
    expect((await none.embedQuery('flood')).every((value) => value === 0)).toBe(true);
  });

  it('fits on an even sample when the corpus exceeds maxFitDocuments', () => {
    const sampled = fitBuiltinEmbedder(texts, { maxFitDocuments: 20 });
    expect(sampled.info.dimensions).toBe(19);
    expect(sampled.info.revision).not.toBe(fitBuiltinEmbedder(texts).info.revision);
  });

  it('re-creates identical vectors from its serialized state', async () => {
    const fitted = fitBuiltinEmbedder(texts);
    const loaded = loadBuiltinEmbedder(Buffer.from(fitted.serialize()!));
    expect(loaded.info).toEqual(fitted.info);
    expect(await loaded.embedDocuments(texts)).toEqual(await fitted.embedDocuments(texts));
    expect(await loaded.embedQuery('transformer')).toEqual(await fitted.embedQuery('transformer'));
  });

  it('loads a model stored by an older Citelens, embeds with it as before, and says it should be refitted', async () => {
    const byIdf = fitBuiltinEmbedder(texts, { termWeighting: 'idf' });
    const old = loadBuiltinEmbedder(asVersion1(byIdf.serialize()!));
    expect(await old.embedDocuments(texts)).toEqual(await byIdf.embedDocuments(texts));
    expect(await old.embedQuery('telescope galaxi')).toEqual(await byIdf.embedQuery('telescope galaxi'));
    expect(old.outdated).toMatch(/older Citelens.*log-entropy/);
    expect(fitBuiltinEmbedder(texts).outdated).toBeUndefined();
    expect(loadBuiltinEmbedder(fitBuiltinEmbedder(texts).serialize()!).outdated).toBeUndefined();
  });

  it('weighs terms by log-entropy unless asked for idf, which gives another model', async () => {
    const entropy = fitBuiltinEmbedder(texts);
    const idf = fitBuiltinEmbedder(texts, { termWeighting: 'idf' });
    expect(entropy.info.revision).not.toBe(idf.info.revision);
    expect(await entropy.embedQuery('telescope spectra')).not.toEqual(await idf.embedQuery('telescope spectra'));
  });

  it('loads a state stored at an unaligned offset of a larger buffer', async () => {
    const fitted = fitBuiltinEmbedder(texts);
    const state = fitted.serialize()!;
    const padded = Buffer.concat([Buffer.from([1, 2, 3]), state]).subarray(3);
    expect(await loadBuiltinEmbedder(padded).embedQuery('galaxy')).toEqual(await fitted.embedQuery('galaxy'));
  });

  it('explains more of a library on a few topics than of one whose papers draw their words at random', () => {
    // As many papers of as many words, from a vocabulary of 160 words used without any pattern.
    const random = createSeededRandom(5);
    const vocabulary = Array.from({ length: 160 }, (_, i) => `lexeme${i}`);
    const unstructured = texts.map(
      () =>
        `${Array.from({ length: 12 }, () => vocabulary[Math.floor(random.uniform() * vocabulary.length)]!).join(' ')}.`,
    );
    const topical = fitBuiltinEmbedder(texts, { dimensions: 8 }).explainedShare!;
    const shapeless = fitBuiltinEmbedder(unstructured, { dimensions: 8 }).explainedShare!;
    expect(topical).toBeLessThanOrEqual(1);
    expect(shapeless).toBeGreaterThanOrEqual(0);
    expect(topical).toBeGreaterThan(shapeless + 0.2);
    // A stored model reports the same share.
    const stored = fitBuiltinEmbedder(texts, { dimensions: 8 });
    expect(loadBuiltinEmbedder(stored.serialize()!).explainedShare).toBe(stored.explainedShare);
  });

  it('does not report an explained share when it keeps more than half the dimensions there are', () => {
    // 40 papers, 39 dimensions: nothing was reduced, so what it keeps says nothing about the library.
    expect(fitBuiltinEmbedder(texts).explainedShare).toBeUndefined();
    expect(fitBuiltinEmbedder(texts, { dimensions: 20 }).explainedShare).toBeDefined();
    expect(fitBuiltinEmbedder(texts, { dimensions: 21 }).explainedShare).toBeUndefined();
  });

  it('rejects damaged states with INDEX_CORRUPT saying what is wrong', () => {
    const state = fitBuiltinEmbedder(texts).serialize()!;
    const damaged = (edit: (copy: Buffer) => Buffer | undefined) => () => {
      const copy = Buffer.from(state);
      return loadBuiltinEmbedder(edit(copy) ?? copy);
    };
    const cases: [() => unknown, RegExp][] = [
      [damaged((b) => b.subarray(0, 10)), /header/],
      [damaged((b) => b.subarray(0, b.length - 1)), /bytes where its header implies/],
      [damaged((b) => Buffer.concat([b, Buffer.from([0])])), /bytes where its header implies/],
      [damaged((b) => b.fill(0x58, 0, 4)), /signature/],
      [damaged((b) => void b.writeUInt32LE(9, 4)), /version is 9/],
      [damaged((b) => void b.writeUInt32LE(0, 8)), /dimension count 0/],
      [damaged((b) => void b.writeFloatLE(Number.NaN, 40)), /not finite/],
      [damaged((b) => void b.write('\n', b.length - 1)), /vocabulary|terms/],
    ];
    for (const [load, message] of cases) {
      expect(load).toThrow(AppError);
      expect(load).toThrow(message);
      try {
        load();
      } catch (error) {
        expect((error as AppError).code).toBe('INDEX_CORRUPT');
      }
    }
  });
});
