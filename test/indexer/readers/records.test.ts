import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS } from '../../../indexer/paper.schema.ts';
import type { RawRecord } from '../../../indexer/readers/reader.ts';
import { titleFromText, validateRecord, validateRecords } from '../../../indexer/readers/records.ts';

const at = { file: 'in.jsonl', line: 7, record: 3 };
const raw = (fields: Record<string, unknown>): RawRecord => ({ fields, location: at });
const paperOf = (fields: Record<string, unknown>) => {
  const outcome = validateRecord(raw(fields));
  expect(outcome.problems).toEqual([]);
  return outcome.paper!;
};
const problemsOf = (fields: Record<string, unknown>) => validateRecord(raw(fields)).problems;

describe('records', () => {
  it('stores a DOI written as a link, percent-escaped or labelled as the bare DOI', () => {
    for (const doi of [
      'https://doi.org/10.1016/0921-4534(89)90484-X',
      'http://dx.doi.org/10.1016%2F0921-4534(89)90484-X',
      'doi:10.1016/0921-4534(89)90484-X',
      ' DOI 10.1016/0921-4534(89)90484-X ',
      '10.1016/0921-4534(89)90484-X',
    ]) {
      expect(paperOf({ title: 'T', abstract: 'A.', doi }), doi).toMatchObject({
        id: 'doi:10.1016/0921-4534(89)90484-X',
        doi: '10.1016/0921-4534(89)90484-X',
      });
    }
  });

  it('takes the DOI of a record without one from its doi.org link, and makes the id from it', () => {
    expect(paperOf({ title: 'T', abstract: 'A.', url: 'https://dx.doi.org/10.2139/ssrn.3789012' })).toMatchObject({
      id: 'doi:10.2139/ssrn.3789012',
      doi: '10.2139/ssrn.3789012',
      url: 'https://dx.doi.org/10.2139/ssrn.3789012',
    });
    expect(paperOf({ title: 'T', abstract: 'A.', url: 'https://example.org/10.1000/x' }).doi).toBeNull();
  });

  it("stores an abstract without its database's copyright line, which is kept as metadata", () => {
    const paper = paperOf({
      title: 'T',
      abstract: 'We measure things. Copyright © 2020 Elsevier B.V. All rights reserved.',
    });
    expect(paper.abstract).toBe('We measure things.');
    expect(paper.metadata).toEqual({ copyright: 'Copyright © 2020 Elsevier B.V. All rights reserved.' });
  });

  it('takes no title from an abstract that is only a placeholder', () => {
    expect(problemsOf({ id: 'p', abstract: '[No abstract available]' }).map((problem) => problem.field)).toEqual([
      'title',
    ]);
  });

  it('matches field aliases case-insensitively and keeps unknown fields as metadata', () => {
    const paper = paperOf({ ID: 'p1', Title: 'T', ABSTRACT: 'Text.', Venue: 'ACL', pages: '1-9', extra: { a: 1 } });
    expect(paper).toMatchObject({ id: 'p1', title: 'T', abstract: 'Text.', venue: 'ACL' });
    expect(paper.metadata).toEqual({ pages: '1-9', extra: { a: 1 } });
  });

  it('takes the first non-blank alias and keeps the other aliases in metadata', () => {
    const paper = paperOf({ id: 'p', title: 'T', abstract: '', text: 'From text.', summary: 'From summary.' });
    expect(paper.abstract).toBe('From summary.');
    expect(paper.metadata).toEqual({ text: 'From text.' });
  });

  it('merges a metadata object with the unknown fields', () => {
    expect(paperOf({ id: 'p', title: 'T', metadata: { source: 'zotero' }, shelf: 'A' }).metadata).toEqual({
      source: 'zotero',
      shelf: 'A',
    });
  });

  it('keeps metadata keys named like Object methods and never lets "__proto__" replace the prototype', () => {
    const fields = JSON.parse(
      '{"id":"p","title":"T","toString":"a","metadata":{"constructor":"b","__proto__":{"x":1}}}',
    );
    const paper = paperOf(fields);
    expect(paper.metadata).toEqual({ toString: 'a', constructor: 'b' });
    expect(Object.getPrototypeOf(paper.metadata)).toBe(Object.prototype);
  });

  it.each([
    [2024, 2024],
    ['2024', 2024],
    ['2024-05', 2024],
    ['2024-05-17T09:30:00Z', 2024],
    ['May 2024', 2024],
    ['2019a', 2019],
    [{ 'date-parts': [[2021, 3]] }, 2021],
    [{ 'date-parts': [['2022']] }, 2022],
    [{ raw: '2020-11' }, 2020],
    [[2018, 5], 2018],
    ['', null],
    [null, null],
  ])('reads the year %j as %j', (year, expected) => {
    expect(paperOf({ id: 'p', title: 'T', year }).year).toBe(expected);
  });

  it.each([
    ['soon', 'expected a year like 2024 or a date like 2024-05-17, got "soon"'],
    [true, 'expected a year like 2024 or a date like 2024-05-17, got true'],
    [2024.5, 'expected a whole year like 2024, got 2024.5'],
    [3024, 'must be at most 2100, got 3024'],
    [999, 'must be at least 1000, got 999'],
  ])('reports the year %j as "%s"', (year, message) => {
    expect(problemsOf({ id: 'p', title: 'T', year })).toEqual([{ ...at, field: 'year', message }]);
  });

  it('names the source key of a field in problems, so the user can find it in the file', () => {
    expect(problemsOf({ id: 'p', title: 'T', date: 'unknown' })).toEqual([
      { ...at, field: 'date', message: 'expected a year like 2024 or a date like 2024-05-17, got "unknown"' },
    ]);
  });

  it.each([
    ['Ada Lovelace; Alan Turing', ['Ada Lovelace', 'Alan Turing']],
    ['Ada Lovelace | Alan Turing', ['Ada Lovelace', 'Alan Turing']],
    ['Ada Lovelace and Alan Turing', ['Ada Lovelace', 'Alan Turing']],
    ['Ada Lovelace, Alan Turing, and Grace Hopper', ['Ada Lovelace', 'Alan Turing', 'Grace Hopper']],
    ['Ada Lovelace, Alan Turing', ['Ada Lovelace', 'Alan Turing']],
    ['Lovelace, Ada', ['Ada Lovelace']],
    ['Lovelace, A.; Turing, Alan M.', ['A. Lovelace', 'Alan M. Turing']],
    ['Lovelace, Jr., Ada', ['Lovelace, Jr., Ada']],
    ['Martin Luther King, Jr.; Ada Lovelace, PhD', ['Martin Luther King, Jr.', 'Ada Lovelace, PhD']],
    [
      ['Barnes and Noble, Inc.', 'University of California, Berkeley', 'van der Berg, Anna'],
      ['Barnes and Noble, Inc.', 'University of California, Berkeley', 'Anna van der Berg'],
    ],
    [
      ['Ada Lovelace', ' Alan  Turing ', 'Hopper, Grace'],
      ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
    ],
    [
      [{ name: 'Ada Lovelace' }, { family: 'Turing', given: 'Alan' }, { literal: 'DeepMind' }],
      ['Ada Lovelace', 'Alan Turing', 'DeepMind'],
    ],
  ])('reads the authors %j', (authors, expected) => {
    expect(paperOf({ id: 'p', title: 'T', authors }).authors).toEqual(expected);
  });

  it('reports a bad author entry by its index', () => {
    expect(problemsOf({ id: 'p', title: 'T', authors: ['A', 'B', { orcid: 'x' }] })).toEqual([
      { ...at, field: 'authors[2]', message: 'expected a name (text, {name} or {family, given}), got an object' },
    ]);
    expect(problemsOf({ id: 'p', title: 'T', authors: ['A', ''] })).toEqual([
      { ...at, field: 'authors[1]', message: 'must not be empty' },
    ]);
  });

  it('reads tags from comma or semicolon text and from arrays, dropping blanks and repeats', () => {
    expect(paperOf({ id: 'p', title: 'T', tags: 'rag, llm; rag,, ' }).tags).toEqual(['rag', 'llm']);
    expect(paperOf({ id: 'p', title: 'T', keywords: ['rag', { term: 'cs.CL' }, 7] }).tags).toEqual([
      'rag',
      'cs.CL',
      '7',
    ]);
  });

  it('joins text given as an array of sentences', () => {
    expect(paperOf({ id: 'p', title: 'T', text: ['First sentence.', 'Second one.'] }).abstract).toBe(
      'First sentence. Second one.',
    );
  });

  it('turns a numeric id into text and reports an id of another type', () => {
    expect(paperOf({ _id: 42, title: 'T' }).id).toBe('42');
    expect(problemsOf({ id: { value: 1 }, title: 'T' })).toEqual([
      { ...at, field: 'id', message: 'expected text or a whole number, got an object' },
    ]);
  });

  it('derives a missing id from the DOI, then the arXiv id, then the file name and record number', () => {
    expect(paperOf({ title: 'T', doi: '10.1/x' }).id).toBe('doi:10.1/x');
    expect(paperOf({ title: 'T', arxivId: '2401.01234' }).id).toBe('arxiv:2401.01234');
    expect(paperOf({ title: 'T' }).id).toBe('in-3');
  });

  it("stores an arXiv id given as a field in arXiv's canonical form, without its subject class or version", () => {
    expect(paperOf({ title: 'T', arxivId: ' math.AG/0301001v2 ' })).toMatchObject({
      id: 'arxiv:math/0301001',
      arxivId: 'math/0301001',
    });
    expect(paperOf({ title: 'T', arxivId: 'hep-th/9901001' }).arxivId).toBe('hep-th/9901001');
    expect(paperOf({ title: 'T', arxivId: '2401.01234v2' }).arxivId).toBe('2401.01234');
  });

  it('takes a missing title from the first sentence of the abstract and marks it', () => {
    const paper = paperOf({ id: 'p', title: '', text: 'Sparse retrieval still wins. Dense models follow.' });
    expect(paper.title).toBe('Sparse retrieval still wins.');
    expect(paper.metadata).toEqual({ titleFromAbstract: true });
  });

  it('cuts a derived title at a word boundary within 120 characters', () => {
    const title = titleFromText(`${'word '.repeat(40)}end.`);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title).toMatch(/^(word )+word…$/);
  });

  it('keeps a record with an id whose title and text are both present but empty, under a placeholder title', () => {
    const { paper } = validateRecord({
      fields: { _id: '471', title: '', text: '' },
      location: { file: 'c.jsonl', line: 3, record: 3 },
    });
    expect(paper).toMatchObject({ id: '471', title: 'Untitled (471)', abstract: '', metadata: { untitled: true } });
  });

  it('reports a title that is missing or empty when there is no abstract to take one from', () => {
    expect(problemsOf({ id: 'p' })).toEqual([
      { ...at, field: 'title', message: 'is missing, and there is no abstract to take one from' },
    ]);
    expect(problemsOf({ title: '  ', text: '' })).toEqual([
      { ...at, field: 'title', message: 'is empty, and there is no abstract to take one from' },
    ]);
  });

  it('reports a field over MAX_TEXT_CHARS with its size, without echoing it', () => {
    const huge = 'x'.repeat(MAX_TEXT_CHARS + 1);
    expect(problemsOf({ id: 'p', title: 'T', abstract: huge })).toEqual([
      { ...at, field: 'abstract', message: 'is 100,001 characters long; at most 100,000 are allowed' },
    ]);
    expect(problemsOf({ id: 'p', title: 'T', notes: huge })).toEqual([
      { ...at, field: 'notes', message: 'is 100,001 characters long; at most 100,000 are allowed' },
    ]);
    expect(problemsOf({ id: 'p', title: 'x'.repeat(2_500) })).toEqual([
      { ...at, field: 'title', message: 'is 2,500 characters long; at most 2,000 are allowed' },
    ]);
  });

  it('reports an id with control characters and a metadata value that is not an object', () => {
    expect(problemsOf({ id: 'a\tb', title: 'T', metadata: 'notes' })).toEqual([
      { ...at, field: 'metadata', message: 'expected an object, got text' },
      { ...at, field: 'id', message: 'must not contain control characters' },
    ]);
  });

  it('sets blank optional text fields to null', () => {
    expect(paperOf({ id: 'p', title: 'T', venue: ' ', doi: '', url: null })).toMatchObject({
      venue: null,
      doi: null,
      url: null,
    });
  });

  it('keeps the valid records of a batch and every problem of the invalid ones', () => {
    const result = validateRecords([raw({ id: 'a', title: 'A' }), raw({ id: 'b', year: 'x' })]);
    expect(result.papers.map((entry) => entry.paper.id)).toEqual(['a']);
    expect(result.problems.map((problem) => problem.field)).toEqual(['year', 'title']);
  });
});

describe('records: repairs', () => {
  const repair = { repair: true };
  const at = { file: 'lib.jsonl', line: 4, record: 4 };

  it('replaces an id that is too long with one from the file and record, and says so', () => {
    const outcome = validateRecord({ fields: { id: 'x'.repeat(300), title: 'T' }, location: at }, repair);
    expect(outcome.paper?.id).toBe('lib-4');
    expect(outcome.locationBound).toBe(true);
    expect(outcome.repairs).toEqual([
      {
        ...at,
        field: 'id',
        message: 'is 300 characters long; at most 200 are allowed; an id was made up for the paper',
      },
    ]);
  });

  it('cuts a title that is too long and drops one author entry that is too long, keeping the others', () => {
    const fields = { id: 'a', title: 'T'.repeat(2_500), authors: ['Ada Lovelace', 'B'.repeat(600), 'Alan Turing'] };
    const outcome = validateRecord({ fields, location: at }, repair);
    expect(outcome.paper?.title).toHaveLength(2_000);
    expect(outcome.paper?.authors).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(outcome.repairs.map((item) => [item.field, item.message])).toEqual([
      ['title', 'is 2,500 characters long; at most 2,000 are allowed; it was cut to 2,000 characters'],
      ['authors[1]', 'is 600 characters long; at most 500 are allowed; the entry was dropped'],
    ]);
  });

  it('refuses under strict what it would repair, with the same location', () => {
    const outcome = validateRecord({ fields: { id: 'a', title: 'T', year: 6 }, location: at });
    expect(outcome.paper).toBeNull();
    expect(outcome.problems).toEqual([{ ...at, field: 'year', message: 'must be at least 1000, got 6' }]);
    expect(validateRecord({ fields: { id: 'a', title: 'T', year: 6 }, location: at }, repair).paper?.year).toBeNull();
  });
});
