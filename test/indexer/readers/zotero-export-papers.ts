// The papers Zotero's two file exports of one library (wild/zotero-library.rdf, wild/zotero-export.mods.xml) both
// give, as each reader's tests expect them: what the exports write alike is stated once, what differs in each test.
import fs from 'node:fs';
import { expect } from 'vitest';
import type { Reader, ReadResult } from '../../../indexer/readers/reader.ts';
import { fixture, readWith } from './read-fixture.ts';

/** The journal article: its journal as venue, volume, issue and pages, its DOI as id. */
export const JOURNAL_ARTICLE = {
  id: 'doi:10.1029/2019GL085123',
  title: 'Tidal modulation of basal melt at the Pine Island grounding line',
  abstract: expect.stringContaining('doubles near the line & halves further out'),
  authors: ['Ana Silva', 'Jonas Weber'],
  year: 2019,
  venue: 'Geophysical Research Letters',
  url: 'https://agupubs.onlinelibrary.wiley.com/doi/abs/10.1029/2019GL085123',
  metadata: {
    entryType: 'journalArticle',
    volume: '46',
    issue: '22',
    pages: '13012-13020',
    journalAbbreviation: 'Geophys. Res. Lett.',
    ISSN: '0094-8276',
  },
};

/** The book section: its book as venue, the book's editors apart from its authors, its series no venue. */
export const BOOK_SECTION = {
  id: 'moreau2020basal',
  authors: ['Claire Moreau'],
  venue: 'Handbook of Ice Sheet Modelling',
  metadata: {
    entryType: 'bookSection',
    editors: ['Kenji Ito'],
    ISBN: '978-3-030-12345-6',
    series: 'Springer Glaciology Series',
    publisher: 'Springer',
  },
};

/** The thesis: its university as venue, its genre as thesisType, the DOI its doi.org link names as id. */
export const THESIS = {
  id: 'doi:10.3929/ethz-b-000123456',
  title: 'Calving fronts under ocean forcing',
  venue: 'ETH Zürich',
  year: 2018,
  metadata: { entryType: 'thesis', thesisType: 'PhD Thesis', callNumber: 'GB2401 .K45 2018' },
};

/**
 * A reader's result on a fixture, read once for all the tests that look at it (readers are pure), and the fixture's
 * text for the tests that cut or damage it.
 */
export function exportFixture(reader: Reader, name: string): { text: string; read: () => ReadResult } {
  const text = fs.readFileSync(fixture(name), 'utf8');
  let result: ReadResult | undefined;
  return { text, read: () => (result ??= readWith(reader, text, name)) };
}
