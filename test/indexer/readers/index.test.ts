import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { FORMATS, formatProblem, papersOfExport, READ_LIMITS, readPaperFiles } from '../../../indexer/readers/index.ts';
import { recordFingerprint } from '../../../indexer/readers/jsonl.reader.ts';
import { fixture, makeTempDir } from './read-fixture.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

async function rejection(files: string[], options: Parameters<typeof readPaperFiles>[1] = {}): Promise<AppError> {
  try {
    await readPaperFiles(files, options);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected readPaperFiles to reject');
}

describe('readers/index', () => {
  it('lists every format', () => {
    expect(FORMATS).toEqual([
      'jsonl',
      'json',
      'csv',
      'tsv',
      'bibtex',
      'csl-json',
      'arxiv-atom',
      'pubmed-xml',
      'endnote-xml',
      'endnote-tagged',
      'refworks',
      'ris',
      'medline',
      'wos',
      'zotero-rdf',
      'mods',
      'zotero',
    ]);
  });

  it('reads each fixture by its detected format into valid papers', async () => {
    const counts: Record<string, number> = {};
    for (const name of [
      'papers.jsonl',
      'papers.json',
      'papers.csv',
      'papers.tsv',
      'papers.bib',
      'zotero.csl.json',
      'arxiv-feed.xml',
    ]) {
      const result = await readPaperFiles([fixture(name)]);
      expect(result.problems, name).toEqual([]);
      counts[name] = result.papers.length;
    }
    expect(counts).toEqual({
      'papers.jsonl': 4,
      'papers.json': 3,
      'papers.csv': 3,
      'papers.tsv': 3,
      'papers.bib': 4,
      'zotero.csl.json': 3,
      'arxiv-feed.xml': 3,
    });
  });

  it('reads the tagged-text exports by extension and, saved as .txt, by content', async () => {
    for (const [name, count] of [
      ['endnote-export.enw', 3],
      ['refworks-export.txt', 3],
    ] as const) {
      const copy = temp.write(name.replace(/\.\w+$/, '.txt'), fs.readFileSync(fixture(`wild/${name}`)));
      for (const file of [fixture(`wild/${name}`), copy]) {
        const result = await readPaperFiles([file]);
        expect(result.papers.length, file).toBe(count);
      }
    }
  });

  it('reports an id used in two files with both locations under strict, keeping the first paper', async () => {
    const first = temp.write(
      'a.jsonl',
      '{"id":"x","title":"First"}\n{"id":"y","title":"Y"}\n{"id":"dup","title":"One"}\n',
    );
    const second = temp.write('b.csv', 'id,title\nz,Z\ndup,Two\n');
    const { papers, problems } = await readPaperFiles([first, second], { strict: true });
    expect(papers.map((entry) => entry.paper.id)).toEqual(['x', 'y', 'dup', 'z']);
    expect(papers.find((entry) => entry.paper.id === 'dup')?.paper.title).toBe('One');
    expect(problems).toEqual([
      { file: second, line: 3, record: 2, field: 'id', message: `duplicate id "dup": also at ${first} line 3` },
    ]);
  });

  it('keeps a repeated id apart as "<id>-2", merges an identical repeat, and says so, by default', async () => {
    const file = temp.write(
      'repeats.jsonl',
      '{"id":"k","title":"One"}\n{"id":"k","title":"Two"}\n{"id":"k","title":"One"}\n{"id":"k","title":"Three"}\n',
    );
    const { papers, problems, repairs } = await readPaperFiles([file]);
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.title])).toEqual([
      ['k', 'One'],
      ['k-2', 'Two'],
      ['k-3', 'Three'],
    ]);
    expect(papers[1]?.fingerprint).toBeNull();
    expect(papers[0]?.fingerprint).not.toBeNull();
    expect(repairs.map(formatProblem)).toEqual([
      `${file}:2 (record 2) id: the id "k" is also used at ${file} line 1; this paper was kept as "k-2"`,
      `${file}:3 (record 3) id: repeats the paper "k" at ${file} line 1 exactly; the two were merged`,
      `${file}:4 (record 4) id: the id "k" is also used at ${file} line 1; this paper was kept as "k-3"`,
    ]);
  });

  it('merges the records of one DOI from two exports into one paper, whatever the case, filling in what the first lacks', async () => {
    const first = temp.write(
      'zotero.jsonl',
      '{"title":"Sparse routing","doi":"10.1/abc","authors":["Ana Ruiz"],"year":2021}\n',
    );
    const second = temp.write(
      'scopus.ris',
      'TY  - JOUR\nTI  - Sparse routing for experts\nAU  - Ruiz, Ana\nPY  - 2021\nDO  - https://doi.org/10.1/ABC\nAB  - We route tokens to few experts.\nKW  - moe\nER  - \n',
    );
    const { papers, problems, repairs } = await readPaperFiles([first, second]);
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => paper)).toEqual([
      expect.objectContaining({
        id: 'doi:10.1/abc',
        title: 'Sparse routing',
        abstract: 'We route tokens to few experts.',
        authors: ['Ana Ruiz'],
        tags: ['moe'],
      }),
    ]);
    // The kept paper now depends on the second record too.
    expect(papers[0]?.fingerprint).toBeNull();
    expect(repairs.map(formatProblem)).toEqual([
      `${second}:1 (record 1) id: names the same work as "doi:10.1/abc" at ${first} line 1; the two were merged, taking its abstract, tags from this record`,
    ]);
  });

  it("merges a record under its own id with another export's record of the same DOI, in either order", async () => {
    const bib = temp.write(
      'refs.bib',
      '@article{lin2026sinks,\n  title = {Where Attention Sinks Come From},\n  author = {Lin, Kai},\n  year = {2026},\n  doi = {10.1234/sinks.1}\n}\n',
    );
    const ris = temp.write(
      'scopus.ris',
      'TY  - JOUR\nTI  - Where attention sinks come from\nAU  - Lin, Kai\nPY  - 2026\nDO  - 10.1234/SINKS.1\nAB  - Sinks come from a variance discrepancy.\nER  - \n',
    );
    const bibFirst = await readPaperFiles([bib, ris]);
    expect(bibFirst.papers.map(({ paper }) => [paper.id, paper.abstract])).toEqual([
      ['lin2026sinks', 'Sinks come from a variance discrepancy.'],
    ]);
    expect(bibFirst.repairs.map(formatProblem)).toEqual([
      `${ris}:1 (record 1) id: names the same work as "lin2026sinks" at ${bib} line 1; the two were merged, taking its abstract from this record`,
    ]);
    // The kept paper's id does not name its DOI, so the next run reads its record again to merge again.
    expect(bibFirst.papers[0]?.fingerprint).toBeNull();
    const risFirst = await readPaperFiles([ris, bib]);
    expect(risFirst.papers.map(({ paper }) => paper.id)).toEqual(['doi:10.1234/SINKS.1']);
    // Under --strict nothing is repaired: the two records stay two papers, as before.
    expect((await readPaperFiles([bib, ris], { strict: true })).papers).toHaveLength(2);
  });

  it('finds a merged paper by the DOI it took from a later record, too', async () => {
    const file = temp.write(
      'three.jsonl',
      [
        '{"title":"Sparse routing","arxivId":"2101.00001"}',
        '{"title":"Sparse routing","arxivId":"2101.00001","doi":"10.1/abc"}',
        '{"id":"ruiz2021","title":"Sparse routing for experts","doi":"10.1/ABC"}',
      ].join('\n'),
    );
    const { papers } = await readPaperFiles([file]);
    expect(papers.map(({ paper }) => [paper.id, paper.doi])).toEqual([['arxiv:2101.00001', '10.1/abc']]);
  });

  it('leaves out a record of a work the index already holds, rather than adding it twice', async () => {
    const line = '{"title":"Sparse routing","doi":"10.1/abc"}';
    const first = temp.write('zotero.jsonl', `${line}\n`);
    const second = temp.write('more.jsonl', '{"title":"Sparse routing for experts","doi":"10.1/abc"}\n');
    const known = (fingerprint: string) =>
      fingerprint === recordFingerprint(Buffer.from(line)) ? 'doi:10.1/abc' : undefined;
    const { papers, indexed, repairs } = await readPaperFiles([first, second], { known });
    expect(indexed.map((record) => record.id)).toEqual(['doi:10.1/abc']);
    expect(papers).toEqual([]);
    expect(repairs.map(formatProblem)).toEqual([
      `${second}:1 (record 1) id: names the same work as "doi:10.1/abc" at ${first} line 1, which the index already holds; this record was left out`,
    ]);
  });

  it('drops an invalid value and keeps the paper by default, refusing only a record with nothing usable', async () => {
    const file = temp.write(
      'mixed.jsonl',
      '{"id":"a","title":"A","year":"soon","authors":[{"x":1}]}\n{"id":"b","year":2020}\n{"id":"c","abstract":"Only an abstract."}\n',
    );
    const { papers, problems, repairs } = await readPaperFiles([file]);
    expect(papers.map(({ paper }) => [paper.id, paper.title, paper.year, paper.authors])).toEqual([
      ['a', 'A', null, []],
      ['c', 'Only an abstract.', null, []],
    ]);
    expect(repairs.map((repair) => [repair.line, repair.field])).toEqual([
      [1, 'year'],
      [1, 'authors[0]'],
    ]);
    expect(repairs[0]?.message).toMatch(/; the value was dropped$/);
    // Kept without its fingerprint: the next run reads it again and reports the repairs again.
    expect(papers[0]?.fingerprint).toBeNull();
    expect(papers[1]?.fingerprint).not.toBeNull();
    expect(problems.map((problem) => [problem.line, problem.field, problem.message])).toEqual([
      [2, 'title', 'is missing, and there is no abstract to take one from'],
    ]);
  });

  it('reports a duplicate id within one file too under strict', async () => {
    const file = temp.write('same.json', '[{"id":"a","title":"A"}, {"id":"a","title":"B"}]');
    const { problems } = await readPaperFiles([file], { strict: true });
    expect(problems).toEqual([
      { file, line: 1, record: 2, field: 'id', message: `duplicate id "a": also at ${file} line 1` },
    ]);
  });

  it('passes over JSON Lines records whose fingerprint the index knows, and parses the rest', async () => {
    const lines = ['{"id":"a","title":"A"}', '{"id":"b","title":"B"}', '', '{"id":"c","title":"C"}'];
    const file = temp.write('known.jsonl', `${lines.join('\n')}\n`);
    const first = await readPaperFiles([file]);
    const fingerprints = new Map(first.papers.map(({ paper, fingerprint }) => [fingerprint!, paper.id]));
    expect(fingerprints.size).toBe(3);

    fs.writeFileSync(file, `${[lines[0], '{"id":"b","title":"B changed"}', '', lines[3]].join('\n')}\n`);
    const again = await readPaperFiles([file], { known: (fingerprint) => fingerprints.get(fingerprint) });
    expect(again.papers.map(({ paper }) => [paper.id, paper.title])).toEqual([['b', 'B changed']]);
    expect(again.indexed).toEqual([
      { id: 'a', location: { file, line: 1, record: 1 } },
      { id: 'c', location: { file, line: 4, record: 3 } },
    ]);
    expect(again.problems).toEqual([]);
  });

  it('keeps no fingerprint for a paper whose id is made from its location', async () => {
    const file = temp.write('anon.jsonl', '{"title":"No id"}\n{"doi":"10.1/x","title":"A DOI"}\n');
    const { papers } = await readPaperFiles([file]);
    expect(papers.map(({ paper, fingerprint }) => [paper.id, fingerprint === null])).toEqual([
      ['anon-1', true],
      ['doi:10.1/x', false],
    ]);
  });

  it('keeps the first of two records with one id whether or not it was parsed, under strict', async () => {
    const oldLine = '{"id":"d","title":"Old"}';
    const known = (fingerprint: string) => (fingerprint === recordFingerprint(Buffer.from(oldLine)) ? 'd' : undefined);
    const file = temp.write('dups.jsonl', `${oldLine}\n{"id":"d","title":"New"}\n`);
    const read = await readPaperFiles([file], { known, strict: true });
    expect(read.indexed).toEqual([{ id: 'd', location: { file, line: 1, record: 1 } }]);
    expect(read.papers).toEqual([]);
    expect(read.problems).toEqual([
      { file, line: 2, record: 2, field: 'id', message: `duplicate id "d": also at ${file} line 1` },
    ]);

    fs.writeFileSync(file, `{"id":"d","title":"New"}\n${oldLine}\n`);
    const swapped = await readPaperFiles([file], { known, strict: true });
    expect(swapped.papers.map(({ paper }) => paper.title)).toEqual(['New']);
    expect(swapped.indexed).toEqual([]);
    expect(swapped.problems).toEqual([
      { file, line: 2, record: 2, field: 'id', message: `duplicate id "d": also at ${file} line 1` },
    ]);
  });

  it('finds a bad UTF-8 byte in a JSON Lines file after lines it passed over, when told the file is UTF-8', async () => {
    const good = '{"id":"a","title":"A"}\n';
    const file = temp.write('mixed.jsonl', Buffer.concat([Buffer.from(good), Buffer.from([0x7b, 0xe9, 0x7d, 0x0a])]));
    const { papers } = await readPaperFiles([temp.write('clean.jsonl', good)]);
    const known = (fingerprint: string) => (fingerprint === papers[0]!.fingerprint ? 'a' : undefined);
    const error = await readPaperFiles([file], { known, encoding: 'utf-8' }).catch((caught: AppError) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(
      /mixed\.jsonl is not valid UTF-8 text \(first bad byte at offset 24, line 2\)/,
    );
  });

  it('returns record problems alongside the valid papers instead of throwing, under strict', async () => {
    const file = temp.write('mixed.jsonl', '{"id":"a","title":"A"}\n{"id":"b","title":"B","year":"soon"}\n{oops\n');
    const { papers, problems } = await readPaperFiles([file], { strict: true });
    expect(papers.map((entry) => entry.paper.id)).toEqual(['a']);
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([
      [3, null],
      [2, 'year'],
    ]);
  });

  it('uses the given format instead of detecting one', async () => {
    const file = temp.write('export.txt', 'id;title\n');
    await expect(readPaperFiles([file])).rejects.toThrow(/could not tell the format/);
    const tsv = temp.write('export.data', 'id\ttitle\na\tA\n');
    const { papers } = await readPaperFiles([tsv], { format: 'tsv' });
    expect(papers.map((entry) => entry.paper.title)).toEqual(['A']);
  });

  it('rejects a missing file with UNREADABLE_FILE naming the path', async () => {
    const missing = `${temp.dir}/nope.jsonl`;
    const error = await rejection([missing]);
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toBe(`cannot read ${missing}: no such file`);
  });

  it('rejects a directory', async () => {
    const error = await rejection([temp.dir]);
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toBe(`${temp.dir} is a directory, not a file`);
  });

  it("rejects a paper's PDF or a Word file, saying what Citelens indexes instead", async () => {
    for (const [name, content, what] of [
      ['paper.pdf', '%PDF-1.7\n1 0 obj\n<< >>\nendobj\n', 'a PDF'],
      ['notes.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), "a word processor's file"],
    ] as const) {
      const error = await rejection([temp.write(name, content)]);
      expect(error.code, name).toBe('NOT_TEXT');
      expect(error.message, name).toMatch(new RegExp(`${name} is ${what}.*reference manager exports them`));
    }
  });

  it('rejects an empty, a binary, a non-UTF-8 and a UTF-16 file told to be UTF-8, each with its own message', async () => {
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['empty.jsonl', '', /empty\.jsonl is empty$/],
      ['image.json', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), /image\.json looks like a binary file/],
      [
        'latin1.csv',
        Uint8Array.from([0x69, 0x64, 0x0a, 0xe9]),
        /latin1\.csv is not valid UTF-8 text \(first bad byte at offset 3, line 2\)/,
      ],
      [
        'utf16.json',
        Uint8Array.from([0xff, 0xfe, 0x5b, 0x00, 0x5d, 0x00]),
        /utf16\.json is UTF-16 text .*re-save it as UTF-8$/,
      ],
    ];
    for (const [name, content, message] of cases) {
      const error = await rejection([temp.write(name, content)], { encoding: 'utf-8' });
      expect(error.code, name).toBe('UNREADABLE_FILE');
      expect(error.message, name).toMatch(message);
    }
  });

  it('rejects text whose format cannot be told with UNKNOWN_FORMAT', async () => {
    const error = await rejection([temp.write('letter.txt', 'Hello, world.\nRegards.')]);
    expect(error.code).toBe('UNKNOWN_FORMAT');
    expect(error.message).toMatch(/letter\.txt: could not tell the format/);
  });

  it('reads a file with a UTF-8 byte order mark', async () => {
    const file = temp.write(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,title\na,A\n')]),
    );
    const { papers } = await readPaperFiles([file]);
    expect(papers[0]?.paper).toMatchObject({ id: 'a', title: 'A' });
  });

  it('renders a problem as "file:line (record N) field: message", leaving out unknown parts', () => {
    expect(formatProblem({ file: 'a.jsonl', line: 3, record: 2, field: 'year', message: 'must be at most 2100' })).toBe(
      'a.jsonl:3 (record 2) year: must be at most 2100',
    );
    expect(
      formatProblem({ file: 'a.json', line: null, record: 5, field: null, message: 'expected a JSON object' }),
    ).toBe('a.json (record 5): expected a JSON object');
    expect(formatProblem({ file: 'a.csv', line: 9, record: null, field: null, message: 'quote not closed' })).toBe(
      'a.csv:9: quote not closed',
    );
  });

  it('reads a Windows-1252 JSON Lines or BibTeX file with a notice, and a UTF-16 one with a byte order mark', async () => {
    const jsonl = temp.write('old.jsonl', Buffer.from('{"id":"a","title":"Caf\u00e9 \u00e0 Paris"}\n', 'latin1'));
    const bib = temp.write('old.bib', Buffer.from('@article{b, title = {M\u00fcller\u0092s law}}\n', 'latin1'));
    const utf16 = temp.write(
      'new.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,title\nc,\u00c5ngstr\u00f6m\n', 'utf16le')]),
    );
    const { papers, notices } = await readPaperFiles([jsonl, bib, utf16]);
    expect(papers.map(({ paper }) => paper.title)).toEqual(['Café à Paris', 'Müller’s law', 'Ångström']);
    expect(notices.slice(0, 3)).toEqual([
      `${jsonl}: read as Windows-1252, since it is not valid UTF-8 (first non-UTF-8 byte at offset 22); pass --encoding to choose another`,
      `${bib}: read as Windows-1252, since it is not valid UTF-8 (first non-UTF-8 byte at offset 22); pass --encoding to choose another`,
      `${utf16}: read as UTF-16LE (it starts with a UTF-16LE byte order mark)`,
    ]);
  });

  it('refuses a file larger than the whole-file limit before reading it', async () => {
    const file = temp.write('big.bib', '@misc{a, title = {A}}\n');
    const limit = READ_LIMITS.maxFileBytes;
    READ_LIMITS.maxFileBytes = 10;
    try {
      await expect(readPaperFiles([file])).rejects.toMatchObject({
        code: 'FILE_TOO_LARGE',
        message: `${file} is larger than 10 bytes, the most read as one document; nothing was read`,
      });
    } finally {
      READ_LIMITS.maxFileBytes = limit;
    }
  });

  it('reads one preprint as one paper with one arXiv id from a BibTeX eprint, a CSL-JSON URL, a RIS link and an arXiv feed', async () => {
    const bib = temp.write(
      'refs.bib',
      '@article{witten1998,\n  title = {Anti de Sitter space and holography},\n  eprint = {hep-th/9802150v2},\n  archivePrefix = {arXiv}\n}\n',
    );
    const csl = temp.write(
      'refs.json',
      JSON.stringify([
        {
          id: 'item-1',
          type: 'article',
          title: 'Anti de Sitter space and holography',
          author: [{ family: 'Witten', given: 'Edward' }],
          URL: 'https://arxiv.org/abs/hep-th/9802150v1',
        },
      ]),
    );
    const ris = temp.write(
      'refs.ris',
      'TY  - JOUR\nTI  - Anti de Sitter space and holography\nUR  - http://arxiv.org/pdf/hep-th/9802150v2\nER  - \n',
    );
    const feed = temp.write(
      'feed.atom',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/hep-th/9802150v2</id><title>Anti de Sitter space and holography</title><summary>A holographic correspondence.</summary></entry></feed>',
    );
    const read = await readPaperFiles([bib, csl, ris, feed]);
    expect(read.papers.map((entry) => [entry.paper.id, entry.paper.arxivId])).toEqual([
      ['witten1998', 'hep-th/9802150'],
    ]);
  });

  it('reads an old-style arXiv id written with and without its subject class in two files as one paper', async () => {
    const bib = temp.write(
      'refs.bib',
      '@article{,\n  title = {Moduli of curves},\n  eprint = {math.AG/0301001v2},\n  archivePrefix = {arXiv}\n}\n',
    );
    const jsonl = temp.write(
      'more.jsonl',
      '{"title":"Moduli of curves","abstract":"Curves and their moduli.","arxivId":"math/0301001"}\n',
    );
    const ris = temp.write(
      'refs.ris',
      'TY  - JOUR\nTI  - Moduli of curves\nUR  - https://arxiv.org/abs/math.AG/0301001\nER  - \n',
    );
    const read = await readPaperFiles([bib, jsonl, ris]);
    expect(read.papers.map(({ paper }) => [paper.id, paper.arxivId, paper.abstract])).toEqual([
      ['arxiv:math/0301001', 'math/0301001', 'Curves and their moduli.'],
    ]);
  });
});

describe('papersOfExport', () => {
  it("reads a reference manager's export given as text, each paper with the line it starts on", () => {
    const ris =
      'TY  - JOUR\nTI  - Glacier melt rates in the Alps\nAU  - Meier, Hans\nPY  - 2022\nER  - \n\nTY  - JOUR\nTI  - Caffeine and memory\nDO  - 10.5555/caf.2024.001\nER  - \n';
    expect(
      papersOfExport(ris, 'references')?.map(({ paper, location }) => [paper.title, paper.doi, location.line]),
    ).toEqual([
      ['Glacier melt rates in the Alps', null, 1],
      ['Caffeine and memory', '10.5555/caf.2024.001', 7],
    ]);
    const bib = '@article{meier22, title={Glacier melt rates}, author={Meier, Hans}, year=2022}';
    expect(papersOfExport(bib, 'references')?.map(({ paper }) => [paper.id, paper.authors])).toEqual([
      ['meier22', ['Hans Meier']],
    ]);
  });

  it('gives null for a plain reference list, which is read as text', () => {
    expect(
      papersOfExport('[1] Meier, H. (2022). Glacier melt rates in the Alps.\n[2] Lin, K. Sinks.', 'references'),
    ).toBeNull();
    expect(papersOfExport('Meier, H. (2022). Glacier melt rates in the Alps.', 'references')).toBeNull();
  });

  it('says which file holds no record of its format, instead of adding nothing silently, without refusing the run', async () => {
    const ris = temp.write('saved.ris', 'Provider: Some Database\nContent: text/plain\n');
    const strings = temp.write('strings.bib', '@string{jgr = {Journal of Geophysical Research}}\n');
    const refs = temp.write('refs.bib', '@article{a, title = {Ice}, year = {2020}}\n');
    const read = await readPaperFiles([ris, strings, refs], { strict: true });
    expect(read.problems).toEqual([]);
    expect(read.papers.map((entry) => entry.paper.id)).toEqual(['a']);
    expect(read.notices).toEqual([
      `${ris}: holds no RIS record: no line starts "TY  - " or "TY - " (the type tag, then a dash), as each record of a RIS export does`,
      `${strings}: holds no entry, only 1 @string, which the entries of the other .bib files may use`,
    ]);
  });

  it('says an .rdf of Dublin Core records alone holds no Zotero item, without claiming none of its nodes is typed', async () => {
    const rdf = temp.write(
      'repository.rdf',
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <rdf:Description rdf:about="https://repository.example.org/item/17"><dc:title>Basal melt in fjords</dc:title></rdf:Description>
</rdf:RDF>
`,
    );
    const read = await readPaperFiles([rdf]);
    expect(read.papers).toEqual([]);
    expect(read.notices).toEqual([
      `${rdf}: holds no Zotero item: no node in it has a z:itemType or a class read as an item (bib:Article, bib:Book…), so it is no "Zotero RDF" export`,
    ]);
  });
});
