import { describe, expect, it } from 'vitest';
import { readWos } from '../../../indexer/readers/wos.reader.ts';
import { readFixture } from './read-fixture.ts';

describe('wos.reader', () => {
  it('reads a savedrecs.txt export: TI, AB, AF names, PY, SO, DE and ID keywords, DI and the UT accession', () => {
    const { papers, problems } = readFixture(readWos, 'wild/savedrecs.txt');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'wos:000600000000001',
      title: 'Graph neural networks for molecules',
      abstract: 'We learn on molecular graphs.',
      authors: ['John Smith', 'Alice Doe'],
      affiliations: ['Univ A'],
      year: 2021,
      venue: 'JOURNAL OF CHEMICAL INFORMATION',
      doi: '10.1021/acs.jcim.1',
      tags: ['graph neural networks', 'molecules', 'PREDICTION', 'MODELS'],
      metadata: { accessionNumber: 'WOS:000600000000001', publicationType: 'J', volume: '61' },
    });
    expect(papers.map(({ paper, location }) => [paper.id, location.line])).toEqual([
      ['wos:000600000000001', 2],
      ['wos:000600000000002', 3],
    ]);
  });

  it('reads the plain-text export the same way: FN/VR lines, PT … ER records, one author per indented line, wrapped titles', () => {
    const plain = readFixture(readWos, 'wild/savedrecs-plain.txt');
    const tabbed = readFixture(readWos, 'wild/savedrecs.txt');
    expect(plain.problems).toEqual([]);
    expect(plain.papers.map(({ paper }) => paper)).toEqual(tabbed.papers.map(({ paper }) => paper));
    expect(plain.papers.map(({ location }) => location.line)).toEqual([3, 21]);
  });

  it('reports a plain-text record left without its ER line, and keeps it', () => {
    const text = 'PT J\nTI First paper\nPT J\nTI Second paper\nER\n';
    const { records, problems } = readWos(text, 'cut.txt');
    expect(records.map((record) => record.fields.title)).toEqual(['First paper', 'Second paper']);
    expect(problems).toEqual([
      {
        file: 'cut.txt',
        line: 1,
        record: 1,
        field: null,
        message: 'the record has no "ER" line; it ends where the next "PT" starts',
      },
    ]);
  });

  it('gives the indented lines after a tag written alone to that tag', () => {
    const text = 'PT J\nTI Tides\nAB\n   Tides move warm water\n   under the shelf.\nER\n';
    const { records } = readWos(text, 'bare.txt');
    expect(records[0]?.fields).toMatchObject({ title: 'Tides', abstract: 'Tides move warm water under the shelf.' });
  });
});
