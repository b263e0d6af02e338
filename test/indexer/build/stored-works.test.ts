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

  it('keeps what a paper took from another export when its own record is read again, among few papers read again or many', async () => {
    const dir = tempDir();
    const { bib, ris } = exports();
    await indexPapers({ indexDir: dir, files: [SAMPLE, bib, ris], embedder: 'builtin' });
    // Other bytes of the same entry: the paper is read again (a few of the library's: looked up by id).
    fs.writeFileSync(bib, BIB.replace('title = ', 'title  = '));
    expect(await indexPapers({ indexDir: dir, files: [SAMPLE, bib], embedder: 'builtin' })).toMatchObject({
      updated: 0,
    });
    expect((await papersOf(dir)).sinks?.abstract).toBe('Sinks come from a variance discrepancy.');
    // Every sample record's bytes changed as well: most of the library is read again (one scan of it).
    const sample = path.join(path.dirname(bib), 'papers.jsonl');
    const lines = fs
      .readFileSync(SAMPLE, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    fs.writeFileSync(sample, lines.map((line) => `${line} `).join('\n'));
    fs.writeFileSync(bib, BIB.replace('title = ', 'title   = '));
    const summary = await indexPapers({ indexDir: dir, files: [sample, bib], embedder: 'builtin' });
    expect(summary).toMatchObject({ updated: 0, unchanged: lines.length + 1 });
    expect((await papersOf(dir)).sinks?.abstract).toBe('Sinks come from a variance discrepancy.');
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

  it('lets a record read under a stable id take the place of the paper an earlier version stored under its place or bare S2 id', async () => {
    const dir = tempDir();
    const files = tempDir();
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(files, name), text);
      return path.join(files, name);
    };
    const hex = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c';
    // As an earlier version stored them: an IEEE Xplore row without DOI by its place in ieee.csv, a Semantic
    // Scholar answer asked for a few fields by its bare paper id; and a paper of another author, by its place.
    const old = [
      { id: 'ieee-1', title: 'Über die Wärmeleitung', authors: ['J. Müller'], year: 1998, abstract: 'Heat flows.' },
      { id: hex, title: 'Tidal forcing of ice shelves', year: 2020, abstract: 'Tides.' },
      { id: 'ieee-2', title: 'Sinks', authors: ['K. Lin'], year: 2026, abstract: 'Old.' },
    ];
    const first = await indexPapers({
      indexDir: dir,
      files: [SAMPLE, write('old.jsonl', old.map((record) => JSON.stringify(record)).join('\n'))],
      embedder: 'builtin',
    });
    const ieee = write(
      'ieee.csv',
      '"Document Title","Authors","Publication Title","Publication Year","Abstract","DOI"\n' +
        '"Über die Wärmeleitung","J. Müller; A. Ødegård","IEEE Access","1998","Heat flows.",""\n' +
        '"Sinks","M. Chen","IEEE Access","2026","New.",""\n',
    );
    const answer = { data: [{ paperId: hex, title: 'Tidal forcing of ice shelves', year: 2020, abstract: 'Tides.' }] };
    const later = await indexPapers({
      indexDir: dir,
      files: [ieee, write('search.json', JSON.stringify(answer))],
      embedder: 'builtin',
    });
    expect(later).toMatchObject({ added: 3, removed: 2, papers: first.papers + 1 });
    expect(later.repairs.map((r) => r.message)).toEqual([
      'is the paper the index holds as "ieee-1" (an earlier version made from the record\'s place in its file); it now takes its place as "muller1998uber"',
      `is the paper the index holds as "${hex}" (the bare Semantic Scholar id an earlier version gave it); it now takes its place as "s2:${hex}"`,
    ]);
    // The next run finds each paper under its new id: nothing to replace again.
    const again = await indexPapers({
      indexDir: dir,
      files: [ieee, path.join(files, 'search.json')],
      embedder: 'builtin',
    });
    expect(again).toMatchObject({ added: 0, removed: 0, updated: 0, repairs: [] });
    const reader = await openIndex(dir);
    try {
      expect(reader.getPaper('ieee-1')).toBeUndefined();
      expect(reader.getPaper(hex)).toBeUndefined();
      expect(reader.getPaper('muller1998uber')?.paper.venue).toBe('IEEE Access');
      expect(reader.getPaper(`s2:${hex}`)?.paper.title).toBe('Tidal forcing of ice shelves');
      // Another author's paper of the same title and year is another paper: both stay.
      expect(reader.getPaper('ieee-2')?.paper.abstract).toBe('Old.');
      expect(reader.getPaper('chen2026sinks')?.paper.abstract).toBe('New.');
    } finally {
      reader.close();
    }
  });

  it('never lets another record take the place of a paper whose id only looks made from a place', async () => {
    const dir = tempDir();
    const mine = tempDir();
    const other = tempDir();
    // A user's own id of that shape, and one this version makes for a record without id, DOI or arXiv id.
    fs.writeFileSync(
      path.join(mine, 'refs.jsonl'),
      [
        {
          id: 'refs-1',
          title: 'Reply',
          year: 2019,
          authors: ['Maria Garcia'],
          venue: 'Nature',
          abstract: 'Garcia replies.',
        },
        { title: 'Editorial', year: 2021, venue: 'Journal of Ecology', abstract: 'Ecology this year.' },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    await indexPapers({ indexDir: dir, files: [path.join(mine, 'refs.jsonl')], embedder: 'builtin' });
    // Another export of the same file name, whose records at those places are other papers of the same titles.
    fs.writeFileSync(
      path.join(other, 'refs.ris'),
      'TY  - JOUR\nTI  - Reply\nPY  - 2019\nJO  - The Lancet\nER  - \n\nTY  - JOUR\nTI  - Editorial\nPY  - 2021\nJO  - Journal of Economics\nER  - \n',
    );
    const later = await indexPapers({ indexDir: dir, files: [path.join(other, 'refs.ris')], embedder: 'builtin' });
    expect(later).toMatchObject({ added: 2, removed: 0 });
    const reader = await openIndex(dir);
    try {
      expect(reader.getPaper('refs-1')?.paper.abstract).toBe('Garcia replies.');
      expect(reader.getPaper('refs-2')?.paper.venue).toBe('Journal of Ecology');
    } finally {
      reader.close();
    }
  });

  it('gives a preprint stored under its versioned arXiv id its id without version, once, instead of merging into it every run', async () => {
    const dir = tempDir();
    const files = tempDir();
    const record = { title: 'Sparse Attention Sinks', arxivId: '2401.01234v3', year: 2024 };
    // As an earlier version stored a JSON Lines arXiv id field: with its version.
    const old = path.join(files, 'old.jsonl');
    fs.writeFileSync(old, `${JSON.stringify({ ...record, id: 'arxiv:2401.01234v3' })}\n`);
    const first = await indexPapers({ indexDir: dir, files: [SAMPLE, old], embedder: 'builtin' });
    const now = path.join(files, 'papers.jsonl');
    fs.writeFileSync(now, `${JSON.stringify(record)}\n`);
    const later = await indexPapers({ indexDir: dir, files: [now], embedder: 'builtin' });
    expect(later).toMatchObject({ added: 1, removed: 1, papers: first.papers });
    expect(later.repairs.map((r) => r.message)).toEqual([
      'is the paper the index holds as "arxiv:2401.01234v3" (the arXiv id with its version an earlier version gave it); it now takes its place as "arxiv:2401.01234"',
    ]);
    const again = await indexPapers({ indexDir: dir, files: [now], embedder: 'builtin' });
    expect(again).toMatchObject({ added: 0, updated: 0, repairs: [], papers: first.papers });
  });

  it('gives a Zotero item an earlier version stored under its bare key its zotero: id, once, instead of a second paper', async () => {
    const dir = tempDir();
    const files = tempDir();
    // A book (no DOI to merge it by) as pyzotero dumps an item's data: an earlier version stored it as "ABCD1234",
    // its version and item type kept as metadata.
    const item = {
      key: 'ABCD1234',
      version: 12,
      itemType: 'book',
      title: 'Soil carbon under drought',
      creators: [{ creatorType: 'author', firstName: 'Jane', lastName: 'Doe' }],
      date: '2019-03-01',
    };
    const old = path.join(files, 'old.jsonl');
    fs.writeFileSync(
      old,
      `${JSON.stringify({ id: 'ABCD1234', title: item.title, authors: ['Jane Doe'], year: 2019, version: 12, itemType: 'book' })}\n`,
    );
    const first = await indexPapers({ indexDir: dir, files: [SAMPLE, old], embedder: 'builtin' });
    const now = path.join(files, 'zotero.jsonl');
    fs.writeFileSync(now, `${JSON.stringify(item)}\n`);
    const later = await indexPapers({ indexDir: dir, files: [now], embedder: 'builtin' });
    expect(later).toMatchObject({ added: 1, removed: 1, papers: first.papers });
    expect(later.repairs.map((r) => r.message)).toEqual([
      'is the paper the index holds as "ABCD1234" (the bare Zotero item key an earlier version gave it); it now takes its place as "zotero:ABCD1234"',
    ]);
    const again = await indexPapers({ indexDir: dir, files: [now], embedder: 'builtin' });
    expect(again).toMatchObject({ added: 0, updated: 0, repairs: [], papers: first.papers });
    // Another item of the same title and year under another key is another paper: both stay.
    const other = path.join(files, 'other.jsonl');
    fs.writeFileSync(other, `${JSON.stringify({ ...item, key: 'WXYZ9876', creators: [] })}\n`);
    fs.writeFileSync(
      old,
      `${JSON.stringify({ id: 'QRST5432', title: item.title, year: 2019, version: 3, itemType: 'book' })}\n`,
    );
    await indexPapers({ indexDir: dir, files: [old], embedder: 'builtin' });
    expect(await indexPapers({ indexDir: dir, files: [other], embedder: 'builtin' })).toMatchObject({
      added: 1,
      removed: 0,
    });
  });

  it("lets a Zotero item take the place of an earlier version's reading of it whose first creator was an editor", async () => {
    const dir = tempDir();
    const files = tempDir();
    // An earlier version listed every creator of the item as an author, the editor first.
    const item = {
      key: 'EDIT2345',
      version: 4,
      itemType: 'bookSection',
      title: 'Roots in dry soil',
      creators: [
        { creatorType: 'editor', firstName: 'Ed', lastName: 'Itor' },
        { creatorType: 'author', firstName: 'Au', lastName: 'Thor' },
      ],
      date: '2018',
    };
    const old = path.join(files, 'old.jsonl');
    const stored = { id: 'EDIT2345', title: item.title, authors: ['Ed Itor', 'Au Thor'], year: 2018, version: 4 };
    fs.writeFileSync(old, `${JSON.stringify({ ...stored, itemType: 'bookSection' })}\n`);
    await indexPapers({ indexDir: dir, files: [old], embedder: 'builtin' });
    const now = path.join(files, 'zotero.jsonl');
    fs.writeFileSync(now, `${JSON.stringify(item)}\n`);
    expect(await indexPapers({ indexDir: dir, files: [now], embedder: 'builtin' })).toMatchObject({
      added: 1,
      removed: 1,
      papers: 1,
    });
  });

  it('never lets a Zotero item take the place of a paper under its bare key that was not read from that item', async () => {
    const files = tempDir();
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(files, name), text);
      return path.join(files, name);
    };
    const item = (key: string, lastName: string) => ({
      key,
      version: 3,
      itemType: 'report',
      title: 'Masks and transmission',
      creators: [{ creatorType: 'author', firstName: 'Bob', lastName }],
      date: '2020',
    });
    const pyzotero = write(
      'pyz.jsonl',
      [
        item('SMITH202', 'Jones'),
        item('ABCD2345', 'Doe'),
        item('QRST5432', 'Jones'),
        item('OWNR2345', 'Jones'),
        item('VERS2345', 'Jones'),
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    // A user's own record whose id has a key's shape; a row of Zotero's CSV export (its Key is the id); and an item's
    // data an earlier version stored, of another first author.
    const own = { id: 'SMITH202', title: 'Masks and transmission', year: 2020, authors: ['Ann Smith'], tags: ['mine'] };
    const earlier = { ...own, id: 'QRST5432', version: 2, itemType: 'report' };
    // Records of one's own by the item's first author that hold only one of what an item's data kept: a type, a version.
    const typed = { ...own, id: 'OWNR2345', authors: ['Bob Jones'], itemType: 'report' };
    const versioned = { ...own, id: 'VERS2345', authors: ['Bob Jones'], version: 2 };
    const kept: [file: string, id: string][] = [
      [write('own.jsonl', `${JSON.stringify(own)}\n`), 'SMITH202'],
      [
        write(
          'zot.csv',
          '"Key","Item Type","Publication Year","Author","Title"\n"ABCD2345","report","2020","Doe, Jane","Masks and transmission"\n',
        ),
        'ABCD2345',
      ],
      [write('earlier.jsonl', `${JSON.stringify(earlier)}\n`), 'QRST5432'],
      [write('typed.jsonl', `${JSON.stringify(typed)}\n`), 'OWNR2345'],
      [write('versioned.jsonl', `${JSON.stringify(versioned)}\n`), 'VERS2345'],
    ];
    for (const [file, id] of kept) {
      const dir = tempDir();
      await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
      const later = await indexPapers({ indexDir: dir, files: [pyzotero], embedder: 'builtin' });
      expect(later).toMatchObject({ added: 5, removed: 0, papers: 6 });
      const reader = await openIndex(dir);
      try {
        expect(reader.getPaper(id)?.paper.title).toBe('Masks and transmission');
      } finally {
        reader.close();
      }
    }
  });

  it('gives a preprint stored under its versioned arXiv id its id without version even when its first author is read otherwise now', async () => {
    const dir = tempDir();
    const files = tempDir();
    const record = { title: 'Sparse Attention Sinks', arxivId: '2401.01234v3', year: 2024, authors: ['Ann Smith'] };
    const old = path.join(files, 'old.jsonl');
    fs.writeFileSync(old, `${JSON.stringify({ ...record, id: 'arxiv:2401.01234v3' })}\n`);
    await indexPapers({ indexDir: dir, files: [old], embedder: 'builtin' });
    const now = path.join(files, 'papers.jsonl');
    // The same arXiv id is the same paper: had it kept its old id, the record would be merged into it every run.
    fs.writeFileSync(now, `${JSON.stringify({ ...record, authors: ['Bob Jones'] })}\n`);
    expect(await indexPapers({ indexDir: dir, files: [now], embedder: 'builtin' })).toMatchObject({
      added: 1,
      removed: 1,
      papers: 1,
    });
  });

  it("removes the paper stored under a record's id when a later reading merges that record into another paper of its work", async () => {
    const dir = tempDir();
    const files = tempDir();
    const bib = path.join(files, 's2.bib');
    const jsonl = path.join(files, 'arx.jsonl');
    const entry = (volume: string) =>
      `@article{Smith2019S2, title={A Semantic Scholar paper}, author={A. Smith}, journal={ArXiv}, year={2019}${volume}}\n`;
    const preprint = { arxivId: '1901.00003', title: 'A Semantic Scholar paper', authors: ['A. Smith'], year: 2019 };
    // As an earlier version stored them: the entry's volume "abs/1901.00003" gave no arXiv id, so two papers.
    fs.writeFileSync(bib, entry(''));
    fs.writeFileSync(jsonl, `${JSON.stringify(preprint)}\n`);
    const first = await indexPapers({ indexDir: dir, files: [bib, jsonl], embedder: 'builtin' });
    expect(first.papers).toBe(2);
    // This version reads the entry's arXiv id, and (its rules version new) every record again: one paper, as a
    // fresh index of the same files holds.
    fs.writeFileSync(bib, entry(', volume={abs/1901.00003}'));
    fs.writeFileSync(jsonl, `${JSON.stringify(preprint, null, 0)} \n`);
    const later = await indexPapers({ indexDir: dir, files: [bib, jsonl], embedder: 'builtin' });
    expect(later).toMatchObject({ added: 0, updated: 1, removed: 1, papers: 1 });
    expect(later.repairs.map((r) => r.message)).toContain(
      'was the paper the index held as "arxiv:1901.00003" apart from "Smith2019S2", the paper of its work it is merged into; "arxiv:1901.00003" was removed',
    );
    const fresh = await indexPapers({ indexDir: tempDir(), files: [bib, jsonl], embedder: 'builtin' });
    expect(fresh.papers).toBe(1);
    const reader = await openIndex(dir);
    try {
      expect(reader.getPaper('arxiv:1901.00003')).toBeUndefined();
      expect(reader.getPaper('Smith2019S2')?.paper.arxivId).toBe('1901.00003');
    } finally {
      reader.close();
    }
    const again = await indexPapers({ indexDir: dir, files: [bib, jsonl], embedder: 'builtin' });
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, papers: 1 });
  });

  it('lets a later edit of the record that filled in an unchanged one, and --prune without it, reach that paper', async () => {
    const dir = tempDir();
    const files = tempDir();
    const jsonl = path.join(files, 'lin.jsonl');
    const ris = path.join(files, 'scopus.ris');
    const record = { id: 'lin-json', title: 'Where Attention Sinks Come From', year: 2026, doi: '10.1234/sinks.1' };
    fs.writeFileSync(jsonl, `${JSON.stringify(record)}\n`);
    const abstract = async () => {
      const reader = await openIndex(dir);
      try {
        return reader.getPaper('lin-json')?.paper.abstract;
      } finally {
        reader.close();
      }
    };
    await indexPapers({ indexDir: dir, files: [jsonl], embedder: 'builtin' });
    // A Scopus record of its DOI fills in the unchanged JSON Lines record's abstract; then its abstract is edited.
    fs.writeFileSync(ris, RIS);
    await indexPapers({ indexDir: dir, files: [jsonl, ris], embedder: 'builtin' });
    fs.writeFileSync(ris, RIS.replace('a variance discrepancy', 'the first token'));
    await indexPapers({ indexDir: dir, files: [jsonl, ris], embedder: 'builtin' });
    expect(await abstract()).toBe('Sinks come from the first token.');
    // Its own record alone keeps the abstract; --prune with that record alone drops it.
    await indexPapers({ indexDir: dir, files: [jsonl], embedder: 'builtin' });
    expect(await abstract()).toBe('Sinks come from the first token.');
    await indexPapers({ indexDir: dir, files: [jsonl], embedder: 'builtin', prune: true });
    expect(await abstract()).toBe('');
  });

  it("gives arXiv's own export of a preprint indexed last week the venue of a later record of the paper as published, and keeps it when the export is read again", async () => {
    const dir = tempDir();
    const files = tempDir();
    const bib = path.join(files, 'lib.bib');
    const ris = path.join(files, 'lib.ris');
    const arxivExport =
      '@misc{vaswani2023attention,\n  title={Attention Is All You Need},\n  author={Ashish Vaswani},\n  year={2023},\n  eprint={1706.03762},\n  archivePrefix={arXiv}\n}\n';
    fs.writeFileSync(bib, arxivExport);
    fs.writeFileSync(
      ris,
      'TY  - CONF\nTI  - Attention is all you need\nAU  - Vaswani, Ashish\nT2  - Advances in Neural Information Processing Systems\nPY  - 2017\nUR  - https://arxiv.org/abs/1706.03762\nER  - \n',
    );
    const venue = async () => {
      const reader = await openIndex(dir);
      try {
        return reader.getPaper('vaswani2023attention')?.paper.venue;
      } finally {
        reader.close();
      }
    };
    await indexPapers({ indexDir: dir, files: [bib], embedder: 'builtin' });
    expect(await venue()).toBe('arXiv');
    const later = await indexPapers({ indexDir: dir, files: [ris], embedder: 'builtin' });
    expect(later.repairs.map((r) => r.message)).toEqual([
      'names the same work as "vaswani2023attention", which the index already holds; the two were merged, taking its year, venue, url from this record',
    ]);
    expect(await venue()).toBe('Advances in Neural Information Processing Systems');
    // The export alone again, edited so that it is read: the paper keeps the venue it took.
    fs.writeFileSync(bib, arxivExport.replace('title=', 'title = '));
    await indexPapers({ indexDir: dir, files: [bib], embedder: 'builtin' });
    expect(await venue()).toBe('Advances in Neural Information Processing Systems');
  });
});
