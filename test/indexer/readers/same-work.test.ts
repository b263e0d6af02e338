import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PaperInput, zPaper } from '../../../indexer/paper.schema.ts';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { filledFrom } from '../../../indexer/readers/same-work.ts';
import { makeTempDir } from './read-fixture.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** arXiv's own BibTeX export of a preprint: no journal, so its venue is arXiv (bibtex-venue.ts). */
const ARXIV_EXPORT =
  '@misc{vaswani2023attention,\n  title={Attention Is All You Need},\n  author={Ashish Vaswani and Noam Shazeer},\n  year={2023},\n  eprint={1706.03762},\n  archivePrefix={arXiv},\n  primaryClass={cs.CL},\n  url={https://arxiv.org/abs/1706.03762},\n}\n';
/** Google Scholar's entry of the same preprint: its journal names arXiv and the id. */
const SCHOLAR_EXPORT =
  '@article{vaswani2017attention,\n  title={Attention is all you need},\n  author={Vaswani, Ashish and Shazeer, Noam},\n  journal={arXiv preprint arXiv:1706.03762},\n  year={2017}\n}\n';
/** A RIS record of the paper as published, which names its preprint by its arxiv.org link. */
const PUBLISHED =
  'TY  - CONF\nTI  - Attention is all you need\nAU  - Vaswani, Ashish\nAU  - Shazeer, Noam\nT2  - Advances in Neural Information Processing Systems\nPY  - 2017\nUR  - https://arxiv.org/abs/1706.03762\nAB  - The dominant sequence transduction models are based on complex recurrent networks.\nER  - \n';
const NEURIPS = 'Advances in Neural Information Processing Systems';

function paper(fields: Partial<PaperInput>) {
  return zPaper.parse({ id: 'p', title: 'Attention is all you need', ...fields });
}

describe('same-work', () => {
  it('takes the published venue over a venue naming only a preprint server, keeping the arXiv id', () => {
    const preprint = paper({ venue: 'arXiv', arxivId: '1706.03762' });
    const published = paper({ id: 'q', venue: NEURIPS, arxivId: '1706.03762v5' });
    const { paper: filled, added } = filledFrom(preprint, published);
    expect(added).toEqual(['venue']);
    expect(filled).toMatchObject({ venue: NEURIPS, arxivId: '1706.03762', metadata: { filledIn: ['venue'] } });
    expect(filledFrom(paper({ venue: 'bioRxiv' }), paper({ venue: 'eLife' })).paper.venue).toBe('eLife');
  });

  it("takes the published record's year with its venue, never a preprint's year over a published one", () => {
    const preprint = paper({ venue: 'arXiv', year: 2023, arxivId: '1706.03762' });
    const published = paper({ id: 'q', venue: NEURIPS, year: 2017, arxivId: '1706.03762' });
    const { paper: filled, added } = filledFrom(preprint, published);
    expect(added).toEqual(['year', 'venue']);
    expect(filled).toMatchObject({ venue: NEURIPS, year: 2017, metadata: { filledIn: ['year', 'venue'] } });
    expect(filledFrom(published, preprint)).toMatchObject({ paper: { venue: NEURIPS, year: 2017 }, added: [] });
    // A record without a year gives the venue alone; a preprint without a venue of its own keeps its year.
    expect(filledFrom(preprint, paper({ venue: NEURIPS })).paper).toMatchObject({ venue: NEURIPS, year: 2023 });
    expect(filledFrom(paper({ year: 2023 }), published).paper).toMatchObject({ venue: NEURIPS, year: 2023 });
    // A run that reads the preprint's record again takes the year only if the paper took it before.
    expect(filledFrom(preprint, published, new Set(['venue'])).added).toEqual(['venue']);
  });

  it('keeps arXiv against the publisher that a record of no stated kind names as its venue', async () => {
    const preprint = paper({ venue: 'arXiv', year: 2023 });
    const publisherOnly = paper({
      venue: 'Springer',
      year: 2017,
      metadata: { publisher: 'Springer', venueFromPublisher: true },
    });
    expect(filledFrom(preprint, publisherOnly).added).toEqual([]);
    // A book's publisher is where it appeared, and so is a journal named like its publisher.
    const book = paper({ venue: 'Springer', year: 2017, metadata: { publisher: 'Springer', type: 'book' } });
    expect(filledFrom(preprint, book).paper.venue).toBe('Springer');
    expect(filledFrom(preprint, paper({ venue: 'Springer', year: 2017 })).paper.venue).toBe('Springer');
    const bib = temp.write('lib.bib', ARXIV_EXPORT);
    const json = temp.write(
      'mine.json',
      JSON.stringify([{ title: 'Attention is all you need', doi: '10.48550/arXiv.1706.03762', publisher: 'Springer' }]),
    );
    const { papers } = await readPaperFiles([bib, json]);
    expect(papers.map(({ paper }) => [paper.venue, paper.year])).toEqual([['arXiv', 2023]]);
  });

  it('gives a journal named like its publisher ("PeerJ", "BMJ") to a preprint, from JSON and from a CSV', async () => {
    const bib = temp.write('lib.bib', ARXIV_EXPORT);
    const record = { title: 'Attention is all you need', doi: '10.48550/arXiv.1706.03762', year: 2018 };
    const json = temp.write('mine.json', JSON.stringify([{ ...record, journal: 'PeerJ', publisher: 'PeerJ' }]));
    const fromJson = await readPaperFiles([bib, json]);
    expect(fromJson.papers.map(({ paper }) => [paper.venue, paper.year])).toEqual([['PeerJ', 2018]]);
    const csv = temp.write(
      'scopus.csv',
      'Title,DOI,Year,Source title,Publisher\nAttention is all you need,10.48550/arXiv.1706.03762,2018,BMJ,BMJ\n',
    );
    const fromCsv = await readPaperFiles([bib, csv]);
    expect(fromCsv.papers.map(({ paper }) => [paper.venue, paper.year])).toEqual([['BMJ', 2018]]);
  });

  it('keeps a published venue against a preprint server, one preprint server against another, and any venue when only other fields are wanted', () => {
    const published = paper({ venue: NEURIPS });
    expect(filledFrom(published, paper({ venue: 'arXiv' })).added).toEqual([]);
    expect(filledFrom(published, paper({ venue: 'Neural Computation' })).added).toEqual([]);
    expect(filledFrom(paper({ venue: 'arXiv' }), paper({ venue: 'bioRxiv' })).added).toEqual([]);
    // A run that reads the preprint's record again keeps only the fields the paper took before (stored-works.ts).
    expect(filledFrom(paper({ venue: 'arXiv' }), published, new Set(['abstract'])).added).toEqual([]);
  });

  it("gives the published venue to arXiv's own BibTeX export read before a RIS record of the paper, as in the other order", async () => {
    const bib = temp.write('lib.bib', ARXIV_EXPORT);
    const ris = temp.write('lib.ris', PUBLISHED);
    const bibFirst = await readPaperFiles([bib, ris]);
    expect(bibFirst.papers.map(({ paper }) => [paper.id, paper.venue, paper.year, paper.arxivId])).toEqual([
      ['vaswani2023attention', NEURIPS, 2017, '1706.03762'],
    ]);
    expect(bibFirst.repairs.map((repair) => repair.message)).toEqual([
      `names the same work as "vaswani2023attention" at ${bib} line 1; the two were merged, taking its abstract, year, venue from this record`,
    ]);
    const risFirst = await readPaperFiles([ris, bib]);
    expect(risFirst.papers.map(({ paper }) => [paper.venue, paper.year, paper.arxivId])).toEqual([
      [NEURIPS, 2017, '1706.03762'],
    ]);
  });

  it('gives the published venue to a Google Scholar "arXiv preprint" entry read with a record of the paper as published', async () => {
    const bib = temp.write('scholar.bib', SCHOLAR_EXPORT);
    const ris = temp.write('lib.ris', PUBLISHED);
    const { papers } = await readPaperFiles([bib, ris]);
    expect(papers.map(({ paper }) => [paper.id, paper.venue, paper.arxivId])).toEqual([
      ['vaswani2017attention', NEURIPS, '1706.03762'],
    ]);
  });
});
