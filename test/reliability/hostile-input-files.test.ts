// Input files built to exhaust memory or the stack (issue 14, items 5 and 14): each is refused or
// reported as one located invalid record, never a crash or an unbounded read.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexPapers } from '../../indexer/index.ts';
import { readPaperFiles } from '../../indexer/readers/index.ts';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('hostile input files', () => {
  it('refuses /dev/zero at once as a device, from the CLI, without reading it', async () => {
    const result = await runCli(['index', '/dev/zero', '--index', tempDir(), '--embedder', 'builtin']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/dev/zero is a device, not a regular file');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a named pipe without waiting for a writer', async () => {
    const fifo = path.join(tempDir(), 'papers.jsonl');
    execFileSync('mkfifo', [fifo]);
    await expect(readPaperFiles([fifo])).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: `${fifo} is a pipe, not a regular file; save the papers to a file and index that`,
    });
  });

  it('reports a JSON Lines record longer than the limit as one invalid record and reads the lines after it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'huge.jsonl');
    const huge = `{"id":"huge","title":"${'x'.repeat(17 * 1024 * 1024)}"}`;
    fs.writeFileSync(file, `{"id":"a","title":"A"}\n${huge}\n{"id":"b","title":"B"}\n`);
    const read = await readPaperFiles([file]);
    expect(read.papers.map(({ paper }) => paper.id)).toEqual(['a', 'b']);
    expect(read.problems).toEqual([
      {
        file,
        line: 2,
        record: 2,
        field: null,
        message: 'is longer than 16 MB, the most one record may be; it was not read',
      },
    ]);
    const summary = await indexPapers({
      indexDir: tempDir(),
      files: [file],
      embedder: 'builtin',
      strict: true,
      skipInvalid: true,
    });
    expect(summary).toMatchObject({ papers: 2 });
    expect(summary.skipped).toHaveLength(1);
  });

  it('reports a record nested 100,000 levels deep, located, and skips it with --strict --skip-invalid', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'nested.jsonl');
    fs.writeFileSync(file, `{"id":"a","title":"A"}\n{"id":"deep","title":"Deep","extra":${deep(100_000)}}\n`);
    const strict = indexPapers({ indexDir: tempDir(), files: [file], embedder: 'builtin', strict: true });
    await expect(strict).rejects.toMatchObject({
      code: 'INVALID_PAPERS',
      details: {
        problems: [{ file, line: 2, record: 2, field: 'extra', message: 'is nested more than 32 levels deep' }],
      },
    });
    const skipped = await indexPapers({
      indexDir: tempDir(),
      files: [file],
      embedder: 'builtin',
      strict: true,
      skipInvalid: true,
    });
    expect(skipped).toMatchObject({ papers: 1 });
    // By default the value is dropped and the paper kept.
    const repaired = await indexPapers({ indexDir: tempDir(), files: [file], embedder: 'builtin' });
    expect(repaired).toMatchObject({ papers: 2, repaired: 1 });
    expect(repaired.repairs[0]).toMatchObject({ line: 2, field: 'extra' });
  });

  it('refuses a record whose metadata holds millions of values instead of building a string too long to store', async () => {
    const file = path.join(tempDir(), 'wide.jsonl');
    fs.writeFileSync(file, `{"id":"wide","title":"Wide","extra":[${Array(200_000).fill('1').join(',')}]}\n`);
    const read = await readPaperFiles([file], { strict: true });
    expect(read.problems).toEqual([
      { file, line: 1, record: 1, field: 'extra', message: 'holds more than 100,000 values' },
    ]);
  });

  it('reports an arXiv feed nested 200,000 tags deep as a located problem, not a crash', async () => {
    const file = path.join(tempDir(), 'deep.xml');
    fs.writeFileSync(
      file,
      `<feed xmlns="http://www.w3.org/2005/Atom">${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}</feed>`,
    );
    const read = await readPaperFiles([file]);
    expect(read.papers).toEqual([]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ file });
  });
});
