import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentencesOfPaper } from '../../../../server/verify/evidence-sentences.ts';
import { createJudge } from '../../../../server/verify/judge/factory.ts';
import { createNliJudge } from '../../../../server/verify/judge/nli.judge.ts';
import { labelIndexes, loadNliModel, type NliModel } from '../../../../server/verify/judge/nli-model.ts';
import { statisticsOfTexts } from '../../../../server/verify/term-statistics.ts';
import { writeTinyNliModel } from '../../../support/tiny-onnx-model.ts';

const caffeine = {
  title: 'Caffeine and working memory in adults',
  abstract:
    'We ran a randomized trial with 240 adults. Caffeine intake increased short-term memory recall compared with placebo. Sleep quality was unchanged.',
};
const glacier = {
  title: 'Glacier melt rates in the Alps',
  abstract:
    'Alpine glaciers lost mass faster than in any earlier record. Debris cover slows melt on the lower tongues.',
};
const statistics = statisticsOfTexts(
  [caffeine, glacier, { title: 'ion channel gating', abstract: 'A study of ion channels.' }].map(
    (p) => `${p.title}\n${p.abstract}`,
  ),
);
const claim = 'Caffeine increases short-term memory recall.';

describe('nli.judge', () => {
  let dir: string;
  const models: NliModel[] = [];
  const load = async (folder: string, batchSize?: number) => {
    const model = await loadNliModel({
      model: folder,
      cacheDir: dir,
      offline: true,
      ...(batchSize ? { batchSize } : {}),
    });
    models.push(model);
    return model;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-nli-'));
  });
  afterAll(async () => {
    for (const model of models) await model.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the labels by name from id2label, not by position', async () => {
    // Constant logits: the label at position 0 always wins. Which label that is depends on config.json.
    const contradictionFirst = await load(
      await writeTinyNliModel(dir, {
        name: 'contradiction-first',
        id2label: { '0': 'CONTRADICTION', '1': 'NEUTRAL', '2': 'ENTAILMENT' },
        classifierScale: 0,
        bias: [6, 0, -6],
      }),
    );
    const entailmentFirst = await load(
      await writeTinyNliModel(dir, {
        name: 'entailment-first',
        id2label: { '0': 'entailment', '1': 'neutral', '2': 'contradiction' },
        classifierScale: 0,
        bias: [6, 0, -6],
      }),
    );
    const pair = [{ premise: caffeine.abstract, hypothesis: claim }];
    const [contradicting] = await contradictionFirst.classify(pair);
    const [entailing] = await entailmentFirst.classify(pair);
    expect(contradicting!.contradiction).toBeGreaterThan(0.99);
    expect(entailing!.entailment).toBeGreaterThan(0.99);

    const request = [{ claim, sentences: sentencesOfPaper(caffeine) }];
    const [against] = await createNliJudge(statistics, contradictionFirst).judgeMany(request);
    const [for_] = await createNliJudge(statistics, entailmentFirst).judgeMany(request);
    expect(against).toMatchObject({ judge: 'nli', verdict: 'contradicted' });
    expect(for_!.judge).toBe('nli');
    expect(for_!.support).toBeGreaterThan(for_!.contradiction);
    expect(against!.contradiction).toBeGreaterThan(for_!.contradiction);
    expect(against!.evidence?.field).toBe('abstract');
  });

  it('scores a pair the same alone and inside a padded batch of several', async () => {
    const model = await load(await writeTinyNliModel(dir, { name: 'random-weights', seed: 7 }), 2);
    const pairs = [
      { premise: 'Caffeine intake increased recall.', hypothesis: claim },
      {
        premise: 'A much longer premise sentence about glaciers losing mass in the Alps every summer.',
        hypothesis: claim,
      },
      { premise: 'Sleep quality was unchanged.', hypothesis: 'Caffeine harms sleep.' },
      { premise: 'x', hypothesis: 'y' },
      { premise: 'Debris cover slows melt.', hypothesis: 'Debris speeds melting.' },
    ];
    const batched = await model.classify(pairs);
    expect(batched).toHaveLength(pairs.length);
    for (const [i, pair] of pairs.entries()) {
      const [alone] = await model.classify([pair]);
      expect(batched[i]!.entailment).toBeCloseTo(alone!.entailment, 5);
      expect(batched[i]!.contradiction).toBeCloseTo(alone!.contradiction, 5);
      expect(alone!.entailment + alone!.neutral + alone!.contradiction).toBeCloseTo(1, 6);
    }
    expect(new Set(batched.map((s) => s.entailment.toFixed(6))).size).toBeGreaterThan(1);
  });

  it('leaves an unrelated paper not supported, without evidence', async () => {
    const model = await load(
      await writeTinyNliModel(dir, { name: 'always-entails', classifierScale: 0, bias: [6, 0, -6] }),
    );
    const [result] = await createNliJudge(statistics, model).judgeMany([
      { claim, sentences: sentencesOfPaper(glacier) },
    ]);
    expect(result).toMatchObject({ verdict: 'not_supported', evidence: null, conflicts: [] });
  });

  it('judges selectively with every pair in one batch, leaving out what judgeMany gives and the caller will not read', async () => {
    const model = await load(
      await writeTinyNliModel(dir, { name: 'entails-for-selection', classifierScale: 0, bias: [6, 0, -6] }),
    );
    const batches: number[] = [];
    const counting: NliModel = {
      ...model,
      classify: (pairs) => {
        batches.push(pairs.length);
        return model.classify(pairs);
      },
    };
    const requests = [
      { claim, sentences: sentencesOfPaper(glacier), alternatives: 0 },
      { claim, sentences: sentencesOfPaper(caffeine), alternatives: 0 },
      { claim, sentences: sentencesOfPaper(glacier), suggestion: true },
      { claim, sentences: sentencesOfPaper(caffeine), suggestion: true },
    ];
    const full = await createNliJudge(statistics, model).judgeMany(requests);
    const read = await createNliJudge(statistics, counting).judgeSelectively(requests);
    expect(batches).toHaveLength(1);
    expect(full[3]!.verdict).toBe('supported');
    expect(read).toEqual([null, full[1], null, full[3]]);
  });

  it('refuses a model whose labels are not entailment, neutral and contradiction, naming them', async () => {
    expect(() => labelIndexes({ '0': 'LABEL_0', '1': 'LABEL_1', '2': 'LABEL_2' })).toThrow(/LABEL_0/);
    const folder = await writeTinyNliModel(dir, {
      name: 'unnamed-labels',
      id2label: { '0': 'LABEL_0', '1': 'LABEL_1', '2': 'LABEL_2' },
    });
    await expect(load(folder)).rejects.toMatchObject({ code: 'JUDGE_UNAVAILABLE' });
  });

  it('falls back to the built-in judge with a notice when the configured model cannot be loaded', async () => {
    const config = { judge: 'nli' as const, nliModel: path.join(dir, 'missing-model'), modelDir: dir, offline: true };
    const choice = await createJudge(statistics, config);
    expect(choice.judge.name).toBe('builtin');
    expect(choice.notice).toMatch(/missing-model/);
    expect(choice.notice).toMatch(
      /config\.json, tokenizer\.json, tokenizer_config\.json, onnx\/model\.onnx\) are not all there/,
    );
    expect(choice.notice).toMatch(/built-in judge/);
    const auto = await createJudge(statistics, { ...config, judge: 'auto' });
    expect(auto).toMatchObject({ notice: null });
    expect(auto.judge.name).toBe('builtin');
  });

  it('uses the NLI judge in auto mode when the model is on disk', async () => {
    await writeTinyNliModel(dir, { name: 'tests/on-disk' });
    const choice = await createJudge(statistics, {
      judge: 'auto',
      nliModel: 'tests/on-disk',
      modelDir: dir,
      offline: true,
    });
    expect(choice.notice).toBeNull();
    expect(choice.judge.name).toBe('nli');
  });

  it('keeps the built-in judgement when the model fails while classifying', async () => {
    const failing: NliModel = {
      model: 'failing',
      classify: async () => {
        throw new Error('session lost');
      },
      dispose: async () => {},
    };
    const [result] = await createNliJudge(statistics, failing).judgeMany([
      { claim, sentences: sentencesOfPaper(caffeine) },
    ]);
    expect(result).toMatchObject({ judge: 'builtin', verdict: 'supported' });
  });
});
