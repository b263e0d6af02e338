import { describe, expect, it } from 'vitest';
import { invertedIndexText } from '../../../indexer/readers/api-records.ts';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { readJson } from '../../../indexer/readers/json.reader.ts';
import { readJsonl } from '../../../indexer/readers/jsonl.reader.ts';
import { makeTempDir, readWith } from './read-fixture.ts';

// Shaped as the OpenAlex works API answers, with values written here.
const openAlexWork = {
  id: 'https://openalex.org/W1234567',
  doi: 'https://doi.org/10.1234/glacier.2019',
  title: 'Glacier retreat in the Alps',
  display_name: 'Glacier retreat in the Alps',
  publication_year: 2019,
  type: 'article',
  cited_by_count: 42,
  authorships: [
    { author: { id: 'https://openalex.org/A1', display_name: 'Marta Rossi' }, institutions: [] },
    { author: {}, raw_author_name: 'Jonas Weber' },
  ],
  primary_location: { source: { display_name: 'Journal of Glaciology' } },
  abstract_inverted_index: {
    Alpine: [0],
    glaciers: [1, 6],
    lost: [2],
    mass: [3],
    since: [4],
    '1980;': [5],
    retreat: [7],
  },
  concepts: [
    { display_name: 'Glacier', score: 0.9 },
    { display_name: 'Art', score: 0.1 },
  ],
  referenced_works: ['https://openalex.org/W1', 'https://openalex.org/W2'],
  counts_by_year: [{ year: 2020, cited_by_count: 10 }],
};

// Shaped as the Semantic Scholar graph API answers, with values written here.
const semanticScholarPaper = {
  paperId: '0f1e2d3c',
  externalIds: { DOI: '10.5555/tides.2020', ArXiv: '2001.01234', PubMed: '123' },
  title: 'Tidal forcing of ice shelves',
  abstract: null,
  tldr: { model: 'tldr@v2', text: 'Tides speed up ice-shelf melt.' },
  year: 2020,
  venue: '',
  publicationVenue: { name: 'Nature Geoscience' },
  authors: [{ authorId: '7', name: 'Ana Silva' }],
  fieldsOfStudy: ['Geology'],
  s2FieldsOfStudy: [{ category: 'Geology' }, { category: 'Physics' }],
  citationCount: 5,
};

describe('api-records', () => {
  it('reads an OpenAlex works answer: abstract from its inverted index, authors, venue, bare DOI, surer concepts', () => {
    const text = JSON.stringify({ meta: { count: 1 }, results: [openAlexWork] }, null, 2);
    const { papers, problems } = readWith(readJson, text, 'works.json');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'openalex:W1234567',
      title: 'Glacier retreat in the Alps',
      abstract: 'Alpine glaciers lost mass since 1980; glaciers retreat',
      authors: ['Marta Rossi', 'Jonas Weber'],
      year: 2019,
      venue: 'Journal of Glaciology',
      doi: '10.1234/glacier.2019',
      tags: ['Glacier'],
      metadata: { source: 'OpenAlex', type: 'article', citedByCount: 42 },
    });
    expect(papers[0]?.paper.metadata).not.toHaveProperty('referenced_works');
    expect(papers[0]?.location).toEqual({ file: 'works.json', line: 6, record: 1 });
  });

  it("keeps where an OpenAlex work's authors worked: as the paper wrote it, else the institution OpenAlex matched", () => {
    const work = {
      ...openAlexWork,
      authorships: [
        {
          author: { display_name: 'Marta Rossi' },
          institutions: [{ display_name: 'University of Padua' }],
          raw_affiliation_strings: ['Department of Geosciences, University of Padua, Italy'],
        },
        { author: { display_name: 'Jonas Weber' }, institutions: [{ display_name: 'ETH Zurich' }] },
        { author: { display_name: 'Lea Frei' }, institutions: [{ display_name: 'ETH Zurich' }] },
      ],
    };
    const { papers } = readWith(readJson, JSON.stringify({ results: [work] }), 'works.json');
    expect(papers[0]?.paper.affiliations).toEqual([
      'Department of Geosciences, University of Padua, Italy',
      'ETH Zurich',
    ]);
  });

  it('reads Semantic Scholar papers from a "data" answer and from JSON Lines, with its summary when the abstract is withheld', () => {
    const fromJson = readWith(readJson, JSON.stringify({ total: 1, data: [semanticScholarPaper] }), 's2.json');
    const fromJsonl = readWith(readJsonl, `${JSON.stringify(semanticScholarPaper)}\n`, 's2.jsonl');
    for (const { papers, problems } of [fromJson, fromJsonl]) {
      expect(problems).toEqual([]);
      expect(papers[0]?.paper).toMatchObject({
        id: 's2:0f1e2d3c',
        title: 'Tidal forcing of ice shelves',
        abstract: 'Tides speed up ice-shelf melt.',
        authors: ['Ana Silva'],
        year: 2020,
        venue: 'Nature Geoscience',
        doi: '10.5555/tides.2020',
        arxivId: '2001.01234',
        tags: ['Geology', 'Physics'],
        metadata: { source: 'Semantic Scholar', citationCount: 5, pmid: '123' },
      });
    }
  });

  it('reads a line of the Semantic Scholar "papers" bulk dataset with the id, DOI, arXiv id and fields a graph API answer gives', () => {
    // Shaped as the bulk dataset writes its lines (lowercase keys, the paper id only in "url"), values written here.
    const line = {
      corpusid: 4242,
      externalids: { DOI: '10.5555/tides.2020', ArXiv: '2001.01234', PubMed: '123', CorpusId: '4242' },
      url: 'https://www.semanticscholar.org/paper/0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c',
      title: 'Tidal forcing of ice shelves',
      authors: [{ authorId: '7', name: 'Ana Silva' }],
      venue: 'Nature Geoscience',
      year: 2020,
      citationcount: 5,
      s2fieldsofstudy: [{ category: 'Geology', source: 's2-fos-model' }],
      publicationdate: '2020-03-01',
    };
    const withoutUrl = { ...line, corpusid: 4343, url: null, title: 'Another paper' };
    const text = `${JSON.stringify(line)}\n${JSON.stringify(withoutUrl)}\n`;
    const { papers, problems } = readWith(readJsonl, text, 'papers-part0.jsonl');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 's2:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c',
      authors: ['Ana Silva'],
      year: 2020,
      venue: 'Nature Geoscience',
      doi: '10.5555/tides.2020',
      arxivId: '2001.01234',
      tags: ['Geology'],
      metadata: { source: 'Semantic Scholar', citationCount: 5, pmid: '123' },
    });
    expect(papers[0]?.paper.metadata).not.toHaveProperty('externalids');
    // Without its url, a line is known by its corpus id, as the graph API takes it ("CorpusId:4343").
    expect(papers[1]?.paper.id).toBe('s2:CorpusId:4343');
  });

  it('gives a Semantic Scholar search answer asked only for titles and abstracts the id a full answer gives', () => {
    const paperId = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c';
    const answer = { total: 1, offset: 0, data: [{ paperId, title: 'Tidal forcing of ice shelves', abstract: null }] };
    const { papers, problems } = readWith(readJson, JSON.stringify(answer), 'search.json');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => paper.id)).toEqual([`s2:${paperId}`]);
    // A record of one's own keyed by such a hash, holding fields the API never writes, is left as it is.
    const own = { paperId, title: 'My notes', keywords: ['tides'] };
    const plain = readWith(readJsonl, `${JSON.stringify(own)}\n`, 'mine.jsonl').papers;
    expect(plain.map(({ paper }) => [paper.id, paper.tags])).toEqual([[paperId, ['tides']]]);
  });

  it("leaves a record of one's own keyed by a SHA-1, with a text journal and author names, as it is", () => {
    const own = {
      paperId: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      title: 'My paper',
      journal: 'Nature Physics',
      year: 2020,
      authors: ['Ada Lovelace'],
    };
    const { papers, problems } = readWith(readJsonl, `${JSON.stringify(own)}\n`, 'mine.jsonl');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: own.paperId,
      venue: 'Nature Physics',
      authors: ['Ada Lovelace'],
      metadata: expect.not.objectContaining({ source: 'Semantic Scholar' }),
    });
  });

  it('reads a field-limited answer with Semantic Scholar authors, match score and embedding, and a text journal as the venue', () => {
    const paperId = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c';
    const matched = {
      paperId,
      title: 'Tidal forcing of ice shelves',
      authors: [{ authorId: '7', name: 'Ana Silva' }],
      journal: { name: 'Nature Geoscience', volume: '13' },
      matchScore: 211.5,
      embedding: { model: 'specter_v2', vector: [0.1, 0.2] },
    };
    const { papers } = readWith(readJsonl, `${JSON.stringify(matched)}\n`, 'match.jsonl');
    expect(papers[0]?.paper).toMatchObject({ id: `s2:${paperId}`, authors: ['Ana Silva'], venue: 'Nature Geoscience' });
    const textJournal = { ...semanticScholarPaper, publicationVenue: null, journal: 'Nature Geoscience' };
    const full = readWith(readJsonl, `${JSON.stringify(textJournal)}\n`, 'full.jsonl').papers;
    expect(full[0]?.paper).toMatchObject({ id: 's2:0f1e2d3c', venue: 'Nature Geoscience' });
  });

  it('reads the papers of a Semantic Scholar citations or references answer, each wrapped with its contexts', () => {
    const answer = {
      offset: 0,
      data: [
        { contexts: ['as in [3]'], intents: ['methodology'], isInfluential: false, citedPaper: semanticScholarPaper },
        { citingPaper: { paperId: null, title: 'A reference Semantic Scholar did not resolve' } },
      ],
    };
    const { papers, problems } = readWith(readJson, JSON.stringify(answer), 'references.json');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.title])).toEqual([
      ['s2:0f1e2d3c', 'Tidal forcing of ice shelves'],
      ['references-2', 'A reference Semantic Scholar did not resolve'],
    ]);
    expect(papers[0]?.paper.metadata).not.toHaveProperty('contexts');
  });

  it("reads a work fetched on two days, its citation count grown, as one paper keeping the first file's count, from OpenAlex as from Semantic Scholar", async () => {
    const temp = makeTempDir();
    try {
      const files = [
        temp.write('monday.json', JSON.stringify({ results: [openAlexWork] })),
        temp.write('tuesday.json', JSON.stringify({ results: [{ ...openAlexWork, cited_by_count: 43 }] })),
        temp.write('s2-monday.jsonl', `${JSON.stringify(semanticScholarPaper)}\n`),
        temp.write('s2-tuesday.jsonl', `${JSON.stringify({ ...semanticScholarPaper, citationCount: 6 })}\n`),
      ];
      const { papers, problems } = await readPaperFiles(files);
      expect(problems).toEqual([]);
      expect(papers.map(({ paper }) => paper.id)).toEqual(['openalex:W1234567', 's2:0f1e2d3c']);
      // The first file's record is kept, with its count: give the newest export first.
      expect(papers.map(({ paper }) => paper.metadata.citedByCount ?? paper.metadata.citationCount)).toEqual([42, 5]);
    } finally {
      temp.cleanup();
    }
  });

  it('leaves a plain record with an id, title and authors as it is', () => {
    const record = { id: 'p1', title: 'Plain', abstract: 'Text.', authors: ['A. B.'], paperId: 'x' };
    const { papers } = readWith(readJsonl, `${JSON.stringify(record)}\n`, 'plain.jsonl');
    expect(papers[0]?.paper).toMatchObject({ id: 'p1', title: 'Plain', abstract: 'Text.' });
  });

  it('places each word of an inverted index at every one of its positions, ignoring positions it cannot hold', () => {
    expect(invertedIndexText({ b: [1], a: [0, 2], bad: [-1, 1.5, 'x'] })).toBe('a b a');
    expect(invertedIndexText(null)).toBeUndefined();
    expect(invertedIndexText({})).toBeUndefined();
  });
});
