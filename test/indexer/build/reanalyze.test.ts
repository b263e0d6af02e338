import { describe, expect, it } from 'vitest';
import { currentGeneration, indexPapers, openIndex, removePapers } from '../../../indexer/index.ts';
import { ANALYZER_VERSION, terms } from '../../../indexer/text/analyze.ts';
import { downgradeIndexAnalysis } from '../../support/analyzer-version1.ts';
import { syntheticPapers, writeJsonl } from '../../support/synthetic-papers.ts';
import { tempDir } from '../../support/temp-dir.ts';

const ACCENTED = [
  {
    id: 'naive-bayes',
    title: 'Naïve Bayes readings of Krüppel-like factors',
    abstract: 'A naïve classifier tags Krüppel-like zinc fingers by their motifs.',
    authors: ['Ana Pérez'],
  },
  {
    id: 'plain',
    title: 'Zinc finger motifs',
    abstract: 'Motifs of zinc fingers, read without any classifier.',
    authors: ['Bo Lund'],
  },
];

/** A builtin index of the synthetic papers and the accented ones, as analyzer version 1 left it. */
async function version1Index(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = writeJsonl(tempDir(), 'papers.jsonl', [...syntheticPapers(30), ...ACCENTED]);
  await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
  downgradeIndexAnalysis(currentGeneration(dir)!.dir);
  return { dir, file };
}

async function readIndex<T>(dir: string, read: (reader: Awaited<ReturnType<typeof openIndex>>) => T): Promise<T> {
  const reader = await openIndex(dir);
  try {
    return read(reader);
  } finally {
    reader.close();
  }
}

describe('reanalyze', () => {
  it('records in a new index the analyzer version that made its terms', async () => {
    const dir = tempDir();
    await indexPapers({ indexDir: dir, files: [writeJsonl(tempDir(), 'a.jsonl', ACCENTED)], embedder: 'builtin' });
    expect(await readIndex(dir, (reader) => reader.manifest.analyzer)).toBe(ANALYZER_VERSION);
  });

  it('re-analyzes an index made before folding at the next run, so a query without accents finds the accented paper', async () => {
    const { dir, file } = await version1Index();
    const before = await readIndex(dir, (reader) => reader.postings.documentFrequency('naïv'));
    expect(before).toBe(1);

    const notices: string[] = [];
    const summary = await indexPapers({
      indexDir: dir,
      files: [file],
      embedder: 'builtin',
      onNotice: (m) => notices.push(m),
    });
    expect(summary).toMatchObject({ added: 0, updated: 0, unchanged: 32, papers: 32 });
    expect(notices.join('\n')).toMatch(/Re-analyzing the keyword index of the 32 stored papers/);
    expect(summary.embedderFit).toMatchObject({
      action: 'refit',
      reason: expect.stringMatching(/another version of the analyzer/),
    });

    await readIndex(dir, (reader) => {
      expect(reader.manifest.analyzer).toBe(ANALYZER_VERSION);
      expect(reader.postings.documentFrequency('naïv')).toBe(0);
      const hits = reader.searchKeyword(terms('naive kruppel'), 5);
      expect(hits.map((hit) => reader.getPaperByDoc(hit.label)?.id)).toEqual(['naive-bayes']);
      expect(reader.papers.docsMatching({ author: 'perez' }).map((doc) => reader.getPaperByDoc(doc)?.id)).toEqual([
        'naive-bayes',
      ]);
    });
  });

  it('removes a paper from an index made before folding without leaving any of its terms behind', async () => {
    const { dir } = await version1Index();
    await removePapers(dir, ['naive-bayes']);
    await readIndex(dir, (reader) => {
      expect(reader.postings.documentFrequency('naïv')).toBe(0);
      expect(reader.postings.documentFrequency('naiv')).toBe(0);
      expect(reader.postings.documentFrequency('zinc')).toBe(1);
      expect(reader.postings.count()).toBe(31);
    });
  });

  it('keeps the stored titles, abstracts and passage offsets as written when it re-analyzes', async () => {
    const { dir, file } = await version1Index();
    const passagesOf = (reader: Awaited<ReturnType<typeof openIndex>>) =>
      reader.passagesOfPaper('naive-bayes').map(({ start, end, text }) => ({ start, end, text }));
    const before = await readIndex(dir, (reader) => ({
      paper: reader.getPaper('naive-bayes')?.paper,
      passages: passagesOf(reader),
    }));
    await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
    const after = await readIndex(dir, (reader) => ({
      paper: reader.getPaper('naive-bayes')?.paper,
      passages: passagesOf(reader),
    }));
    expect(after).toEqual(before);
    expect(after.paper?.title).toBe(ACCENTED[0]!.title);
  });
});
