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
  it('reads again an unchanged JSON Lines record whose arXiv id an entry gains, and merges the two as a fresh index does', async () => {
    const dir = tempDir();
    const { jsonl, bib } = library();
    expect(await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin' })).toMatchObject({ papers: 3 });
    fs.writeFileSync(bib, entry(EPRINT));
    const later = await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin' });
    expect(later).toMatchObject({ updated: 1, removed: 1, papers: 2 });
    expect(later.repairs.map((r) => r.message)).toEqual([
      `names the same work as "sinks-json" at ${jsonl} line 1; the two were merged, taking its venue from this record`,
      'was the paper the index held as "lin2026sinks" apart from "sinks-json", the paper of its work it is merged into; "lin2026sinks" was removed',
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

  it('keeps what each of two entries merged into one unchanged record gave it, as a fresh index does', async () => {
    const dir = tempDir();
    const { jsonl, bib } = library();
    fs.writeFileSync(jsonl, `${JSON.stringify({ ...PREPRINT, doi: '10.1234/sinks' })}\n${JSON.stringify(OTHER)}\n`);
    const second = (doi: string) =>
      `@misc{lin2026code,\n  title = {Code for Attention Sinks},\n  year = {2026},\n  url = {https://example.org/sinks}${doi}\n}\n`;
    fs.writeFileSync(bib, entry('') + second(''));
    await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin' });
    // One entry gains the preprint's arXiv id (and gives its venue), the other its DOI (and gives its address).
    fs.writeFileSync(bib, entry(EPRINT) + second(',\n  doi = {10.1234/sinks}'));
    expect(await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin' })).toMatchObject({ papers: 2 });
    const fresh = tempDir();
    await indexPapers({ indexDir: fresh, files: [jsonl, bib], embedder: 'builtin' });
    expect(await papersOf(dir)).toEqual(await papersOf(fresh));
    expect((await papersOf(dir)).find((paper) => paper.id === 'sinks-json')).toMatchObject({
      venue: 'Transactions on Machine Learning Research',
      url: 'https://example.org/sinks',
    });
  });

  it('lets a later edit of the merged entry, --strict, and --prune without its file reach the record it filled in', async () => {
    const dir = tempDir();
    const { jsonl, bib } = library();
    await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin' });
    fs.writeFileSync(bib, entry(EPRINT));
    await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin' });
    // The entry's journal edited: the paper takes the new venue, as a fresh index of the two files gives it.
    fs.writeFileSync(bib, entry(EPRINT).replace('Transactions on Machine Learning Research', 'Neural Computation'));
    const edited = await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin' });
    expect(edited).toMatchObject({ updated: 1, removed: 0, papers: 2 });
    const fresh = tempDir();
    await indexPapers({ indexDir: fresh, files: [jsonl, bib], embedder: 'builtin' });
    expect(await papersOf(dir)).toEqual(await papersOf(fresh));
    expect((await papersOf(dir)).find((paper) => paper.id === 'sinks-json')?.venue).toBe('Neural Computation');
    const again = await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin' });
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0 });
    // --strict merges nothing by DOI or arXiv id: the JSON Lines record is its own reading again.
    await indexPapers({ indexDir: dir, files: [jsonl, bib], embedder: 'builtin', strict: true });
    const strict = tempDir();
    await indexPapers({ indexDir: strict, files: [jsonl, bib], embedder: 'builtin', strict: true });
    expect(await papersOf(dir)).toEqual(await papersOf(strict));
    // --prune indexes exactly the JSON Lines file: the venue came from the .bib file, which goes with it.
    await indexPapers({ indexDir: dir, files: [jsonl], embedder: 'builtin', prune: true });
    const alone = tempDir();
    await indexPapers({ indexDir: alone, files: [jsonl], embedder: 'builtin' });
    expect(await papersOf(dir)).toEqual(await papersOf(alone));
    expect((await papersOf(dir)).find((paper) => paper.id === 'sinks-json')?.venue).toBeNull();
  });

  it('keeps apart the two unchanged records an entry names the works of, as a fresh index does', async () => {
    const dir = tempDir();
    const files = tempDir();
    const jsonl = path.join(files, 'a.jsonl');
    const entries = path.join(files, 'b.jsonl');
    const byArxiv = {
      id: 'u1',
      title: 'Sinks, the preprint',
      year: 2026,
      arxivId: '2601.01234',
      abstract: 'Preprint.',
    };
    const byDoi = { id: 'u2', title: 'Sinks, the article', year: 2026, doi: '10.1234/sinks', abstract: 'Article.' };
    const naming = (ids: object) => `${JSON.stringify({ id: 'p', title: 'Sinks', year: 2026, ...ids })}\n`;
    fs.writeFileSync(jsonl, `${JSON.stringify(byArxiv)}\n${JSON.stringify(byDoi)}\n`);
    fs.writeFileSync(entries, naming({}));
    await indexPapers({ indexDir: dir, files: [jsonl, entries], embedder: 'builtin' });
    fs.writeFileSync(entries, naming({ arxivId: '2601.01234', doi: '10.1234/sinks' }));
    await indexPapers({ indexDir: dir, files: [jsonl, entries], embedder: 'builtin' });
    const fresh = tempDir();
    expect(await indexPapers({ indexDir: fresh, files: [jsonl, entries], embedder: 'builtin' })).toMatchObject({
      papers: 2,
    });
    expect(await papersOf(dir)).toEqual(await papersOf(fresh));
    const again = await indexPapers({ indexDir: dir, files: [jsonl, entries], embedder: 'builtin' });
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, papers: 2 });
  });

  it('merges an unchanged record into the entry of its DOI given first, and stays so, as a fresh index does', async () => {
    const dir = tempDir();
    const files = tempDir();
    const jsonl = path.join(files, 'a.jsonl');
    const entries = path.join(files, 'b.jsonl');
    const holder = {
      id: 'u',
      title: 'Sinks',
      year: 2026,
      arxivId: '2601.01234',
      doi: '10.1234/sinks',
      abstract: 'Both.',
    };
    const write = (first: object, second: object) =>
      fs.writeFileSync(
        entries,
        `${JSON.stringify({ id: 'p1', title: 'Sinks, the preprint', year: 2026, ...first })}\n${JSON.stringify({ id: 'p2', title: 'Sinks, the article', year: 2026, ...second })}\n`,
      );
    fs.writeFileSync(jsonl, `${JSON.stringify(holder)}\n`);
    write({}, {});
    await indexPapers({ indexDir: dir, files: [entries, jsonl], embedder: 'builtin' });
    write({ arxivId: '2601.01234' }, { doi: '10.1234/sinks' });
    await indexPapers({ indexDir: dir, files: [entries, jsonl], embedder: 'builtin' });
    const fresh = tempDir();
    await indexPapers({ indexDir: fresh, files: [entries, jsonl], embedder: 'builtin' });
    expect(await papersOf(dir)).toEqual(await papersOf(fresh));
    expect((await papersOf(dir)).map((paper) => paper.id)).toEqual(['p1', 'p2']);
    const again = await indexPapers({ indexDir: dir, files: [entries, jsonl], embedder: 'builtin' });
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, papers: 2 });
    expect(await papersOf(dir)).toEqual(await papersOf(fresh));
  });
});
