import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { FIELD_ALIASES, zPaper } from '../../../indexer/paper.schema.ts';
import { readArxivAtom } from '../../../indexer/readers/arxiv-atom.reader.ts';
import { readBibtex } from '../../../indexer/readers/bibtex.reader.ts';
import { readCslJson } from '../../../indexer/readers/csl-json.reader.ts';
import { readCsv, readTsv } from '../../../indexer/readers/csv.reader.ts';
import { readEndnoteTagged } from '../../../indexer/readers/endnote-tagged.reader.ts';
import { readEndnoteXml } from '../../../indexer/readers/endnote-xml.reader.ts';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { readJson } from '../../../indexer/readers/json.reader.ts';
import { readJsonl } from '../../../indexer/readers/jsonl.reader.ts';
import { readMedline } from '../../../indexer/readers/medline.reader.ts';
import { readModsXml } from '../../../indexer/readers/mods-xml.reader.ts';
import { readPubmedXml } from '../../../indexer/readers/pubmed-xml.reader.ts';
import type { InputProblem, Reader, ReadResult } from '../../../indexer/readers/reader.ts';
import { validateRecord } from '../../../indexer/readers/records.ts';
import { readRefworks } from '../../../indexer/readers/refworks.reader.ts';
import { readRis } from '../../../indexer/readers/ris.reader.ts';
import { readWos } from '../../../indexer/readers/wos.reader.ts';
import { readZoteroRdf } from '../../../indexer/readers/zotero-rdf.reader.ts';
import { makeTempDir, readWith } from './read-fixture.ts';

const READERS: [string, Reader][] = [
  ['jsonl', readJsonl],
  ['json', readJson],
  ['csv', readCsv],
  ['tsv', readTsv],
  ['bibtex', readBibtex],
  ['csl-json', readCslJson],
  ['arxiv-atom', readArxivAtom],
  ['pubmed-xml', readPubmedXml],
  ['endnote-xml', readEndnoteXml],
  ['ris', readRis],
  ['medline', readMedline],
  ['wos', readWos],
  ['endnote-tagged', readEndnoteTagged],
  ['refworks', readRefworks],
  ['zotero-rdf', readZoteroRdf],
  ['mods', readModsXml],
];

/** Pieces of every format, so random text reaches deep into the parsers instead of failing at the first byte. */
const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ',',
  ':',
  '=',
  '#',
  '"',
  "'",
  '\\',
  '\\"',
  '\n',
  '\r\n',
  '\t',
  ' ',
  '@',
  '%',
  '@article{',
  '@string{',
  '@comment{',
  '@preamble{',
  'k1,',
  'title',
  'author',
  ' and ',
  '{\\"u}',
  '\\&',
  '$',
  '"id":',
  '"title":',
  '"year":',
  '"authors":',
  '"issued":',
  '{"date-parts":[[',
  '"x"',
  '2024',
  '-1',
  '1e999',
  'null',
  'id,title,year\n',
  'id\ttitle\n',
  '<?xml version="1.0"?>',
  '<feed>',
  '</feed>',
  '<entry>',
  '</entry>',
  '<id>',
  '</id>',
  '<title>',
  '</title>',
  '<name>',
  '&amp;',
  '&#0;',
  '<![CDATA[',
  ']]>',
  'http://arxiv.org/abs/2401.01234v2',
  '<!DOCTYPE feed [',
  '<!ENTITY a "x">',
  '<!ENTITY % p "y">',
  ']>',
  '&a;',
  '<PubmedArticleSet>',
  '<PubmedArticle>',
  '<PMID>',
  '</PMID>',
  '<ArticleTitle>',
  '</ArticleTitle>',
  '<AbstractText Label="RESULTS">',
  '</AbstractText>',
  '<Author><LastName>',
  '</LastName><ForeName>',
  '<PubDate><MedlineDate>',
  '1998 Dec-1999 Jan',
  '<ArticleId IdType="doi">',
  '<xml><records><record>',
  '</record>',
  '<titles><title><style face="normal">',
  '</style>',
  '<contributors><authors><author>',
  '<dates><year>',
  '<electronic-resource-num>',
  '"results":[',
  '"abstract_inverted_index":{"a":[0,',
  '"tldr":{"text":',
  'TY  - JOUR\n',
  'ER  - \n',
  'TI  - ',
  'AU  - ',
  'PMID- 1\n',
  'FAU - ',
  '      ',
  'PT\tAU\tTI\tUT\n',
  '<p>',
  '</h3>',
  '<jats:p>',
  '&nbsp;',
  '&#x1F600;',
  '\\emph{',
  '\\cite{x}',
  '@article{,',
  "O'Hara_1999,",
  '%0 Journal Article\n',
  '%T ',
  '%A ',
  '%K ',
  '%X ',
  '%R https://doi.org/10.1/x',
  '%U http://arxiv.org/abs/1706.03762v5',
  '\n\n',
  'RT Journal Article\n',
  'A1 ',
  'T1 ',
  'K1 ',
  'AB ',
  'DO ',
  'YR 2020\n',
  '{"status":"ok","message-type":"work-list","message":{"items":[',
  '{"message-type":"work","message":',
  '"DOI":"10.1/x",',
  '"title":["',
  '"author":[{"given":"A","family":',
  '"issued":{"date-parts":[[null]]},',
  '"member":"1"',
  '"About the data: Exported on Dec 06, 2026"\n',
  'Title,Authors,PubYear,DOI,Publication ID\n',
  'Lens ID,Title,Author/s,MeSH Terms\n',
  '"pub.1",',
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:z="http://www.zotero.org/namespaces/export#">',
  '</rdf:RDF>',
  '<bib:Article rdf:about="#item_1">',
  '</bib:Article>',
  '<z:itemType>journalArticle</z:itemType>',
  '<dcterms:isPartOf rdf:resource="#item_1"/>',
  '<rdf:Seq><rdf:li><foaf:Person><foaf:surname>',
  '<dc:identifier>DOI 10.1/x</dc:identifier>',
  '<modsCollection xmlns="http://www.loc.gov/mods/v3">',
  '<mods>',
  '</mods>',
  '<titleInfo><title>',
  '</title></titleInfo>',
  '<name type="personal"><namePart type="family">',
  '</namePart><role><roleTerm type="code">aut</roleTerm></role></name>',
  '<relatedItem type="host">',
  '</relatedItem>',
  '<originInfo><dateIssued encoding="w3cdtf">',
  '<identifier type="doi">',
  '</identifier>',
];
const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), tokenText);

function expectWellFormed(problems: readonly InputProblem[], file: string): void {
  for (const problem of problems) {
    expect(problem.file).toBe(file);
    expect(problem.line !== null || problem.record !== null).toBe(true);
    expect(problem.line === null || (Number.isInteger(problem.line) && problem.line >= 1)).toBe(true);
    expect(problem.record === null || (Number.isInteger(problem.record) && problem.record >= 1)).toBe(true);
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

function expectValid(result: ReadResult, file: string): void {
  expectWellFormed(result.problems, file);
  for (const { paper, location } of result.papers) {
    expect(zPaper.safeParse(paper).success).toBe(true);
    expect(location.file).toBe(file);
    expect(location.record).toBeGreaterThanOrEqual(1);
  }
}

describe('readers (properties)', () => {
  it.each(READERS)(
    'the %s reader turns any text into records and located problems without throwing',
    (_name, reader) => {
      fc.assert(
        fc.property(anyText, (text) => {
          expectValid(readWith(reader, text, 'random.txt'), 'random.txt');
        }),
        { numRuns: 300 },
      );
    },
  );

  it('validates any record of JSON values into a valid Paper or located problems, never throwing', () => {
    const keys = fc.constantFrom(...Object.values(FIELD_ALIASES).flat(), 'Title', 'notes', '__proto__', 'constructor');
    const fields = fc.dictionary(keys, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 });
    fc.assert(
      fc.property(fields, (record) => {
        const outcome = validateRecord({ fields: record, location: { file: 'f.json', line: 2, record: 1 } });
        expectWellFormed(outcome.problems, 'f.json');
        if (outcome.paper) expect(zPaper.safeParse(outcome.paper).success).toBe(true);
        expect(outcome.paper === null).toBe(outcome.problems.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('repairs any record of JSON values into a valid Paper, or refuses it with located problems, never throwing', () => {
    const keys = fc.constantFrom(...Object.values(FIELD_ALIASES).flat(), 'Title', 'notes', '__proto__', 'constructor');
    const fields = fc.dictionary(keys, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 });
    fc.assert(
      fc.property(fields, (record) => {
        const outcome = validateRecord(
          { fields: record, location: { file: 'f.json', line: 2, record: 1 } },
          { repair: true },
        );
        expectWellFormed([...outcome.problems, ...outcome.repairs], 'f.json');
        if (outcome.paper) expect(zPaper.safeParse(outcome.paper).success).toBe(true);
        expect(outcome.paper === null).toBe(outcome.problems.length > 0);
        if (outcome.paper === null) expect(outcome.repairs).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  describe('readPaperFiles', () => {
    let temp: ReturnType<typeof makeTempDir>;
    beforeAll(() => {
      temp = makeTempDir();
    });
    afterAll(() => temp.cleanup());

    it('reads any bytes into located problems or rejects with an AppError, never anything else', async () => {
      const names = fc.constantFrom(
        'a.jsonl',
        'a.json',
        'a.csv',
        'a.tsv',
        'a.bib',
        'a.xml',
        'a.txt',
        'noext',
        'a.ris',
        'a.nbib',
        'a.enw',
        'a.rdf',
      );
      const content = fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        tokenText.map((text) => new TextEncoder().encode(text)),
      );
      let run = 0;
      await fc.assert(
        fc.asyncProperty(names, content, async (name, bytes) => {
          run += 1;
          const file = temp.write(`${run}-${name}`, bytes);
          let result: ReadResult;
          try {
            result = await readPaperFiles([file]);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            return;
          }
          expectValid(result, file);
        }),
        { numRuns: 300 },
      );
    });
  });
});
