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
});
