import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { readJsonl, readJsonlBytes, readJsonlFile } from '../../../indexer/readers/jsonl.reader.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { fixture, paperById, readFixture, readWith } from './read-fixture.ts';

describe('jsonl.reader', () => {
  it('reads each non-blank line of the fixture as one paper with its exact line', () => {
    const { papers, problems } = readFixture(readJsonl, 'papers.jsonl');
    expect(problems).toEqual([]);
    expect(papers.map((entry) => [entry.paper.id, entry.location.line, entry.location.record])).toEqual([
      ['vaswani2017', 1, 1],
      ['lewis2020rag', 3, 2],
      ['3', 4, 3],
      ['asai2023selfrag', 5, 4],
    ]);
    expect(paperById(papers, 'vaswani2017').paper).toMatchObject({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'],
      year: 2017,
      venue: 'NeurIPS',
      arxivId: '1706.03762',
      tags: ['transformers', 'attention'],
    });
  });

  it('maps aliased fields of the fixture: summary, author string, date, journal, keywords and unknown keys', () => {
    const { papers } = readFixture(readJsonl, 'papers.jsonl');
    expect(paperById(papers, 'lewis2020rag').paper).toMatchObject({
      abstract: expect.stringContaining('dense retriever over Wikipedia'),
      authors: ['Patrick Lewis', 'Ethan Perez', 'Aleksandra Piktus'],
      year: 2020,
      venue: 'NeurIPS',
      doi: '10.48550/arXiv.2005.11401',
      arxivId: '2005.11401',
      tags: ['retrieval', 'rag', 'question answering'],
      metadata: { code: 'https://github.com/facebookresearch/RAG' },
    });
    expect(paperById(papers, '3').paper).toMatchObject({
      authors: ['Vladimir Karpukhin', 'Barlas Oguz'],
      year: 2020,
      tags: ['dense retrieval', 'dual encoder'],
    });
    expect(paperById(papers, 'asai2023selfrag').paper).toMatchObject({
      authors: ['Akari Asai', 'Zeqiu Wu'],
      arxivId: '2310.11511',
      tags: ['cs.CL', 'cs.AI'],
    });
  });

  it('reads a BEIR corpus line as its _id with the text as abstract', () => {
    const line = '{"_id":"12","title":"Sparse retrieval baselines","text":"BM25 remains a strong baseline."}';
    const { papers, problems } = readWith(readJsonl, line, 'corpus.jsonl');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: '12',
      title: 'Sparse retrieval baselines',
      abstract: 'BM25 remains a strong baseline.',
    });
  });

  it('reports a malformed line with its exact line number and still reads the lines after it', () => {
    const text = ['{"id":"a","title":"A"}', '', '{"id":"b","title":"B",}', '{"id":"c","title":"C"}'].join('\n');
    const { papers, problems } = readWith(readJsonl, text, 'bad.jsonl');
    expect(papers.map((entry) => entry.paper.id)).toEqual(['a', 'c']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'bad.jsonl', line: 3, record: 2, field: null });
    expect(problems[0]?.message).toMatch(/^is not valid JSON: .+ \(column 23\)$/);
  });

  it('reports a line that holds an array or a number instead of an object', () => {
    const { problems } = readWith(readJsonl, '[1,2]\n42\n', 'x.jsonl');
    expect(problems).toEqual([
      { file: 'x.jsonl', line: 1, record: 1, field: null, message: 'expected a JSON object, got an array' },
      { file: 'x.jsonl', line: 2, record: 2, field: null, message: 'expected a JSON object, got a number' },
    ]);
  });

  it('keeps line numbers exact with Windows line endings', () => {
    const text = '{"id":"a","title":"A"}\r\n\r\n{"id":"b","title":"B"}\r\n';
    const { papers } = readWith(readJsonl, text);
    expect(papers.map((entry) => entry.location.line)).toEqual([1, 3]);
  });

  it('reads a file in chunks, with lines across chunk ends and longer than a chunk, exactly as a whole', async () => {
    const special = [
      '{"id":"a","title":"Ärger mit Umlauten ✓"}',
      '',
      `{"id":"long","title":"${'long '.repeat(5_000)}"}`,
      '   ',
      '{"id":"c","title":"C",}',
      '42',
      '{"id":"d","title":"D"}\r',
    ];
    const filler = Array.from({ length: 300 }, (_, i) => `{"id":"f${i}","title":"${'x'.repeat((i * 37) % 200)}"}`);
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([...special, ...filler].join('\n'))]);
    const file = path.join(tempDir(), 'chunks.jsonl');
    await fs.writeFile(file, bytes);
    const whole = readJsonlBytes(bytes, file);
    expect(whole.records.slice(0, 3).map((r) => [r.fields.id, r.location.line])).toEqual([
      ['a', 1],
      ['long', 3],
      ['d', 7],
    ]);
    expect(whole.records).toHaveLength(303);
    expect(whole.problems.map((p) => p.line)).toEqual([5, 6]);
    // The smallest chunk is the binary check's 8 KiB: the 25 KB line is longer, and lines cross every chunk end.
    for (const chunkBytes of [1, 10_000, 1 << 20]) {
      const handle = await fs.open(file);
      try {
        expect(await readJsonlFile(handle, file, undefined, { chunkBytes }), `chunks of ${chunkBytes}`).toEqual(whole);
      } finally {
        await handle.close();
      }
    }
  });

  it('names the offset and line of a bad byte in a later chunk', async () => {
    const file = path.join(tempDir(), 'bad.jsonl');
    const good = '{"id":"a","title":"A"}\n'.repeat(1_000);
    await fs.writeFile(
      file,
      Buffer.concat([Buffer.from(good), Buffer.from('{"id":"b","title":"'), Buffer.from([0xe9])]),
    );
    const handle = await fs.open(file);
    try {
      const error = await readJsonlFile(handle, file, undefined, { chunkBytes: 1 }).catch((caught) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toContain(
        `is not valid UTF-8 text (first bad byte at offset ${good.length + 19}, line 1001)`,
      );
    } finally {
      await handle.close();
    }
  });

  it('stores an arXiv id field without its version, prefix or address, as the other readers do', () => {
    const lines = [
      '{"id":"a","title":"A","arxivId":"2401.01234v3"}',
      '{"id":"b","title":"B","arxiv_id":"arXiv:2402.04321V2"}',
      '{"id":"c","title":"C","arxivId":"https://arxiv.org/abs/math.AG/0301001v1"}',
      '{"id":"d","title":"D","arxivId":"not-an-arxiv-id"}',
    ];
    const { papers, problems } = readWith(readJsonl, lines.join('\n'));
    expect(problems).toEqual([]);
    expect(papers.map((entry) => entry.paper.arxivId)).toEqual([
      '2401.01234',
      '2402.04321',
      'math/0301001',
      'not-an-arxiv-id',
    ]);
  });

  it('keeps two records linking one arxiv.org paper apart, their url giving no arXiv id', () => {
    const cards = [
      { title: 'BERT-base', abstract: 'The base model.', url: 'https://arxiv.org/abs/1810.04805' },
      { title: 'BERT-large', abstract: 'The large model.', url: 'https://arxiv.org/abs/1810.04805v2' },
    ];
    const { papers } = readWith(readJsonl, cards.map((card) => JSON.stringify(card)).join('\n'), 'cards.jsonl');
    expect(papers.map(({ paper }) => [paper.id, paper.title, paper.arxivId])).toEqual([
      ['cards-1', 'BERT-base', null],
      ['cards-2', 'BERT-large', null],
    ]);
  });

  it('makes a preprint exported as JSON Lines with a versioned arXiv id and as BibTeX one paper', async () => {
    const dir = tempDir();
    const jsonl = path.join(dir, 'papers.jsonl');
    const bib = path.join(dir, 'refs.bib');
    await fs.writeFile(jsonl, '{"title":"Sparse Attention Sinks","arxivId":"2401.01234v3","year":2024}\n');
    await fs.writeFile(
      bib,
      '@misc{lin2024sinks,\n  title = {Sparse Attention Sinks},\n  eprint = {2401.01234v2},\n  archivePrefix = {arXiv}\n}\n',
    );
    const read = await readPaperFiles([jsonl, bib]);
    expect(read.problems).toEqual([]);
    expect(read.papers.map((entry) => [entry.paper.id, entry.paper.arxivId])).toEqual([
      ['arxiv:2401.01234', '2401.01234'],
    ]);
  });
});

describe('jsonl.reader limits', () => {
  it('reports a line longer than maxRecordBytes without holding it, at any chunk size, and reads on', async () => {
    const file = path.join(tempDir(), 'long.jsonl');
    const long = `{"id":"long","title":"${'y'.repeat(50_000)}"}`;
    await fs.writeFile(file, `{"id":"a","title":"A"}\n${long}\n{"id":"b","title":"B"}\n${long}`);
    for (const chunkBytes of [1, 4_096, 1 << 20]) {
      const handle = await fs.open(file);
      try {
        const read = await readJsonlFile(handle, file, undefined, { chunkBytes, maxRecordBytes: 10_000 });
        expect(read.records.map((record) => [record.fields.id, record.location.line])).toEqual([
          ['a', 1],
          ['b', 3],
        ]);
        expect(read.problems.map((problem) => [problem.line, problem.record, problem.message])).toEqual([
          [2, 2, 'is longer than 10,000 bytes, the most one record may be; it was not read'],
          [4, 4, 'is longer than 10,000 bytes, the most one record may be; it was not read'],
        ]);
      } finally {
        await handle.close();
      }
    }
  });

  // Regression: a .jsonl of Zotero items was read as plain records: an API answer's fields (under "data") were not
  // found at all, a bare item kept its editors as authors and its attachments and notes became papers.
  it("reads Zotero's items one per line as in a JSON array: API answers, bare items, CSL answers, notes passed over", async () => {
    const read = await readPaperFiles([fixture('wild/zotero-items.jsonl')]);
    expect(read.problems).toEqual([]);
    expect(read.papers.map(({ paper, location }) => [paper.id, location.line, paper.authors])).toEqual([
      ['zotero:X42A7DEE', 1, ['Jane Doe', 'Richard Roe']],
      ['zotero:CONF2021', 4, ['Kai Lin']],
      ['silva2022roots', 5, ['Ana Silva', 'Soil Science Consortium']],
      ['own-report-1', 7, ['Jane Doe', 'Richard Roe']],
      ['zotero:groups/2205533/PRE24012', 8, ['Chidi Okafor']],
    ]);
    expect(paperById(read.papers, 'zotero:X42A7DEE').paper).toMatchObject({
      venue: 'Soil Biology and Biochemistry',
      year: 2019,
      tags: ['soil carbon', 'drought'],
      metadata: { editors: ['Ed Itor'], zoteroKey: 'X42A7DEE' },
    });
    expect(paperById(read.papers, 'zotero:CONF2021').paper).toMatchObject({
      venue: "SIGIR '21",
      metadata: { citationKey: 'lin2021dense' },
    });
    // A user's own venue and year beside Zotero's fields win; Zotero's stay metadata.
    expect(paperById(read.papers, 'silva2022roots').paper).toMatchObject({
      venue: 'Plant and Soil (special issue on drought)',
      year: 2022,
      metadata: { publicationTitle: 'Plant and Soil', date: '2021-12-30' },
    });
    // The API's answer asked for CSL JSON alone is read by the CSL-JSON reader's rules (its arXiv id in "number").
    expect(paperById(read.papers, 'zotero:groups/2205533/PRE24012').paper).toMatchObject({
      venue: 'arXiv',
      arxivId: '2401.01234',
      year: 2024,
    });
    expect(read.notices).toEqual([
      `${fixture('wild/zotero-items.jsonl')}: 3 Zotero items holding no paper of their own were passed over (1 attachment, 2 notes; lines 2, 3, 6)`,
    ]);
  });

  it('passes over the Zotero notes of a JSON Lines text read through the reader contract too, naming their lines', async () => {
    const read = readJsonl(await fs.readFile(fixture('wild/zotero-items.jsonl'), 'utf8'), 'items.jsonl');
    expect(read.records.map((record) => record.location.line)).toEqual([1, 4, 5, 7, 8]);
    expect(read.notices).toEqual([
      'items.jsonl: 3 Zotero items holding no paper of their own were passed over (1 attachment, 2 notes; lines 2, 3, 6)',
    ]);
  });
});
