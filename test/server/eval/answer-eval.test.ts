import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAnswers } from '../../../server/eval/answer-eval.ts';
import { type CollectionQuestion, writeQuestionCollection } from '../../support/question-collection.ts';
import { MEDICAL_PAPERS, MEDICAL_QUESTIONS, ML_PAPERS, ML_QUESTIONS } from '../answer/composed-libraries.ts';

let dir: string;
const collection = (name: string, papers: typeof MEDICAL_PAPERS, questions: CollectionQuestion[]) =>
  writeQuestionCollection(
    path.join(dir, name),
    papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract ?? '' })),
    questions,
  );

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-answer-eval-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('answer-eval', () => {
  it('answers in-domain questions citing their sources, abstains on the other collection both ways, with a baseline', async () => {
    const medical = collection('medical', MEDICAL_PAPERS, MEDICAL_QUESTIONS);
    const ml = collection('ml', ML_PAPERS, ML_QUESTIONS);
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
    // The bottom line's settings are fitted per fold, and its figures are shares.
    expect(report.system.minNetFor.mean).toBeGreaterThanOrEqual(1);
    for (const key of ['committed', 'committedAccuracy', 'yesNoAccuracy'] as const) {
      expect(report.system[key].mean).toBeGreaterThanOrEqual(0);
      expect(report.system[key].mean).toBeLessThanOrEqual(1);
    }
  });
});
