import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchPapers } from '../../../server/search/index.ts';
import { buildSearchIndex, HAND_PAPERS, type SearchFixture } from './search-fixture.ts';

let fixture: SearchFixture;

beforeAll(async () => {
  fixture = await buildSearchIndex([
    ...HAND_PAPERS,
    {
      id: 'kv-eviction',
      title: 'Evicting Keys from the KV Cache',
      abstract: 'Attention scores decide which cached keys a decoder drops when memory runs out.',
      year: 2024,
      doi: '10.1234/KV.2024.17',
      arxivId: '2401.01234v2',
    },
  ]);
});

afterAll(() => fixture?.close());

const idsFor = async (query: string, mode: 'hybrid' | 'semantic' | 'keyword' = 'hybrid', yearTo?: number) => {
  const response = await searchPapers(fixture.reader, {
    query,
    mode,
    ...(yearTo === undefined ? {} : { filters: { yearTo } }),
  });
  return { ids: response.results.map((r) => r.paper.id), total: response.total };
};

describe('identifier-query', () => {
  it('finds the one paper a pasted DOI names, bare, labelled or as an address, in every mode', async () => {
    for (const mode of ['hybrid', 'semantic', 'keyword'] as const) {
      for (const query of ['10.1234/kv.2024.17', 'doi:10.1234/KV.2024.17.', 'https://doi.org/10.1234/kv.2024.17']) {
        expect(await idsFor(query, mode)).toEqual({ ids: ['kv-eviction'], total: 1 });
      }
    }
  });

  it('finds the paper a pasted arXiv id names, whatever its version or prefix', async () => {
    for (const query of ['2401.01234', 'arXiv:2401.01234v5', 'https://arxiv.org/abs/2401.01234']) {
      expect(await idsFor(query)).toEqual({ ids: ['kv-eviction'], total: 1 });
    }
  });

  it('says nothing of filters on a page past the one paper a DOI names', async () => {
    const response = await searchPapers(fixture.reader, { query: '10.1234/kv.2024.17', offset: 10 });
    expect(response.total).toBe(1);
    expect(response.results).toEqual([]);
    expect(response.notice).toBeUndefined();
  });

  it('returns nothing for an identifier whose paper the filters leave out, and says so', async () => {
    expect(await idsFor('10.1234/kv.2024.17', 'hybrid', 2020)).toEqual({ ids: [], total: 0 });
    const response = await searchPapers(fixture.reader, { query: '10.1234/kv.2024.17', filters: { yearTo: 2020 } });
    expect(response.notice).toBe(
      'The paper with the DOI 10.1234/kv.2024.17 is in the library, but the filters leave it out.',
    );
  });

  it('finds nothing for an identifier no paper has, in every mode, and says so rather than matching its digits', async () => {
    for (const mode of ['hybrid', 'semantic', 'keyword'] as const) {
      // "2024" and "17" are words of the kv-eviction paper's DOI: read as words, they would find it.
      const response = await searchPapers(fixture.reader, { query: 'https://doi.org/10.9999/kv.2024.17', mode });
      expect(response.results).toEqual([]);
      expect(response.notice).toBe(
        'No paper in the library has the DOI 10.9999/kv.2024.17. Add it with `citelens index`, or search for its title.',
      );
    }
    const arxiv = await searchPapers(fixture.reader, { query: 'arXiv:2501.99999' });
    expect(arxiv.notice).toMatch(/^No paper in the library has the arXiv id 2501\.99999\./);
  });
});
