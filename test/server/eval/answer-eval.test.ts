import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAnswers, fitBottomLine, tokenF1 } from '../../../server/eval/answer-eval.ts';
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
  it('scores token overlap as F1 over lowercased words', () => {
    expect(tokenF1('Aspirin reduced stroke', 'aspirin reduced stroke')).toBe(1);
    expect(tokenF1('aspirin', 'aspirin reduced stroke')).toBeCloseTo(0.5);
    expect(tokenF1('', 'aspirin')).toBe(0);
  });

  it('fits the bottom line to commit only where the findings are right more often than wrong', () => {
    const question = (net: number, decision: string) => ({
      decision,
      outcome: { decision: 'maybe', balance: { net, yes: net > 0 ? [1] : [], no: net < 0 ? [1] : [] } },
    });
    const repeat = (n: number, make: () => ReturnType<typeof question>) => Array.from({ length: n }, make);
    // One finding for: right 7 times in 10; one against: right 4 times in 10; two against: right 3 in 4.
    const train = [
      ...repeat(7, () => question(1, 'yes')),
      ...repeat(3, () => question(1, 'no')),
      ...repeat(4, () => question(-1, 'no')),
      ...repeat(6, () => question(-1, 'yes')),
      ...repeat(3, () => question(-2, 'no')),
      ...repeat(1, () => question(-2, 'maybe')),
      ...repeat(5, () => question(0, 'yes')),
    ];
    expect(fitBottomLine(train)).toEqual({ minNetFor: 1, minNetAgainst: 2 });
    // When one finding for is wrong more often than right, yes needs two.
    const doubtful = [
      ...repeat(4, () => question(1, 'yes')),
      ...repeat(6, () => question(1, 'no')),
      ...repeat(3, () => question(2, 'yes')),
    ];
    expect(fitBottomLine(doubtful).minNetFor).toBe(2);
  });

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
