import { describe, expect, it } from 'vitest';
import { invertedIndexText } from '../../../indexer/readers/api-records.ts';
import { readJson } from '../../../indexer/readers/json.reader.ts';
import { readJsonl } from '../../../indexer/readers/jsonl.reader.ts';
import { readWith } from './read-fixture.ts';

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
