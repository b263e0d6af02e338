import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluateSets,
  fitJudge,
  judgeWeightsOf,
  pairsOf,
  writeJudgeWeights,
} from '../../../server/eval/verify-eval.ts';
import { loadVerifySet, withoutCitationMarkers } from '../../../server/eval/verify-sets.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { writeClaimCollection as writeCollection } from './claim-collection.ts';

describe('verify-eval', () => {
  it('measures held-out folds beside the TF-IDF baseline, and reads direction the baseline cannot', () => {
    const dir = tempDir();
    writeCollection(dir);
    const set = loadVerifySet(dir);
    expect(set.name).toBe('SciFact');
    const pairs = pairsOf(set, { randomPerClaim: 1 });
    expect(pairs.filter((p) => p.kind === 'support')).toHaveLength(20);
    expect(pairs.filter((p) => p.kind === 'contradict')).toHaveLength(20);
    const [report] = evaluateSets([{ set, pairs }], { folds: 3 });
    expect(report!.folds).toBe(3);
    expect(report!.judge.supportVsContradict.mean).toBeGreaterThan(0.9);
    expect(report!.baseline.supportVsContradict.mean).toBeLessThan(0.75);
    expect(report!.judge.evidenceVsRandom.mean).toBeGreaterThan(0.9);
    expect(report!.judge.macroF1.mean).toBeGreaterThan(report!.majorityMacroF1.mean);
    expect(report!.leftOut).toBeUndefined();
  });

  it('writes fitted weights that name every feature, atomically', () => {
    const dir = tempDir();
    writeCollection(dir);
    const weights = judgeWeightsOf(fitJudge(pairsOf(loadVerifySet(dir))), 'test fit');
    const file = path.join(dir, 'weights.json');
    writeJudgeWeights(file, weights);
    const read = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(Object.keys(read.stance.weights)).toContain('directionConflict');
    expect(read.stance.weights.directionConflict).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('removes Citation-Integrity markers from a citing sentence', () => {
    expect(withoutCitationMarkers('Cirrhosis raises risk [<|other_cit|>] of death [<|multi_cit|>,7].')).toBe(
      'Cirrhosis raises risk of death.',
    );
    expect(withoutCitationMarkers('As shown before <|cit|>, it works.')).toBe('As shown before, it works.');
  });

  it('names the file and line of a claim that is not JSON', () => {
    const dir = tempDir();
    writeCollection(dir);
    fs.appendFileSync(path.join(dir, 'claims_train.jsonl'), '{not json\n');
    expect(() => loadVerifySet(dir)).toThrow(/claims_train\.jsonl:61 is not JSON/);
  });
});
