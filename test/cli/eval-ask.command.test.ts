import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerEvalAskCommand } from '../../cli/commands/eval-ask.command.ts';
import { registerEvalVerifyCommand } from '../../cli/commands/eval-verify.command.ts';
import { MEDICAL_PAPERS, MEDICAL_QUESTIONS, ML_PAPERS, ML_QUESTIONS } from '../server/answer/composed-libraries.ts';
import { writeQuestionCollection } from '../support/question-collection.ts';
import { runCommand } from '../support/run-command.ts';

let root: string;
let medical: string;
let ml: string;

const papers = (list: typeof MEDICAL_PAPERS) =>
  list.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract ?? '' }));

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-eval-ask-cmd-'));
  medical = writeQuestionCollection(path.join(root, 'medical'), papers(MEDICAL_PAPERS), MEDICAL_QUESTIONS.slice(0, 2));
  ml = writeQuestionCollection(path.join(root, 'ml'), papers(ML_PAPERS), ML_QUESTIONS);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function run(register: (program: Command) => void, ...args: string[]) {
  return runCommand(register, args);
}

describe('eval-ask command', () => {
  it('reports the question collection and, with --citations, answer citations on BEIR collections', async () => {
    const { stdout, exitCode } = await run(
      registerEvalAskCommand,
      'eval-ask',
      medical,
      '--off-topic',
      ml,
      '--citations',
      medical,
      ml,
      '--folds',
      '2',
    );
    expect(exitCode).toBeUndefined();
    expect(stdout).toMatch(/Answers on medical: 2 questions, 2-fold by question/);
    expect(stdout).toMatch(/fitted bottom line: yes at net for/);
    expect(stdout).toMatch(/Answer citations on medical \(\d+ papers, 2 queries/);
    expect(stdout).toMatch(/Answer citations on ml \(\d+ papers, 2 queries/);
    expect(stdout).toMatch(/off-topic \(ml queries\): abstained on \d of 2/);
  });

  it('prints both parts as one JSON report', async () => {
    const { stdout } = await run(
      registerEvalAskCommand,
      'eval-ask',
      medical,
      '--citations',
      ml,
      '--folds',
      '2',
      '--json',
    );
    const report = JSON.parse(stdout) as { collection: string; citations: Array<{ collection: string }> };
    expect(report.collection).toBe('medical');
    expect(report.citations.map((c) => c.collection)).toEqual(['ml']);
  });
});

describe('eval-verify command', () => {
  it('says where --ask moved instead of measuring answers', async () => {
    const { stderr, exitCode } = await run(registerEvalVerifyCommand, 'eval-verify', '--ask', ml);
    expect(exitCode).not.toBe(0);
    expect(exitCode).toBeDefined();
    expect(stderr).toMatch(/eval-ask <pubmedqa-folder> --citations/);
  });
});
