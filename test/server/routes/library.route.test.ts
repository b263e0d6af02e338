import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import type { LibraryPage } from '../../../server/library/index.ts';
import { buildIndex, holderFor, testConfig } from '../../support/sample-index.ts';
import { writeJsonl } from '../../support/synthetic-papers.ts';
import { tempDir } from '../../support/temp-dir.ts';

const PAPERS = [
  {
    id: 'a',
    title: 'Beta attention',
    authors: ['Ada Lovelace', 'Alan Turing'],
    year: 2021,
    venue: 'ICLR',
    tags: ['llm'],
  },
  { id: 'b', title: 'alpha retrieval', authors: ['Alan Turing'], year: 2023, venue: 'NeurIPS', tags: ['rag', 'llm'] },
  { id: 'c', title: 'Gamma 100% done_now', authors: ['Grace Hopper'], year: null, venue: null, tags: [] },
  { id: 'd', title: 'Delta kernels', authors: ['Ada Lovelace'], year: 2023, venue: 'ICLR', tags: ['systems'] },
].map((paper) => ({ ...paper, abstract: `${paper.title} in an abstract about models.` }));

let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  const { dir } = await buildIndex([writeJsonl(tempDir(), 'papers.jsonl', PAPERS)]);
  app = createApp({ holder: await holderFor(dir), config: testConfig() });
});

async function list(query: string): Promise<LibraryPage> {
  const res = await app.request(`/api/library?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as LibraryPage;
}
const ids = (page: LibraryPage) => page.papers.map((p) => p.id);

describe('library.route', () => {
  it('lists every paper sorted by title, case-insensitively, with the total and without abstracts', async () => {
    const page = await list('');
    expect(page.total).toBe(4);
    expect(ids(page)).toEqual(['b', 'a', 'd', 'c']);
    expect(page.papers[0]).toEqual({
      id: 'b',
      title: 'alpha retrieval',
      authors: ['Alan Turing'],
      year: 2023,
      venue: 'NeurIPS',
      tags: ['rag', 'llm'],
      doi: null,
      url: null,
      arxivId: null,
    });
  });

  it('sorts by year either way with papers without a year last, and pages with offset and limit', async () => {
    expect(ids(await list('sort=year&order=desc'))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(await list('sort=year&order=asc'))).toEqual(['a', 'b', 'd', 'c']);
    const second = await list('sort=year&order=desc&offset=1&limit=2&facets=false');
    expect([ids(second), second.total, second.offset, second.facets]).toEqual([['d', 'a'], 4, 1, undefined]);
  });

  it('filters by author, tag, venue, years and text, exactly and case-insensitively', async () => {
    expect(ids(await list('author=ada%20lovelace'))).toEqual(['a', 'd']);
    expect(ids(await list('tag=LLM'))).toEqual(['b', 'a']);
    expect(ids(await list('venue=iclr&year_from=2022'))).toEqual(['d']);
    expect(ids(await list('text=turing%20beta'))).toEqual(['a']);
    // LIKE wildcards in the text are literal characters.
    expect(ids(await list('text=100%25'))).toEqual(['c']);
    expect(ids(await list('text=_'))).toEqual(['c']);
  });

  it('counts facets among the matching papers, most frequent first and years newest first', async () => {
    const { facets } = await list('');
    expect(facets).toEqual({
      year: [
        { value: '2023', count: 2 },
        { value: '2021', count: 1 },
      ],
      tag: [
        { value: 'llm', count: 2 },
        { value: 'rag', count: 1 },
        { value: 'systems', count: 1 },
      ],
      author: [
        { value: 'Ada Lovelace', count: 2 },
        { value: 'Alan Turing', count: 2 },
        { value: 'Grace Hopper', count: 1 },
      ],
      venue: [
        { value: 'ICLR', count: 2 },
        { value: 'NeurIPS', count: 1 },
      ],
    });
    expect((await list('tag=llm')).facets?.venue).toEqual([
      { value: 'ICLR', count: 1 },
      { value: 'NeurIPS', count: 1 },
    ]);
  });

  it('refuses a bad parameter naming it', async () => {
    for (const [query, field] of [
      ['sort=abstract', 'sort'],
      ['limit=5000', 'limit'],
      ['offset=-1', 'offset'],
      ['facets=maybe', 'facets'],
      ['yearFrom=2020', 'yearFrom'],
    ]) {
      const res = await app.request(`/api/library?${query}`);
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('INVALID_INPUT');
      expect(JSON.stringify(body.error), query).toContain(field);
    }
  });

  it('answers 503 INDEX_NOT_FOUND without an index', async () => {
    const empty = createApp({ holder: await holderFor(), config: testConfig() });
    const res = await empty.request('/api/library');
    expect([res.status, (await res.json()).error.code]).toEqual([503, 'INDEX_NOT_FOUND']);
  });
});
