import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ensureCorpus } from '../../../bench/corpus/corpus-files.ts';
import { generatePaper } from '../../../bench/corpus/generate-papers.ts';
import { tempDir } from '../../support/temp-dir.ts';

const lines = (file: string) => fs.readFileSync(file, 'utf8').trimEnd().split('\n');

describe('corpus-files', () => {
  it('writes the corpus and a copy with 1% of abstracts changed, and reuses them afterwards', () => {
    const dataDir = tempDir();
    const corpus = ensureCorpus(250, { dataDir });
    const original = lines(corpus.file);
    const changed = lines(corpus.changedFile);
    expect(original).toHaveLength(250);
    expect(JSON.parse(original[17]!)).toEqual(generatePaper(17));
    const differing = original.filter((line, i) => line !== changed[i]);
    expect(differing).toHaveLength(corpus.changed);
    expect(corpus.changed).toBe(3);

    const written = fs.statSync(corpus.file).mtimeMs;
    expect(ensureCorpus(250, { dataDir })).toEqual(corpus);
    expect(fs.statSync(corpus.file).mtimeMs).toBe(written);
  });
});
