import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexPapers } from '../../../indexer/index.ts';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { defaultZoteroFolder, readZotero } from '../../../indexer/readers/zotero.reader.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { hasZoteroSchema, ZoteroLibrary } from './zotero-library.ts';

function sampleLibrary(): ZoteroLibrary {
  const library = new ZoteroLibrary(path.join(tempDir(), 'Zotero'));
  library.collection('Thesis');
  library.collection('Reading list', 'Thesis');
  const article = library.add({
    key: 'ART00001',
    type: 'journalArticle',
    fields: {
      title: 'Attention in <i>vivo</i>',
      abstractNote: '<p>We study attention &amp; memory.</p><h3>Results</h3><p>It works.</p>',
      date: '2021-01-28 January 28, 2021',
      DOI: '10.1000/attention',
      publicationTitle: 'Journal of Attention',
      volume: '7',
    },
    authors: [
      ['Ada', 'Lovelace'],
      ['Alan', 'Turing'],
    ],
    tags: ['memory'],
    collections: ['Reading list'],
  });
  library.add({ key: 'NOTE0001', type: 'note' }, article);
  library.add({ key: 'ATT00001', type: 'attachment' }, article);
  library.add({
    key: 'PRE00001',
    type: 'preprint',
    fields: { title: 'A preprint', archiveID: 'arXiv:2401.00001', date: '2024-01-02 2024-01-02' },
    collections: ['Thesis'],
  });
  library.add({
    key: 'EXT00001',
    type: 'conferencePaper',
    fields: {
      title: 'Found in extra',
      extra: 'arXiv: 1706.03762v5\nDOI: 10.1000/extra\nCitation Key: vaswani2017attention',
      proceedingsTitle: 'NeurIPS',
    },
  });
  library.add({ key: 'TRASH001', type: 'journalArticle', fields: { title: 'In the trash' }, trashed: true });
  return library;
}

describe.skipIf(!hasZoteroSchema)('zotero.reader (with ../shared/zotero-schema)', () => {
  it('reads regular items with collections as tags, leaving out trashed items, notes and attachments', () => {
    const library = sampleLibrary();
    const { records } = readZotero(library.dir);
    expect(records.map((record) => record.fields.id)).toEqual([
      'zotero:ART00001',
      'zotero:PRE00001',
      'zotero:EXT00001',
    ]);
    expect(records[0]?.fields).toMatchObject({
      title: 'Attention in <i>vivo</i>',
      authors: [
        { firstName: 'Ada', lastName: 'Lovelace' },
        { firstName: 'Alan', lastName: 'Turing' },
      ],
      year: '2021',
      venue: 'Journal of Attention',
      doi: '10.1000/attention',
      tags: [{ tag: 'memory' }, { tag: 'Reading list' }],
      volume: '7',
      entryType: 'journalArticle',
    });
  });

  it('takes arXiv ids from archiveID and from extra, and a DOI from extra, and cleans HTML abstracts', async () => {
    const library = sampleLibrary();
    const { papers, problems } = await readPaperFiles([library.dir], { format: 'zotero' });
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.arxivId, paper.doi])).toEqual([
      ['zotero:ART00001', null, '10.1000/attention'],
      ['zotero:PRE00001', '2401.00001', null],
      ['zotero:EXT00001', '1706.03762', '10.1000/extra'],
    ]);
    expect(papers[0]?.paper).toMatchObject({
      title: 'Attention in vivo',
      abstract: 'We study attention & memory. Results: It works.',
      year: 2021,
    });
  });

  it('keeps the citation key Better BibTeX pinned in Extra, which a draft cites the paper by', async () => {
    const { papers } = await readPaperFiles([sampleLibrary().dir], { format: 'zotero' });
    expect(papers.find(({ paper }) => paper.id === 'zotero:EXT00001')?.paper.metadata).toMatchObject({
      citationKey: 'vaswani2017attention',
    });
    expect(papers[0]?.paper.metadata.citationKey).toBeUndefined();
  });

  it("keeps its papers' metadata in the order earlier versions wrote it, so that upgrading re-embeds nothing", async () => {
    const library = sampleLibrary();
    library.add({
      key: 'EDT00001',
      type: 'journalArticle',
      fields: { title: 'Edited', publicationTitle: 'Soil', volume: '3', extra: 'Citation Key: roe2020edited' },
      authors: [['Jane', 'Doe']],
      editors: [['Richard', 'Roe']],
    });
    const { papers } = await readPaperFiles([library.dir], { format: 'zotero' });
    // A paper's content hash is its JSON: metadata in another order re-embeds it.
    expect(Object.keys(papers.find(({ paper }) => paper.id === 'zotero:EDT00001')?.paper.metadata ?? {})).toEqual([
      'entryType',
      'zoteroKey',
      'citationKey',
      'editors',
      'extra',
      'volume',
    ]);
  });

  it('reads a library Zotero holds locked, including changes still in its write-ahead log, without writing to it', () => {
    const library = sampleLibrary();
    const file = path.join(library.dir, 'zotero.sqlite');
    library.db.pragma('journal_mode = WAL');
    library.db.pragma('locking_mode = EXCLUSIVE');
    library.db.pragma('wal_autocheckpoint = 0');
    library.add({ key: 'NEW00001', type: 'journalArticle', fields: { title: 'Added while Zotero runs' } });
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const digest = (name: string) => createHash('sha1').update(fs.readFileSync(name)).digest('hex');
    const before = [digest(file), digest(`${file}-wal`)];
    const { records } = readZotero(file);
    expect(records.map((record) => record.fields.id)).toContain('zotero:NEW00001');
    expect([digest(file), digest(`${file}-wal`)]).toEqual(before);
    library.db.close();
  });

  it('reads a library while Zotero is in the middle of a write, without the write under way', () => {
    const library = sampleLibrary();
    const file = path.join(library.dir, 'zotero.sqlite');
    for (let n = 0; n < 100; n++) {
      library.add({
        key: `BOOK${String(n).padStart(4, '0')}`,
        type: 'book',
        fields: { title: `Book ${n}`, abstractNote: `${n}`.padEnd(400, '.') },
      });
    }
    // A write larger than the cache spills into the file; the pages it replaced wait in zotero.sqlite-journal.
    library.db.pragma('cache_size = 5');
    library.db.exec('BEGIN');
    library.db.prepare("UPDATE itemDataValues SET value = 'half-written ' || valueID").run();
    expect(fs.existsSync(`${file}-journal`)).toBe(true);
    const { records } = readZotero(file);
    expect(records[0]?.fields.title).toBe('Attention in <i>vivo</i>');
    library.db.exec('ROLLBACK');
    library.db.close();
  });

  it('keeps names Zotero holds in one field whole, and takes an item known only by its short title', async () => {
    const library = new ZoteroLibrary(path.join(tempDir(), 'Zotero'));
    library.add({
      key: 'WHO00001',
      type: 'journalArticle',
      fields: { shortTitle: 'Global TB report', date: '2021-03-00 2021-03' },
      authors: ['Deutsches Elektronen-Synchrotron, DESY', ['Ada', 'Lovelace'], 'World Health Organization'],
      tags: ['Tuberculosis; epidemiology'],
    });
    const { papers, problems } = await readPaperFiles([library.dir], { format: 'zotero' });
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      title: 'Global TB report',
      authors: ['Deutsches Elektronen-Synchrotron, DESY', 'Ada Lovelace', 'World Health Organization'],
      year: 2021,
      tags: ['Tuberculosis; epidemiology'],
    });
  });

  it('puts the suffix Zotero keeps in the first name ("Martin Luther, Jr.") after the family name', async () => {
    const library = new ZoteroLibrary(path.join(tempDir(), 'Zotero'));
    library.add({
      key: 'KING0001',
      type: 'journalArticle',
      fields: {
        title: 'Letter from Birmingham Jail',
        abstractNote: 'An open letter on nonviolent resistance. © 1963 The Atlantic Monthly. All rights reserved.',
      },
      authors: [
        ['Martin Luther, Jr.', 'King'],
        ['Johannes', 'van der Waals'],
      ],
    });
    const { papers } = await readPaperFiles([library.dir], { format: 'zotero' });
    expect(papers[0]?.paper).toMatchObject({
      authors: ['Martin Luther King Jr.', 'Johannes van der Waals'],
      abstract: 'An open letter on nonviolent resistance.',
      metadata: { copyright: '© 1963 The Atlantic Monthly. All rights reserved.' },
    });
  });

  it("names an edited book's editors as its authors when it has none, and keeps a paper's editors apart", async () => {
    const library = new ZoteroLibrary(path.join(tempDir(), 'Zotero'));
    library.add({
      key: 'BOOK0001',
      type: 'book',
      fields: { title: 'Handbook of retrieval' },
      editors: [
        ['Ada', 'Lovelace'],
        ['Alan', 'Turing'],
      ],
    });
    library.add({
      key: 'SECT0001',
      type: 'bookSection',
      fields: { title: 'A chapter', bookTitle: 'Handbook of retrieval' },
      authors: [['Grace', 'Hopper']],
      editors: [['Ada', 'Lovelace']],
    });
    const { papers } = await readPaperFiles([library.dir], { format: 'zotero' });
    expect(papers.map(({ paper }) => paper.authors)).toEqual([['Ada Lovelace', 'Alan Turing'], ['Grace Hopper']]);
  });

  it("names the people an item type puts first as its authors: a talk's presenters, a program's programmers", async () => {
    const library = new ZoteroLibrary(path.join(tempDir(), 'Zotero'));
    library.add({
      key: 'TALK0001',
      type: 'presentation',
      fields: { title: 'Dense retrieval at scale', meetingName: 'SIGIR 2023', date: '2023-07-24 2023-07-24' },
      creators: [
        { type: 'presenter', name: ['Kari', 'Ødegård'] },
        { type: 'contributor', name: ['Alan', 'Turing'] },
      ],
    });
    library.add({
      key: 'SOFT0001',
      type: 'computerProgram',
      fields: { title: 'citelens', company: 'Zenodo', date: '2024-00-00 2024' },
      creators: [{ type: 'programmer', name: 'The Citelens developers' }],
    });
    const { papers, problems } = await readPaperFiles([library.dir], { format: 'zotero' });
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.title, paper.authors, paper.venue, paper.year])).toEqual([
      ['Dense retrieval at scale', ['Kari Ødegård'], 'SIGIR 2023', 2023],
      ['citelens', ['The Citelens developers'], 'Zenodo', 2024],
    ]);
  });

  it("takes an encyclopedia entry's encyclopedia as its venue, and a case's name and decision date", async () => {
    const library = new ZoteroLibrary(path.join(tempDir(), 'Zotero'));
    library.add({
      key: 'SEP00001',
      type: 'encyclopediaArticle',
      fields: { title: 'Epistemic logic', encyclopediaTitle: 'The Stanford Encyclopedia of Philosophy' },
      authors: [['Rasmus', 'Rendsvig']],
    });
    library.add({
      key: 'CASE0001',
      type: 'case',
      fields: { caseName: 'Feist Publications v. Rural Telephone Service', dateDecided: '1991-03-27 1991-03-27' },
    });
    const { papers, problems } = await readPaperFiles([library.dir], { format: 'zotero' });
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.title, paper.venue, paper.year])).toEqual([
      ['Epistemic logic', 'The Stanford Encyclopedia of Philosophy', null],
      ['Feist Publications v. Rural Telephone Service', null, 1991],
    ]);
    expect(papers[0]?.paper.metadata).not.toHaveProperty('encyclopediaTitle');
  });

  it("keeps a conference paper's publisher as metadata when it names no proceedings or conference; a book's is its venue", async () => {
    const library = new ZoteroLibrary(path.join(tempDir(), 'Zotero'));
    library.add({
      key: 'CONF0001',
      type: 'conferencePaper',
      fields: {
        title: 'Dense retrieval without a proceedings title',
        publisher: 'Association for Computing Machinery',
      },
    });
    library.add({ key: 'BOOK0003', type: 'book', fields: { title: 'Deep learning', publisher: 'MIT Press' } });
    library.add({
      key: 'CONF0002',
      type: 'conferencePaper',
      fields: { title: 'Sparse retrieval', proceedingsTitle: 'Proceedings of SIGIR 2021', conferenceName: "SIGIR '21" },
    });
    const { papers, problems } = await readPaperFiles([library.dir], { format: 'zotero' });
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.venue, paper.metadata.publisher])).toEqual([
      [null, 'Association for Computing Machinery'],
      ['MIT Press', undefined],
      ['Proceedings of SIGIR 2021', undefined],
    ]);
    // The conference's name, not the venue, is kept as the RIS and JSON readers keep it.
    expect(papers[2]?.paper.metadata.conferenceName).toBe("SIGIR '21");
  });

  it('names editors as authors are named: the "Jr." Zotero keeps in the first name goes last, a body stays whole', async () => {
    const library = new ZoteroLibrary(path.join(tempDir(), 'Zotero'));
    library.add({
      key: 'BOOK0002',
      type: 'book',
      fields: { title: 'The radical King' },
      editors: [
        ['Cornel', 'West'],
        ['Martin Luther, Jr.', 'King'],
      ],
    });
    library.add({
      key: 'SECT0002',
      type: 'bookSection',
      fields: { title: 'Where do we go from here?', bookTitle: 'The radical King' },
      authors: [['Martin Luther, Jr.', 'King']],
      editors: [['Martin Luther, Jr.', 'King'], 'Southern Christian Leadership Conference, SCLC'],
    });
    const { papers } = await readPaperFiles([library.dir], { format: 'zotero' });
    expect(papers.map(({ paper }) => [paper.authors, paper.metadata.editors])).toEqual([
      [
        ['Cornel West', 'Martin Luther King Jr.'],
        ['Cornel West', 'Martin Luther King Jr.'],
      ],
      [['Martin Luther King Jr.'], ['Martin Luther King Jr.', 'Southern Christian Leadership Conference, SCLC']],
    ]);
  });

  it('re-indexes only the items that changed', async () => {
    const library = sampleLibrary();
    const indexDir = tempDir();
    const first = await indexPapers({ indexDir, files: [library.dir], format: 'zotero', embedder: 'builtin' });
    expect(first).toMatchObject({ added: 3, updated: 0 });
    library.setField(library.itemId('PRE00001'), 'title', 'A preprint, retitled');
    library.add({ key: 'TRASH002', type: 'book', fields: { title: 'Trashed at once' }, trashed: true });
    const second = await indexPapers({ indexDir, files: [library.dir], format: 'zotero', embedder: 'builtin' });
    expect(second).toMatchObject({ added: 0, updated: 1, unchanged: 2, papers: 3 });
  });

  it('says plainly when a folder holds no Zotero database', () => {
    const dir = tempDir();
    expect(() => readZotero(dir)).toThrow(`${dir} has no zotero.sqlite; pass a Zotero data folder`);
  });
});

describe('zotero.reader without a library', () => {
  it('refuses a file that is not an SQLite database, naming it', () => {
    const file = path.join(tempDir(), 'zotero.sqlite');
    fs.writeFileSync(file, 'not a database at all, just text that is long enough to have a header page');
    expect(() => readZotero(file)).toThrow(/could not be read as a Zotero database: file is not a database/);
  });
});

describe('defaultZoteroFolder', () => {
  it('is "Zotero" in the home folder unless a Zotero profile names another data folder', () => {
    const home = tempDir();
    expect(defaultZoteroFolder(home, 'linux')).toBe(path.join(home, 'Zotero'));
    const profile = path.join(home, '.zotero', 'zotero', 'abcd1234.default');
    fs.mkdirSync(profile, { recursive: true });
    fs.writeFileSync(
      path.join(profile, 'prefs.js'),
      'user_pref("extensions.zotero.dataDir", "/data/My \\"Zotero\\"");\nuser_pref("extensions.zotero.useDataDir", true);\n',
    );
    expect(defaultZoteroFolder(home, 'linux')).toBe('/data/My "Zotero"');
    const mac = path.join(home, 'Library', 'Application Support', 'Zotero', 'Profiles', 'x.default');
    fs.mkdirSync(mac, { recursive: true });
    fs.writeFileSync(path.join(mac, 'prefs.js'), 'user_pref("extensions.zotero.dataDir", "/Users/a/Z");\n');
    // Without useDataDir, Zotero itself ignores dataDir.
    expect(defaultZoteroFolder(home, 'darwin')).toBe(path.join(home, 'Zotero'));
  });
});
