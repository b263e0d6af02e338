import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexPapers, openIndex } from '../../../indexer/index.ts';
import { tempDir } from '../../support/temp-dir.ts';

const SAMPLE = path.resolve('data/papers.jsonl');
const BIB =
  '@article{lin2026sinks,\n  title = {Where Attention Sinks Come From},\n  author = {Lin, Kai},\n  year = {2026},\n  doi = {10.1234/sinks.1}\n}\n';
const RIS =
  'TY  - JOUR\nTI  - Where attention sinks come from\nAU  - Lin, Kai\nPY  - 2026\nDO  - 10.1234/SINKS.1\nAB  - Sinks come from a variance discrepancy.\nER  - \n';

function exports() {
  const dir = tempDir();
  const bib = path.join(dir, 'refs.bib');
  const ris = path.join(dir, 'scopus.ris');
  fs.writeFileSync(bib, BIB);
  fs.writeFileSync(ris, RIS);
  return { bib, ris };
}

async function papersOf(indexDir: string) {
  const reader = await openIndex(indexDir);
  try {
    return {
      sinks: reader.getPaper('lin2026sinks')?.paper ?? null,
      byDoi: reader.getPaper('doi:10.1234/SINKS.1')?.paper ?? null,
    };
  } finally {
    reader.close();
  }
}

describe('stored-works', () => {
  it('merges a record of a DOI the index holds under another id from an earlier run, keeping its id and taking what it lacked', async () => {
    const dir = tempDir();
    const { bib, ris } = exports();
    const first = await indexPapers({ indexDir: dir, files: [SAMPLE, bib], embedder: 'builtin' });
    const later = await indexPapers({ indexDir: dir, files: [ris], embedder: 'builtin' });
    expect(later).toMatchObject({ added: 0, updated: 1, papers: first.papers });
    expect(later.repairs.map((r) => r.message)).toEqual([
      'names the same work as "lin2026sinks", which the index already holds; the two were merged, taking its abstract from this record',
    ]);
    const { byDoi, sinks } = await papersOf(dir);
    expect(byDoi).toBeNull();
    expect(sinks?.abstract).toBe('Sinks come from a variance discrepancy.');
    // Both exports together, or the BibTeX alone again: still one paper, and it keeps the abstract.
    const both = await indexPapers({ indexDir: dir, files: [SAMPLE, bib, ris], embedder: 'builtin' });
    expect(both).toMatchObject({ added: 0, updated: 0, papers: first.papers });
    const bibAgain = await indexPapers({ indexDir: dir, files: [SAMPLE, bib], embedder: 'builtin' });
    expect(bibAgain).toMatchObject({ added: 0, updated: 0, papers: first.papers });
    expect((await papersOf(dir)).sinks?.abstract).toBe('Sinks come from a variance discrepancy.');
  });

  it('keeps what a paper took from another export when a later run reads only its own record, but not under --prune', async () => {
    const dir = tempDir();
    const { bib, ris } = exports();
    await indexPapers({ indexDir: dir, files: [SAMPLE, bib, ris], embedder: 'builtin' });
    expect((await papersOf(dir)).sinks?.metadata).toMatchObject({ filledIn: ['abstract'] });
    expect(await indexPapers({ indexDir: dir, files: [SAMPLE, bib], embedder: 'builtin' })).toMatchObject({
      updated: 0,
    });
    expect((await papersOf(dir)).sinks?.abstract).toBe('Sinks come from a variance discrepancy.');
    // --prune indexes exactly the files given: the abstract came from a file no longer among them.
    expect(await indexPapers({ indexDir: dir, files: [SAMPLE, bib], embedder: 'builtin', prune: true })).toMatchObject({
      updated: 1,
    });
    expect((await papersOf(dir)).sinks?.abstract).toBe('');
  });

  it('lets the new record take the place of a paper the run prunes, and repairs nothing under --strict', async () => {
    const { bib, ris } = exports();
    const pruned = tempDir();
    await indexPapers({ indexDir: pruned, files: [SAMPLE, bib], embedder: 'builtin' });
    const summary = await indexPapers({ indexDir: pruned, files: [SAMPLE, ris], embedder: 'builtin', prune: true });
    expect(summary).toMatchObject({ added: 1, removed: 1 });
    expect(await papersOf(pruned)).toMatchObject({ sinks: null, byDoi: { title: 'Where attention sinks come from' } });
    const strict = tempDir();
    await indexPapers({ indexDir: strict, files: [SAMPLE, bib], embedder: 'builtin' });
    const twice = await indexPapers({ indexDir: strict, files: [ris], embedder: 'builtin', strict: true });
    expect(twice).toMatchObject({ added: 1 });
  });
});
