import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAnswers, tokenF1 } from '../../../server/eval/answer-eval.ts';
import { MEDICAL_PAPERS, ML_PAPERS } from '../answer/composed-libraries.ts';

let dir: string;
const collection = (
  name: string,
  papers: typeof MEDICAL_PAPERS,
  questions: Array<{ id: string; text: string; source: string; decision?: string; long_answer?: string }>,
) => {
  const folder = path.join(dir, name);
  fs.mkdirSync(path.join(folder, 'qrels'), { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'corpus.jsonl'),
    papers.map((p) => JSON.stringify({ _id: p.id, title: p.title, text: p.abstract })).join('\n'),
  );
  fs.writeFileSync(
    path.join(folder, 'queries.jsonl'),
    questions.map(({ source: _, ...q }) => JSON.stringify({ _id: q.id, ...q })).join('\n'),
  );
  fs.writeFileSync(
    path.join(folder, 'qrels', 'test.tsv'),
    ['query-id\tcorpus-id\tscore', ...questions.map((q) => `${q.id}\t${q.source}\t1`)].join('\n'),
  );
  return folder;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-answer-eval-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('answer-eval', () => {
  it('scores token overlap as F1 over lowercased words', () => {
    expect(tokenF1('Aspirin reduced stroke', 'aspirin reduced stroke')).toBe(1);
    expect(tokenF1('aspirin', 'aspirin reduced stroke')).toBeCloseTo(0.5);
    expect(tokenF1('', 'aspirin')).toBe(0);
  });

  it('answers in-domain questions citing their sources, abstains on the other collection both ways, with a baseline', async () => {
    const medical = collection('medical', MEDICAL_PAPERS, [
      {
        id: 'q1',
        text: 'Does low-dose aspirin reduce the risk of ischemic stroke?',
        source: 'aspirin-stroke-trial',
        decision: 'yes',
        long_answer: 'Low-dose aspirin reduced the risk of ischemic stroke.',
      },
      {
        id: 'q2',
        text: 'Does influenza vaccination reduce hospital admissions for pneumonia?',
        source: 'influenza-vaccine',
        decision: 'yes',
        long_answer: 'Vaccination reduced admissions.',
      },
      {
        id: 'q3',
        text: 'Do persistent headaches follow mild head injury in adolescents?',
        source: 'head-injury',
        decision: 'yes',
        long_answer: 'Headaches persisted in some patients.',
      },
      {
        id: 'q4',
        text: 'Does stimulant medication improve sustained attention in children with attention deficit disorder?',
        source: 'adhd-stimulants',
        decision: 'yes',
        long_answer: 'Stimulants improved attention.',
      },
    ]);
    const ml = collection('ml', ML_PAPERS, [
      { id: 'm1', text: 'How much audio was TextPro-SLM trained on?', source: 'textpro-slm' },
      {
        id: 'm2',
        text: 'How do mixture-of-experts language models route tokens to expert networks?',
        source: 'moe-routing',
      },
    ]);
    const report = await evaluateAnswers({ folder: medical, offTopicFolders: [ml], folds: 2 });
    expect(report.questions).toBe(4);
    expect(report.offTopic).toEqual([
      { collection: 'ml', library: 'medical', questions: 2 },
      { collection: 'medical', library: 'ml', questions: 4 },
    ]);
    expect(report.system.answered.mean).toBe(1);
    expect(report.system.sourceCited.mean).toBe(1);
    expect(report.system.offTopicAbstained.mean).toBe(1);
    expect(report.system.tokenF1.mean).toBeGreaterThan(0);
    for (const figure of Object.values(report.baseline)) expect(Number.isFinite(figure.mean)).toBe(true);
    expect(report.majorityYesNo.mean).toBe(1);
  });
});
