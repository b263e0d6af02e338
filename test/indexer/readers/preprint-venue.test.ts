import { afterEach, describe, expect, it } from 'vitest';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { preprintOfVenue, preprintServerOf } from '../../../indexer/readers/preprint-venue.ts';
import { makeTempDir } from './read-fixture.ts';

describe('preprint-venue', () => {
  it('reads the arXiv id of a venue that names only a preprint, as Google Scholar and Zotero write one', () => {
    expect(preprintOfVenue('arXiv preprint arXiv:1810.04805')).toBe('1810.04805');
    expect(preprintOfVenue('arXiv:1706.03762 [cs]')).toBe('1706.03762');
    expect(preprintOfVenue('arXiv:1802.03426 [cs, stat]')).toBe('1802.03426');
    expect(preprintOfVenue('arXiv:1706.03762v5 [cs.CL]')).toBe('1706.03762');
    expect(preprintOfVenue('arXiv:hep-th/9901001v2 [hep-th]')).toBe('hep-th/9901001');
  });

  it("reads the arXiv id of DBLP's CoRR venue with its volume, and of arXiv named before one", () => {
    expect(preprintOfVenue('CoRR abs/2101.00001')).toBe('2101.00001');
    expect(preprintOfVenue('CoRR abs/cs.AI/0101001')).toBe('cs/0101001');
    expect(preprintOfVenue('ArXiv abs/2101.00001v2')).toBe('2101.00001');
    expect(preprintOfVenue('arXiv e-prints, arXiv:2004.01234')).toBe('2004.01234');
  });

  it('names no preprint for a venue of its own, one that mentions arXiv among other words included', () => {
    for (const venue of ['ArXiv', 'arXiv e-prints', 'Advances in NeurIPS (arXiv:1810.04805)', 'Nature', '2101.00001']) {
      expect(preprintOfVenue(venue), venue).toBeUndefined();
    }
  });

  it("gives arXiv's one name to each way exporters spell it, DBLP's CoRR included", () => {
    for (const venue of [
      'ArXiv',
      'arXiv.org',
      'arXiv e-prints',
      'arXiv preprint',
      'arXiv preprint.',
      'ArXiv.org e-Print archive',
      'arXiv (Cornell University)',
      'CoRR',
      'CoRR abs/2101.00001',
      'Computing Research Repository (CoRR)',
      'arXiv preprint arXiv:1810.04805',
      'arXiv:1706.03762 [cs]',
    ]) {
      expect(preprintServerOf(venue), venue).toBe('arXiv');
    }
  });

  it("gives bioRxiv's and medRxiv's one names to their spellings, each its own venue", () => {
    for (const venue of [
      'BioRxiv',
      'bioRxiv',
      'bioRxiv: the preprint server for biology',
      'bioRxiv (Cold Spring Harbor Laboratory)',
    ]) {
      expect(preprintServerOf(venue), venue).toBe('bioRxiv');
    }
    for (const venue of ['MedRxiv', 'medRxiv: the preprint server for health sciences']) {
      expect(preprintServerOf(venue), venue).toBe('medRxiv');
    }
  });

  it('leaves a venue that is not only a preprint server as it is', () => {
    for (const venue of [
      'Nature',
      'CORR',
      'Clinical Orthopaedics and Related Research',
      'Findings of ACL (arXiv:2001.00001)',
      'Transactions on arXiv Studies',
      'ChemRxiv',
      '2101.00001',
    ]) {
      expect(preprintServerOf(venue), venue).toBeUndefined();
    }
  });
});

describe('preprint-venue in every reader', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('stores one arXiv venue whichever format and exporter spelled it', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const files = [
      temp.write(
        'own.jsonl',
        [
          '{"id": "a", "title": "Sparse retrieval", "venue": "arXiv.org"}',
          '{"id": "b", "title": "Dense retrieval", "journal": "arXiv e-prints"}',
        ].join('\n'),
      ),
      temp.write('list.csv', 'id,title,venue\nc,Graph rewiring,ArXiv\nd,Tidal melt,BioRxiv\n'),
      temp.write(
        'items.json',
        '[{"id": "e", "type": "article", "title": "Code search", "container-title": "arXiv preprint"}]',
      ),
      temp.write('scholar.enw', '%0 Journal Article\n%T Query expansion\n%A Chen, Bo\n%J ArXiv\n%D 2020\n'),
      temp.write(
        'dblp.bib',
        '@article{f, title = {Rank fusion}, journal = {CoRR}, volume = {abs/2101.00001}, year = {2021}}\n',
      ),
    ];
    const read = await readPaperFiles(files);
    expect(read.problems).toEqual([]);
    expect(read.papers.map(({ paper }) => [paper.title, paper.venue])).toEqual([
      ['Sparse retrieval', 'arXiv'],
      ['Dense retrieval', 'arXiv'],
      ['Graph rewiring', 'arXiv'],
      ['Tidal melt', 'bioRxiv'],
      ['Code search', 'arXiv'],
      ['Query expansion', 'arXiv'],
      ['Rank fusion', 'arXiv'],
    ]);
    expect(read.papers.at(-1)?.paper.arxivId).toBe('2101.00001');
  });
  it("keeps the arXiv id a JSON, CSL-JSON, CSV or RIS venue names, without changing any record's id", async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const files = [
      temp.write(
        'own.json',
        JSON.stringify([
          { id: 'own2', title: 'Deep bidirectional transformers', journal: 'arXiv preprint arXiv:1810.04805' },
          { title: 'Attention everywhere', journal: 'arXiv:1706.03762 [cs]' },
        ]),
      ),
      temp.write(
        'items.json',
        '[{"id": "csl1", "type": "article", "title": "Rank fusion", "container-title": "CoRR abs/2101.00001"}]',
      ),
      temp.write('list.csv', 'id,title,venue\nrow1,Graph rewiring,ArXiv abs/2004.01234\n'),
      temp.write(
        'zotero.ris',
        'TY  - JOUR\nTI  - Graph sparsification\nAU  - Doe, Jane\nPY  - 2019\nJO  - ArXiv abs/1901.00003\nER  - \n',
      ),
    ];
    const read = await readPaperFiles(files);
    expect(read.problems).toEqual([]);
    expect(read.papers.map(({ paper }) => [paper.id, paper.venue, paper.arxivId])).toEqual([
      ['own2', 'arXiv', '1810.04805'],
      // A record without an id keeps the one its place gives it, as before its venue was read as arXiv's.
      ['own-2', 'arXiv', '1706.03762'],
      ['csl1', 'arXiv', '2101.00001'],
      ['row1', 'arXiv', '2004.01234'],
      // RIS keys a record by its content unless it has a DOI or its venue is written "arXiv:<id>".
      ['doe2019graph', 'arXiv', '1901.00003'],
    ]);
  });
});
