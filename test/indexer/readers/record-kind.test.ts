import { describe, expect, it } from 'vitest';
import { appearsInside, publisherIsVenue, recordKind } from '../../../indexer/readers/record-kind.ts';

describe('record-kind', () => {
  it("finds a record's kind under each exporter's key, a BibTeX entry type before its type field", () => {
    expect(recordKind({ entryType: 'techreport', type: 'Technical Report' })).toEqual({
      key: 'entryType',
      kind: 'techreport',
    });
    expect(recordKind({ Type: 'Thesis', 'Item Type': 'conferencePaper' })).toEqual({
      key: 'Item Type',
      kind: 'conferencePaper',
    });
    expect(recordKind({ 'Document Type': 'Conference Paper' })?.kind).toBe('Conference Paper');
    expect(recordKind({ type: 'article-journal' })?.kind).toBe('article-journal');
    expect(recordKind({ entryType: ' ', title: 'No kind' })).toBeUndefined();
  });

  it("says a journal article, a conference paper and a chapter appear inside another work, in each exporter's spelling", () => {
    const inside = [
      'article',
      'inproceedings',
      'incollection',
      'JOUR',
      'CONF',
      'CPAPER',
      'CHAP',
      'Journal Article',
      'Conference Proceedings',
      'Book Section',
      'Book, Section',
      'journalArticle',
      'conferencePaper',
      'bookSection',
      'Conference Paper',
      'Proceedings Paper',
      'Article; Early Access',
    ];
    expect(inside.filter((kind) => !appearsInside(kind))).toEqual([]);
    expect(
      ['article-journal', 'paper-conference', 'chapter', 'journal-article', 'proceedings-article'].every((kind) =>
        appearsInside(kind, 'type'),
      ),
    ).toBe(true);
  });

  it('says a book, a report, a thesis, a dataset, a web page and CSL-JSON\'s "article" (a preprint) do not', () => {
    const alone = [
      'book',
      'techreport',
      'phdthesis',
      'misc',
      'BOOK',
      'RPRT',
      'THES',
      'DATA',
      'Report',
      'Thesis',
      'webpage',
    ];
    expect(alone.filter((kind) => appearsInside(kind))).toEqual([]);
    expect(appearsInside('article', 'type')).toBe(false);
    expect(appearsInside('article', 'entryType')).toBe(true);
  });

  it('lets a publisher stand as the venue only of a record whose kind appears inside nothing else, or names no kind', () => {
    expect(publisherIsVenue({ entryType: 'article', publisher: 'Elsevier' })).toBe(false);
    expect(publisherIsVenue({ type: 'paper-conference', publisher: 'ACM' })).toBe(false);
    expect(publisherIsVenue({ entryType: 'book', publisher: 'MIT Press' })).toBe(true);
    expect(publisherIsVenue({ type: 'report', publisher: 'Microsoft Research' })).toBe(true);
    expect(publisherIsVenue({ publisher: 'Zenodo' })).toBe(true);
  });

  it('says the other kinds journals and books hold appear inside them too, as EndNote, RefWorks, RIS, Scopus, Web of Science, CSL and Crossref write them', () => {
    const inside = [
      'Electronic Article',
      'Electronic Book Section',
      'INPR',
      'Journal, Electronic',
      'Note',
      'Conference review',
      'Article in press',
      'Meeting Abstract',
      'Book Review',
      'Correction',
      'News Item',
    ];
    expect(inside.filter((kind) => !appearsInside(kind, 'Document Type'))).toEqual([]);
    expect(['review-book', 'book-part', 'reference-entry'].filter((kind) => !appearsInside(kind, 'type'))).toEqual([]);
  });

  it('says encyclopedia and dictionary entries appear inside their encyclopedia, as RIS, EndNote and CSL write them', () => {
    expect(['ENCYC', 'DICT', 'Encyclopedia', 'Dictionary'].filter((kind) => !appearsInside(kind))).toEqual([]);
    expect(['entry', 'entry-encyclopedia', 'entry-dictionary'].filter((kind) => !appearsInside(kind, 'type'))).toEqual(
      [],
    );
    // "entry" is CSL's kind only: as a BibTeX entry type or a RIS TY it names nothing.
    expect(appearsInside('entry', 'entryType')).toBe(false);
    expect(publisherIsVenue({ type: 'entry', publisher: 'ISRIC' })).toBe(false);
  });

  it("lets a classic BibTeX @inbook without a booktitle, a book cited by chapter, keep its publisher as the venue, not BibLaTeX's with one", () => {
    expect(publisherIsVenue({ entryType: 'inbook', chapter: '3', publisher: 'Addison-Wesley' })).toBe(true);
    expect(publisherIsVenue({ entryType: 'inbook', booktitle: ' ', publisher: 'Addison-Wesley' })).toBe(true);
    expect(publisherIsVenue({ entryType: 'inbook', booktitle: 'Handbook of Soil', publisher: 'Springer' })).toBe(false);
    expect(publisherIsVenue({ entryType: 'incollection', publisher: 'Springer' })).toBe(false);
  });
});
