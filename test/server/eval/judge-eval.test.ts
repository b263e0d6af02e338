import { afterAll, describe, expect, it } from 'vitest';
import { evaluateJudge } from '../../../server/eval/judge-eval.ts';
import { statisticsOfSet } from '../../../server/eval/verify-eval.ts';
import { loadVerifySet } from '../../../server/eval/verify-sets.ts';
import { createBuiltinJudge } from '../../../server/verify/judge/builtin.judge.ts';
import { createNliJudge } from '../../../server/verify/judge/nli.judge.ts';
import { loadNliModel, type NliModel } from '../../../server/verify/judge/nli-model.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { writeTinyNliModel } from '../../support/tiny-onnx-model.ts';
import { writeClaimCollection } from './claim-collection.ts';

describe('judge-eval', () => {
  const models: NliModel[] = [];
  afterAll(async () => {
    for (const model of models) await model.dispose();
  });

  it('measures the built-in judge as shipped: it reads the reversed direction and ranks evidence above random abstracts', async () => {
    const dir = tempDir();
    writeClaimCollection(dir);
    const set = loadVerifySet(dir);
    const report = await evaluateJudge(set, createBuiltinJudge(statisticsOfSet(set)), { randomPerClaim: 1 });
    expect(report.judges).toEqual({ builtin: report.pairs });
    expect(report.figures.supportVsContradict).toBeGreaterThan(0.9);
    expect(report.figures.evidenceVsRandom).toBeGreaterThan(0.9);
  });

  it('runs the NLI judge over every pair in batches and says which judge decided each', async () => {
    const dir = tempDir();
    writeClaimCollection(dir);
    const set = loadVerifySet(dir);
    const model = await loadNliModel({
      model: await writeTinyNliModel(dir, { name: 'tiny-nli' }),
      cacheDir: dir,
      offline: true,
      batchSize: 4,
    });
    models.push(model);
    const report = await evaluateJudge(set, createNliJudge(statisticsOfSet(set), model), { randomPerClaim: 1 });
    expect(report.pairs).toBe(120);
    expect(report.judges.nli).toBeGreaterThan(0);
    expect((report.judges.nli ?? 0) + (report.judges.builtin ?? 0)).toBe(report.pairs);
    for (const value of Object.values(report.figures)) expect(value).toBeGreaterThanOrEqual(0);
  });
});
