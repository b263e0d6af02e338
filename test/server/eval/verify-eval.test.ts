import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeWeightsOf, writeJudgeWeights } from '../../../server/eval/judge-weights.ts';
import {
  type EvalPair,
  evaluateSets,
  fitJudge,
  pairsOf,
  relevanceTrainingPairs,
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
    // Each abstract's finding is its annotated sentence; the trial's size is not evidence.
    expect(report!.judge.quotedAnnotated.mean).toBe(1);
    expect(report!.ceilings.repeatedCited).toBe(0);
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

  it('leaves out of the relevance fit a cited paper that is the evidence of another claim of its group, and nothing else', () => {
    const pair = (group: string, docId: string, kind: EvalPair['kind']): EvalPair => ({
      group,
      docId,
      kind,
      relevance: [0],
      stance: [0],
      reading: { scored: true, evidence: null, conflicts: [], unaddressed: { words: [], share: 0, claimTerms: 0 } },
      baseline: 0,
    });
    const pairs = [
      pair('g1', 'd1', 'support'),
      pair('g1', 'd1', 'cited'), // an unverifiable variant citing its sibling's evidence: left out
      pair('g1', 'd2', 'cited'),
      pair('g2', 'd1', 'cited'), // the same paper cited in another group: kept
      pair('g1', 'd3', 'random'),
    ];
    expect(relevanceTrainingPairs(pairs).map((p) => `${p.group}/${p.docId}/${p.kind}`)).toEqual([
      'g1/d1/support',
      'g1/d2/cited',
      'g2/d1/cited',
      'g1/d3/random',
    ]);
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
