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

// A small SciFact-shaped collection written here: each claim has a supporting, a contradicting
// or an unrelated cited abstract, and twenty filler abstracts serve as random citations.
const TOPICS = [
  'caffeine',
  'exercise',
  'sleep',
  'sugar',
  'sunlight',
  'noise',
  'reading',
  'music',
  'fasting',
  'walking',
];
const OUTCOMES = ['memory', 'mood', 'focus', 'pressure', 'stamina', 'anxiety'];

function writeCollection(dir: string): void {
  const claims: string[] = [];
  const sentences: string[] = [];
  let doc = 1;
  let id = 0;
  for (const topic of TOPICS) {
    for (const outcome of OUTCOMES) {
      const kind = id % 3;
      const finding =
        kind === 0
          ? `We found that ${topic} raised ${outcome} in adults.`
          : kind === 1
            ? `We found that ${topic} lowered ${outcome} in adults.`
            : `Tides follow the moon near ${topic === 'caffeine' ? 'harbours' : 'coasts'}.`;
      sentences.push(
        JSON.stringify({
          doc_id: doc,
          title: `${topic} study ${doc}`,
          abstract: [`A trial of ${doc} adults.`, finding],
        }),
      );
      const evidence = kind === 2 ? {} : { [doc]: [{ sentences: [1], label: kind === 0 ? 'SUPPORT' : 'REFUTE' }] };
      claims.push(JSON.stringify({ id, claim: `${topic} increases ${outcome}.`, evidence, cited_doc_ids: [doc] }));
      doc++;
      id++;
    }
  }
  for (let i = 0; i < 20; i++)
    sentences.push(
      JSON.stringify({ doc_id: doc++, title: `filler ${i}`, abstract: [`Glaciers and rocks number ${i}.`] }),
    );
  fs.writeFileSync(path.join(dir, 'claims_train.jsonl'), `${claims.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'corpus_sentences.jsonl'), `${sentences.join('\n')}\n`);
}

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
