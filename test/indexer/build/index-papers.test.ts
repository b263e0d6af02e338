import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { indexPapers, openIndex, removePapers } from '../../../indexer/index.ts';
import { recordFingerprint } from '../../../indexer/readers/jsonl.reader.ts';
import { currentGeneration } from '../../../indexer/store/generations.ts';
import { syntheticPapers, writeJsonl } from '../../support/synthetic-papers.ts';
import { tempDir } from '../../support/temp-dir.ts';

const SAMPLE = path.resolve('data/papers.jsonl');

/** Paper id → stored source fingerprint, read from the published database. */
function storedFingerprints(indexDir: string): Map<string, string | null> {
  const db = new Database(path.join(currentGeneration(indexDir)!.dir, 'index.db'), { readonly: true });
  try {
    return new Map(db.prepare('SELECT id, fingerprint FROM papers').raw().all() as Array<[string, string | null]>);
  } finally {
    db.close();
  }
}

async function counts(indexDir: string) {
  const reader = await openIndex(indexDir);
  try {
    return { papers: reader.manifest.papers, passages: reader.manifest.passages, generation: reader.generation };
  } finally {
    reader.close();
  }
}

describe('index-papers', () => {
  it('indexes the sample library with passages whose offsets slice the paper text', async () => {
    const dir = tempDir();
    const summary = await indexPapers({ indexDir: dir, files: [SAMPLE], embedder: 'builtin' });
    const lines = fs.readFileSync(SAMPLE, 'utf8').trim().split('\n').length;
    expect(summary.papers).toBe(lines);
    expect(summary.added).toBe(lines);
    expect(summary.passages).toBeGreaterThanOrEqual(lines);
    const reader = await openIndex(dir);
    try {
      const { paper } = reader.getPaper('cited-but-not-verified')!;
      const passages = reader.passagesOfPaper(paper.id);
      expect(passages.length).toBeGreaterThan(0);
      for (const passage of passages) expect(paper.abstract.slice(passage.start, passage.end)).toBe(passage.text);
      expect(reader.manifest.embedder.kind).toBe('builtin');
    } finally {
      reader.close();
    }
  });

  it('embeds nothing again when the input has not changed', async () => {
    const dir = tempDir();
    const file = writeJsonl(tempDir(), 'papers.jsonl', syntheticPapers(60));
    await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
    const again = await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 60, removed: 0, papers: 60 });
  });

  it('re-embeds only the papers whose content changed and finds the new text', async () => {
    const dir = tempDir();
    const records = syntheticPapers(60);
    const inputDir = tempDir();
    await indexPapers({ indexDir: dir, files: [writeJsonl(inputDir, 'a.jsonl', records)], embedder: 'builtin' });
    records[5] = { ...records[5], abstract: 'Zeppelin xylophones quarrel over marmalade.' };
    const summary = await indexPapers({
      indexDir: dir,
      files: [writeJsonl(inputDir, 'b.jsonl', records)],
      embedder: 'builtin',
    });
    expect(summary).toMatchObject({ added: 0, updated: 1, unchanged: 59, papers: 60 });
    const reader = await openIndex(dir);
    try {
      const hits = reader.searchKeyword(['xylophon'], 5);
      expect(hits.map((h) => reader.getPaperByDoc(h.label)?.id)).toEqual(['p5']);
      expect(
        reader
          .passagesOfPaper('p5')
          .map((p) => p.text)
          .join(' '),
      ).toContain('xylophones');
      expect(reader.paperVectors.size).toBe(60);
    } finally {
      reader.close();
    }
  });

  it('removes papers by id and refuses unknown ids without changing anything', async () => {
    const dir = tempDir();
    await indexPapers({
      indexDir: dir,
      files: [writeJsonl(tempDir(), 'a.jsonl', syntheticPapers(30))],
      embedder: 'builtin',
    });
    const removed = await removePapers(dir, ['p1', 'p2']);
    expect(removed).toMatchObject({ removed: ['p1', 'p2'], papers: 28 });
    await expect(removePapers(dir, ['p3', 'nope'])).rejects.toMatchObject({ code: 'PAPER_NOT_FOUND' });
    const reader = await openIndex(dir);
    try {
      expect(reader.getPaper('p1')).toBeUndefined();
      expect(reader.getPaper('p3')).toBeDefined();
      expect(reader.paperVectors.size).toBe(28);
      const vector = await reader.embedQuery('attention heads');
      const hits = reader.searchPapersDense(vector, 28);
      expect(hits.map((h) => reader.getPaperByDoc(h.label)?.id)).not.toContain('p1');
    } finally {
      reader.close();
    }
  });

  it('prunes papers missing from the input when asked to', async () => {
    const dir = tempDir();
    const inputDir = tempDir();
    await indexPapers({
      indexDir: dir,
      files: [writeJsonl(inputDir, 'a.jsonl', syntheticPapers(30))],
      embedder: 'builtin',
    });
    const summary = await indexPapers({
      indexDir: dir,
      files: [writeJsonl(inputDir, 'b.jsonl', syntheticPapers(20))],
      embedder: 'builtin',
      prune: true,
    });
    expect(summary).toMatchObject({ removed: 10, papers: 20 });
  });

  it('refuses to update an index with a different embedder and says how to rebuild', async () => {
    const dir = tempDir();
    const file = writeJsonl(tempDir(), 'a.jsonl', syntheticPapers(30));
    await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
    const failure = indexPapers({ indexDir: dir, files: [file], embedder: 'transformers', offline: true });
    await expect(failure).rejects.toMatchObject({ code: 'EMBEDDER_MISMATCH' });
    await expect(failure).rejects.toHaveProperty('hint', expect.stringContaining('--rebuild'));
    expect((await counts(dir)).generation).toBe(1);
  });

  it('repairs what it can and refuses only records with nothing usable, counting both, by default', async () => {
    const dir = tempDir();
    const records = [
      ...syntheticPapers(3),
      { id: 'p1', title: 'Same id, another paper' },
      { id: 'dated', title: 'Year is wrong', year: 'last spring' },
      { id: 'empty', year: 2020 },
    ];
    const file = writeJsonl(tempDir(), 'mixed.jsonl', records);
    const summary = await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
    expect(summary).toMatchObject({ papers: 5, added: 5, repaired: 2 });
    expect(summary.repairs.map((repair) => [repair.line, repair.field])).toEqual([
      [5, 'year'],
      [4, 'id'],
    ]);
    expect(summary.skipped.map((problem) => [problem.line, problem.field])).toEqual([[6, 'title']]);
    expect((await counts(dir)).papers).toBe(5);
  });

  it('changes nothing when any record is invalid under strict, and indexes the valid ones with skipInvalid', async () => {
    const dir = tempDir();
    const inputDir = tempDir();
    await indexPapers({
      indexDir: dir,
      files: [writeJsonl(inputDir, 'a.jsonl', syntheticPapers(30))],
      embedder: 'builtin',
    });
    const bad = [...syntheticPapers(32), { id: 'broken', title: 'Year is wrong', year: 'last spring' }];
    const file = writeJsonl(inputDir, 'bad.jsonl', bad);
    await expect(
      indexPapers({ indexDir: dir, files: [file], embedder: 'builtin', strict: true }),
    ).rejects.toMatchObject({
      code: 'INVALID_PAPERS',
      details: { problems: [expect.objectContaining({ file, line: 33, field: 'year' })] },
    });
    expect(await counts(dir)).toMatchObject({ papers: 30, generation: 1 });
    const summary = await indexPapers({
      indexDir: dir,
      files: [file],
      embedder: 'builtin',
      strict: true,
      skipInvalid: true,
    });
    expect(summary).toMatchObject({ papers: 32, added: 2 });
    expect(summary.skipped).toHaveLength(1);
  });

  it('builds the same vectors from the same input', async () => {
    const file = writeJsonl(tempDir(), 'a.jsonl', syntheticPapers(40));
    const vectors: Float32Array[] = [];
    for (const dir of [tempDir(), tempDir()]) {
      await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
      const reader = await openIndex(dir);
      vectors.push(reader.papers.vector(reader.getPaper('p7')!.doc)!);
      reader.close();
    }
    expect(Array.from(vectors[0]!)).toEqual(Array.from(vectors[1]!));
  });

  it('rebuilds the graph from the database when the published vector file is damaged at re-index', async () => {
    const dir = tempDir();
    const records = syntheticPapers(30);
    const inputDir = tempDir();
    await indexPapers({ indexDir: dir, files: [writeJsonl(inputDir, 'a.jsonl', records)], embedder: 'builtin' });
    const file = path.join(currentGeneration(dir)!.dir, 'papers.hnsw');
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 3));
    records[2] = { ...records[2], abstract: 'Quokkas annotate telescopes.' };
    const notices: string[] = [];
    const summary = await indexPapers({
      indexDir: dir,
      files: [writeJsonl(inputDir, 'b.jsonl', records)],
      embedder: 'builtin',
      onNotice: (m) => notices.push(m),
    });
    expect(summary).toMatchObject({ updated: 1, papers: 30 });
    expect(notices.join()).toMatch(/vector file could not be read.*rebuilding it from the database/);
    const reader = await openIndex(dir, { onNotice: (m) => notices.push(m) });
    try {
      expect(reader.paperVectors.size).toBe(30);
      const doc = reader.getPaper('p2')!.doc;
      expect(Array.from(reader.paperVectorsOf([doc]).get(doc)!)).toEqual(Array.from(reader.papers.vector(doc)!));
      expect(reader.searchPapersDense(reader.papers.vector(doc)!, 1)[0]!.label).toBe(doc);
      // Opening the index found nothing more to repair (the run's other notice is about the fit).
      expect(notices.filter((m) => /vector file/.test(m))).toHaveLength(1);
    } finally {
      reader.close();
    }
  });

  it('rebuilds a damaged vector file from the database when the index is opened', async () => {
    const dir = tempDir();
    await indexPapers({
      indexDir: dir,
      files: [writeJsonl(tempDir(), 'a.jsonl', syntheticPapers(30))],
      embedder: 'builtin',
    });
    const generation = currentGeneration(dir)!;
    const file = path.join(generation.dir, 'papers.hnsw');
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    const notices: string[] = [];
    const reader = await openIndex(dir, { onNotice: (m) => notices.push(m) });
    try {
      const vector = await reader.embedQuery('reward policy reinforcement');
      const top = reader.searchPapersDense(vector, 3);
      expect(notices.join()).toMatch(/papers\.hnsw.*rebuilding/);
      expect(top).toHaveLength(3);
      expect(reader.paperVectors.size).toBe(reader.manifest.papers);
    } finally {
      reader.close();
    }
  });

  it('reports a damaged database as INDEX_CORRUPT with the file named', async () => {
    const dir = tempDir();
    await indexPapers({
      indexDir: dir,
      files: [writeJsonl(tempDir(), 'a.jsonl', syntheticPapers(20))],
      embedder: 'builtin',
    });
    const db = path.join(currentGeneration(dir)!.dir, 'index.db');
    fs.writeFileSync(db, 'this is not a database');
    await expect(openIndex(dir)).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringContaining('index.db'),
    });
  });

  it('records the fingerprint of each source line, and a line re-saved with the same content only gets its new one', async () => {
    const dir = tempDir();
    const records = syntheticPapers(20);
    const file = writeJsonl(tempDir(), 'papers.jsonl', records);
    await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(storedFingerprints(dir).get('p3')).toBe(recordFingerprint(Buffer.from(lines[3]!)));

    lines[3] = JSON.stringify(records[3], null, 0).replace(/":/g, '": ');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const again = await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 20 });
    expect(storedFingerprints(dir).get('p3')).toBe(recordFingerprint(Buffer.from(lines[3]!)));
  });

  it('reads an index of schema version 2 and migrates it on the next run, filling in the fingerprints', async () => {
    const dir = tempDir();
    const file = writeJsonl(tempDir(), 'papers.jsonl', syntheticPapers(20));
    await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
    const db = new Database(path.join(currentGeneration(dir)!.dir, 'index.db'));
    db.exec(`DROP INDEX papers_change_keys; ALTER TABLE papers DROP COLUMN fingerprint;
      DROP INDEX papers_arxiv_base; ALTER TABLE papers DROP COLUMN arxiv_base;
      CREATE INDEX papers_content_hash ON papers(id, content_hash);
      UPDATE manifest SET value = '2' WHERE key = 'schemaVersion';`);
    db.close();
    expect(await counts(dir)).toMatchObject({ papers: 20 });

    const again = await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 20 });
    expect([...storedFingerprints(dir).values()].every((fingerprint) => fingerprint?.startsWith('r'))).toBe(true);
    const third = await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
    expect(third).toMatchObject({ added: 0, updated: 0, unchanged: 20 });
  });

  it('reports a folder without an index as INDEX_NOT_FOUND', async () => {
    await expect(openIndex(tempDir())).rejects.toMatchObject({ code: 'INDEX_NOT_FOUND' });
  });
});
