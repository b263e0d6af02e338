import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLabelledCollection } from '../../../server/eval/answer-sets.ts';
import { writeQuestionCollection } from '../../support/question-collection.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-answer-sets-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('answer-sets', () => {
  it("reads each question's source, decision and long answer, a missing decision being maybe", () => {
    const folder = writeQuestionCollection(
      path.join(dir, 'trials'),
      [
        { id: 'p1', title: 'Aspirin', abstract: 'Aspirin reduced stroke.' },
        { id: 'p2', title: 'Statins', abstract: 'Statins lowered cholesterol.' },
      ],
      [
        { id: 'q1', text: 'Does aspirin reduce stroke?', source: 'p1', decision: 'yes', long_answer: 'It did.' },
        { id: 'q2', text: 'Do statins lower cholesterol?', source: 'p2' },
      ],
    );
    const collection = readLabelledCollection(folder);
    expect(collection.name).toBe('trials');
    expect(collection.corpusFile).toBe(path.join(folder, 'corpus.jsonl'));
    expect(collection.questions).toEqual([
      { id: 'q1', text: 'Does aspirin reduce stroke?', source: 'p1', decision: 'yes', longAnswer: 'It did.' },
      { id: 'q2', text: 'Do statins lower cholesterol?', source: 'p2', decision: 'maybe', longAnswer: '' },
    ]);
  });
});
