import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexPapers, openIndex } from '../../../indexer/index.ts';
import type { Paper } from '../../../indexer/paper.schema.ts';
import { tempDir } from '../../support/temp-dir.ts';

const PREPRINT = {
  id: 'sinks-json',
  title: 'Attention Sinks in Streaming Language Models',
  authors: ['Wei Lin', 'Ana Costa'],
  year: 2026,
  arxivId: '2601.01234',
  abstract: 'We study attention sinks in streaming language models and show how they arise.',
};
const OTHER = { id: 'other-json', title: 'Retrieval for Long Documents', year: 2025, abstract: 'Retrieval at length.' };
const entry = (eprint: string) =>
  `@article{lin2026sinks,\n  title = {Attention Sinks in Streaming Language Models},\n  author = {Lin, Wei and Costa, Ana},\n  journal = {Transactions on Machine Learning Research},\n  year = {2026}${eprint}\n}\n`;
const EPRINT = ',\n  eprint = {2601.01234},\n  archivePrefix = {arXiv}';

/** A JSON Lines file the second run leaves unparsed and a .bib file whose entry gains the preprint's arXiv id. */
function library() {
  const dir = tempDir();
  const jsonl = path.join(dir, 'library.jsonl');
  const bib = path.join(dir, 'refs.bib');
  fs.writeFileSync(jsonl, `${JSON.stringify(PREPRINT)}\n${JSON.stringify(OTHER)}\n`);
  fs.writeFileSync(bib, entry(''));
  return { jsonl, bib };
}

async function papersOf(indexDir: string): Promise<Paper[]> {
  const reader = await openIndex(indexDir);
  try {
    const ids = reader.papers.listingRowsAfter(-1, 100).map((row) => (row as { id: string }).id);
    return ids.map((id) => reader.getPaper(id)!.paper).sort((a, b) => a.id.localeCompare(b.id));
  } finally {
    reader.close();
  }
}

describe('unparsed-works', () => {
  it('merges an entry that gains the arXiv id of an unchanged JSON Lines record into its paper, as a fresh index does', async () => {
    const dir = tempDir();
    const { jsonl, bib } = library();
    expect(await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin' })).toMatchObject({ papers: 3 });
    fs.writeFileSync(bib, entry(EPRINT));
    const later = await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin' });
    expect(later).toMatchObject({ updated: 1, removed: 1, papers: 2 });
    expect(later.repairs.map((r) => r.message)).toEqual([
      `names the same work as "sinks-json" at ${jsonl} line 1; the two were merged, taking its venue from this record, and the paper the index held apart as "lin2026sinks" was removed`,
    ]);
    const fresh = tempDir();
    await indexPapers({ indexDir: fresh, files: [jsonl, bib], embedder: 'builtin' });
    expect(await papersOf(dir)).toEqual(await papersOf(fresh));
    expect((await papersOf(dir)).map((paper) => [paper.id, paper.venue])).toEqual([
      ['other-json', null],
      ['sinks-json', 'Transactions on Machine Learning Research'],
    ]);
    const again = await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin' });
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, papers: 2 });
  });

  it('keeps the entry when its file comes first, taking the abstract of the unparsed record, which goes', async () => {
    const dir = tempDir();
    const { jsonl, bib } = library();
    await indexPapers({ indexDir: dir, files: [bib, jsonl], embedder: 'builtin' });
    fs.writeFileSync(bib, entry(EPRINT));
    const later = await indexPapers({ indexDir: dir, files: [bib, jsonl], embedder: 'builtin' });
    expect(later).toMatchObject({ removed: 1, papers: 2 });
    const fresh = tempDir();
    await indexPapers({ indexDir: fresh, files: [bib, jsonl], embedder: 'builtin' });
    const papers = await papersOf(dir);
    expect(papers).toEqual(await papersOf(fresh));
    expect(papers.map((paper) => paper.id)).toEqual(['lin2026sinks', 'other-json']);
    expect(papers[0]?.abstract).toBe(PREPRINT.abstract);
  });

  it('merges the two under --prune too, and leaves papers of other works apart', async () => {
    const dir = tempDir();
    const { jsonl, bib } = library();
    await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin' });
    fs.writeFileSync(bib, entry(EPRINT));
    const later = await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin', prune: true });
    expect(later).toMatchObject({ removed: 1, papers: 2 });
    expect((await papersOf(dir)).map((paper) => paper.id)).toEqual(['other-json', 'sinks-json']);
  });
});
