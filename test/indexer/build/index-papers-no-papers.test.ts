import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AppError, ERRORS } from '../../../core/errors.ts';
import { indexPapers } from '../../../indexer/index.ts';
import { tempDir } from '../../support/temp-dir.ts';

/** The error an index run of `files` fails with; the test fails if the run succeeds. */
async function failure(files: string[]): Promise<AppError> {
  const run = indexPapers({ indexDir: tempDir(), files, embedder: 'builtin' });
  await expect(run).rejects.toMatchObject({ code: 'INVALID_PAPERS' });
  return run.then(
    () => {
      throw new Error('the index run succeeded');
    },
    (error: AppError) => error,
  );
}

describe('index-papers', () => {
  it('names the file in which no record was found, and its hint claims no list of records', async () => {
    const file = path.join(tempDir(), 'empty.json');
    fs.writeFileSync(file, '[]\n');
    const error = await failure([file]);
    expect(error.details).toEqual({ problems: [] });
    expect(error.message).toBe(`No record was found in ${file}; nothing was changed.`);
    expect(error.hint).not.toMatch(/listed above/);
    expect(error.hint).toMatch(/no record was found/);
  });

  it('says how many problems refused every record when none is usable', async () => {
    const file = path.join(tempDir(), 'bad.jsonl');
    fs.writeFileSync(file, '{"id": "a", "title": ""}\n{"id": "b", "title": ""}\n');
    const error = await failure([file]);
    expect(error.message).toBe(
      'The input holds no valid papers: 2 problems, each named with its file and line; nothing was changed.',
    );
    expect((error.details as { problems: unknown[] }).problems).toHaveLength(2);
    expect(ERRORS.INVALID_PAPERS.hint).toMatch(/^Fix each record named with its file and line/);
  });
});
