import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terms } from '../../../indexer/index.ts';
import { retrievePassages, type SearchRequest, searchPapers } from '../../../server/search/index.ts';
import { SEMANTIC_DEFAULTS } from '../../../server/search/semantic.search.ts';
import { buildSearchIndex, HAND_PAPERS, type SearchFixture, topicPapers } from './search-fixture.ts';

let fixture: SearchFixture;

beforeAll(async () => {
  fixture = await buildSearchIndex([...HAND_PAPERS, ...topicPapers()]);
});

afterAll(() => fixture?.close());

const search = (request: SearchRequest) => searchPapers(fixture.reader, request);
const ids = (response: { results: Array<{ paper: { id: string } }> }) => response.results.map((r) => r.paper.id);
const textOf = (paper: { title: string; abstract: string }) => `${paper.title} ${paper.abstract}`;

describe('search.service', () => {
  it('finds the papers holding the exact query terms in keyword mode, best match first', async () => {
    const response = await search({ query: 'perovskite humidity', mode: 'keyword' });
    expect(ids(response)).toEqual(['perovskite-solar']);
    expect(response.results[0]!.score).toBeGreaterThan(0);
  });

  it('returns only papers that hold at least one query term in keyword mode', async () => {
    const response = await search({ query: 'sparse attention', mode: 'keyword', k: 20 });
    expect(ids(response).slice(0, 2).sort()).toEqual(['sparse-attention', 'undated-note']);
    for (const { paper } of response.results) {
      const paperTerms = new Set(terms(textOf(paper)));
      expect(paperTerms.has('spars') || paperTerms.has('attent')).toBe(true);
    }
  });

  it('finds papers that share no word with the query in semantic mode, through words that co-occur with it', async () => {
    const keyword = await search({ query: 'car', mode: 'keyword', k: 20 });
    const semantic = await search({ query: 'car', mode: 'semantic', k: 10 });
    const withoutCar = semantic.results.filter(({ paper }) => !ids(keyword).includes(paper.id));
    const cooccurring = withoutCar.filter(({ paper }) => paper.id.startsWith('topic0-'));
    expect(cooccurring.length).toBeGreaterThan(0);
    for (const { paper } of cooccurring) expect(terms(textOf(paper))).not.toContain('car');
  });

  it('ranks hybrid results by a fused score in [0, 1], with the paper matching every query word first', async () => {
    const response = await search({ query: 'graph neural network citation retrieval' });
    expect(response.mode).toBe('hybrid');
    expect(ids(response)[0]).toBe('graph-retrieval');
    const scores = response.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(0);
    expect(scores[0]).toBeLessThanOrEqual(1);
  });

  it('brings co-occurring papers into hybrid results that keyword search cannot reach', async () => {
    const keyword = ids(await search({ query: 'car', mode: 'keyword', k: 20 }));
    const hybrid = ids(await search({ query: 'car', mode: 'hybrid', k: 20 }));
    expect(hybrid.slice(0, keyword.length).sort()).toEqual([...keyword].sort());
    expect(hybrid.filter((id) => !keyword.includes(id)).some((id) => id.startsWith('topic0-'))).toBe(true);
  });

  it('returns nothing for a query of stop words alone', async () => {
    const response = await search({ query: 'the and of', mode: 'keyword' });
    expect(response.results).toEqual([]);
    expect(response.hasMore).toBe(false);
  });

  it('says that a query of exclusions alone has nothing to search for, and what to add', async () => {
    const addWords =
      'Exclusions leave papers out but find none: add a word or a "quoted phrase" to search for beside them.';
    for (const mode of ['hybrid', 'semantic', 'keyword'] as const) {
      const response = await search({ query: '-attention -"attention sink"', mode });
      expect(response.results).toEqual([]);
      expect(response.notice).toBe(
        `Nothing in the query can be searched for: it holds only exclusions (-attention, -"attention sink"). ${addWords}`,
      );
    }
    expect((await search({ query: 'the -attention' })).notice).toBe(
      `Nothing in the query can be searched for: it holds only exclusions (-attention) and stop words (the), which are not indexed. ${addWords}`,
    );
    // Excluding a stop word excludes nothing: the stop word is what cannot be searched for.
    expect((await search({ query: '-the' })).notice).toBe(
      'Nothing in the query can be searched for: it holds only stop words (the), which are not indexed.',
    );
    const withWords = await search({ query: 'sparse -kernels', mode: 'keyword' });
    expect(withWords.results.length).toBeGreaterThan(0);
    expect(withWords.notice).toBeUndefined();
  });

  describe('filters', () => {
    it('keeps only papers inside the year range, leaving out papers without a year', async () => {
      const response = await search({ query: 'sparse attention', k: 20, filters: { yearFrom: 2019, yearTo: 2021 } });
      expect(ids(response)).toContain('sparse-attention');
      expect(ids(response)).not.toContain('undated-note');
      for (const { paper } of response.results) expect(paper.year).toBeGreaterThanOrEqual(2019);
      for (const { paper } of response.results) expect(paper.year).toBeLessThanOrEqual(2021);
    });

    it('keeps only papers with an author whose name contains the text, ignoring case', async () => {
      const response = await search({ query: 'attention inference', k: 20, filters: { author: 'HOPPER' } });
      expect(ids(response).sort()).toEqual(['quantized-inference', 'sparse-attention']);
    });

    it('keeps only papers with the exact tag, ignoring case', async () => {
      const response = await search({
        query: 'retrieval baseline',
        mode: 'semantic',
        k: 20,
        filters: { tag: 'Retrieval' },
      });
      expect(ids(response).sort()).toEqual(['bm25-baselines', 'graph-retrieval']);
    });

    it('keeps only papers whose venue contains the text, ignoring case', async () => {
      const response = await search({ query: 'retrieval', mode: 'keyword', k: 20, filters: { venue: 'sigir' } });
      expect(ids(response).sort()).toEqual(['bm25-baselines', 'graph-retrieval']);
    });

    it('treats % and _ in a text filter as plain characters', async () => {
      const response = await search({ query: 'attention', k: 20, filters: { author: '%' } });
      expect(response.results).toEqual([]);
    });

    it('gives the same papers through the HNSW graph as through an exact scan of a filtered set', async () => {
      const request: SearchRequest = {
        query: 'attention tokens',
        mode: 'semantic',
        k: 5,
        filters: { tag: 'attention' },
      };
      const exact = ids(await search(request));
      const saved = SEMANTIC_DEFAULTS.exactScanMax;
      SEMANTIC_DEFAULTS.exactScanMax = 0;
      try {
        expect(ids(await search(request))).toEqual(exact);
      } finally {
        SEMANTIC_DEFAULTS.exactScanMax = saved;
      }
      expect(exact.sort()).toEqual(['attention-sinks-title-only', 'sparse-attention', 'undated-note']);
    });
  });

  describe('pagination', () => {
    it.each(['keyword', 'semantic', 'hybrid'] as const)(
      'splits %s results into pages that join up without gaps',
      async (mode) => {
        const query = 'car engine wheel road fuel';
        const whole = await search({ query, mode, k: 9 });
        const pages = await Promise.all([0, 3, 6].map((offset) => search({ query, mode, k: 3, offset })));
        expect(pages.flatMap(ids)).toEqual(ids(whole));
        expect(pages.map((p) => p.hasMore)).toEqual([true, true, true]);
        expect(pages.map((p) => p.offset)).toEqual([0, 3, 6]);
      },
    );

    it('says there is no more after the last page', async () => {
      const all = await search({ query: 'perovskite coral', mode: 'keyword', k: 10 });
      expect(ids(all).sort()).toEqual(['perovskite-solar', 'two-passages']);
      expect(all.hasMore).toBe(false);
      const first = await search({ query: 'perovskite coral', mode: 'keyword', k: 1 });
      expect(first.hasMore).toBe(true);
      const last = await search({ query: 'perovskite coral', mode: 'keyword', k: 1, offset: 1 });
      expect(last.hasMore).toBe(false);
      expect(ids(last)).toEqual(ids(all).slice(1));
    });
  });

  describe('passages and highlights', () => {
    it('highlights the words whose analyzed term is a query term, at exact offsets', async () => {
      const response = await search({ query: 'model', mode: 'keyword', filters: { author: 'lovelace' } });
      const passage = response.results.find((r) => r.paper.id === 'sparse-attention')!.passages[0]!;
      const marked = passage.highlights.map((h) => passage.text.slice(h.start, h.end));
      expect(marked).toEqual(['models', 'models']);
    });

    it('merges neighbouring matching words into one highlight', async () => {
      const response = await search({ query: 'sparse attention', mode: 'keyword' });
      const passage = response.results.find((r) => r.paper.id === 'sparse-attention')!.passages[0]!;
      expect(passage.highlights.map((h) => passage.text.slice(h.start, h.end))).toContain('sparse attention');
    });

    it('gives each passage the text of its paper between its offsets', async () => {
      const response = await search({ query: 'attention sinks streaming', k: 10 });
      expect(response.results.length).toBeGreaterThan(0);
      for (const { paper, passages } of response.results) {
        expect(passages.length).toBeGreaterThan(0);
        expect(passages.length).toBeLessThanOrEqual(3);
        for (const passage of passages) {
          const field = passage.field === 'title' ? paper.title : paper.abstract;
          expect(field.slice(passage.start, passage.end)).toBe(passage.text);
          for (const h of passage.highlights) {
            expect(h.start).toBeGreaterThanOrEqual(0);
            expect(h.end).toBeLessThanOrEqual(passage.text.length);
            expect(
              terms(passage.text.slice(h.start, h.end)).some((t) => ['attent', 'sink', 'stream'].includes(t)),
            ).toBe(true);
          }
        }
      }
      const titleOnly = response.results.find((r) => r.paper.id === 'attention-sinks-title-only')!;
      expect(titleOnly.passages[0]!.field).toBe('title');
    });

    it("puts a paper's best-matching passage first", async () => {
      const response = await search({ query: 'drones classifier bleached', mode: 'keyword' });
      const reef = response.results.find((r) => r.paper.id === 'two-passages')!;
      expect(reef.passages[0]!.start).toBeGreaterThan(0);
      expect(reef.passages[0]!.text).toContain('drones');
    });
  });

  describe('invalid requests', () => {
    it.each([
      [{ query: '   ' }, 'query'],
      [{ query: 'x'.repeat(20_001) }, 'query'],
      [{ query: 'attention', k: 0 }, 'k'],
      [{ query: 'attention', k: 101 }, 'k'],
      [{ query: 'attention', offset: -1 }, 'offset'],
      [{ query: 'attention', offset: 995, k: 10 }, 'offset'],
      [{ query: 'attention', mode: 'fuzzy' }, 'mode'],
      [{ query: 'attention', ef: 5 }, 'ef'],
      [{ query: 'attention', filters: { yearFrom: 'recent' } }, 'filters.yearFrom'],
      [{ query: 'attention', filters: { yearFrom: 2022, yearTo: 2020 } }, 'filters.yearFrom'],
      [{ query: 'attention', filters: { tag: '' } }, 'filters.tag'],
    ])('rejects %j naming the field %s', async (request, field) => {
      await expect(search(request as SearchRequest)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field },
      });
    });

    it.each([
      [
        { query: 'attention', offset: 995, k: 10 },
        'Invalid search request: offset must be at most 990 when k is 10 (offset + k may not pass 1000).',
      ],
      [
        { query: 'attention', filters: { yearFrom: 2022, yearTo: 2020 } },
        'Invalid search request: filters.yearFrom must not be after filters.yearTo (2022 > 2020).',
      ],
    ])(
      'words the bound %j breaks as the routes, MCP and CLI do, in the names of a request',
      async (request, message) => {
        await expect(search(request as SearchRequest)).rejects.toMatchObject({ code: 'INVALID_INPUT', message });
      },
    );
  });

  describe('the count of matching papers, in a small library', () => {
    let small: SearchFixture;
    beforeAll(async () => {
      small = await buildSearchIndex([...HAND_PAPERS, ...topicPapers(3, 5)]);
    });
    afterAll(() => small?.close());
    const library = () => HAND_PAPERS.length + 15;
    const searchSmall = (request: SearchRequest) => searchPapers(small.reader, request);
    const holdsWord = (paper: { title: string; abstract: string }, query: string) => {
      const paperTerms = new Set(terms(textOf(paper)));
      return terms(query).some((term) => paperTerms.has(term));
    };

    it.each(['hybrid', 'semantic'] as const)(
      'counts in %s mode the papers holding a query word or close in meaning, not every paper the library holds',
      async (mode) => {
        const query = 'attention sinks';
        const response = await searchSmall({ query, mode, k: 100 });
        expect(response.results.length).toBe(library());
        expect(response.total).toBeLessThan(library());
        expect(response.totalIsLowerBound).toBe(false);
        expect(response.total).toBe(response.results.filter((r) => r.match).length);
        for (const { paper, match } of response.results) if (holdsWord(paper, query)) expect(match).toBe(true);
        const best = response.results[0]!;
        expect(best.match).toBe(true);
      },
    );

    it('counts in keyword mode every paper found, as before', async () => {
      const response = await searchSmall({ query: 'attention sinks', mode: 'keyword', k: 100 });
      expect(response.total).toBe(response.results.length);
      expect(response.results.every((r) => r.match)).toBe(true);
    });

    it('keeps paging past the matching papers, each result on such a page saying it is no match', async () => {
      const query = 'attention sinks';
      const whole = await searchSmall({ query, k: 100 });
      const past = await searchSmall({ query, k: 5, offset: whole.total });
      expect(ids(past)).toEqual(ids(whole).slice(whole.total, whole.total + 5));
      expect(past.total).toBe(whole.total);
      expect(past.hasMore).toBe(true);
      expect(past.results.map((r) => r.match)).toEqual([false, false, false, false, false]);
      expect(past.summary).toBe(
        `Results ${whole.total + 1}–${whole.total + 5}: past the ${whole.total} matching papers, those closest in meaning`,
      );
    });

    it('puts the matching papers first when sorted by year, newest first, then the rest newest first', async () => {
      const query = 'attention sinks';
      const byRelevance = await searchSmall({ query, k: 100 });
      const byYear = await searchSmall({ query, k: 100, sort: 'year' });
      const matches = byYear.results.filter((r) => r.match);
      expect(byYear.results.map((r) => r.match)).toEqual(byYear.results.map((_, i) => i < byYear.total));
      expect(ids({ results: matches }).sort()).toEqual(
        ids({ results: byRelevance.results.filter((r) => r.match) }).sort(),
      );
      const newestFirst = (years: Array<number | null>) => {
        const dated = years.map((year) => year ?? Number.NEGATIVE_INFINITY);
        expect(dated).toEqual([...dated].sort((a, b) => b - a));
      };
      newestFirst(matches.map((r) => r.paper.year));
      newestFirst(byYear.results.filter((r) => !r.match).map((r) => r.paper.year));
      // The page past the matches holds no match, the first page no non-match before a match.
      const first = await searchSmall({ query, k: 2, sort: 'year' });
      expect(first.results.map((r) => r.match)).toEqual([true, true]);
    });

    it.each(['hybrid', 'semantic'] as const)(
      'gives in %s mode, narrowed to any tag, as many matches as the tag facet counted, each one a match unnarrowed',
      async (mode) => {
        const query = 'kernels';
        const whole = await searchSmall({ query, mode, k: 100 });
        expect(whole.totalIsLowerBound).toBe(false);
        const matched = new Set(ids({ results: whole.results.filter((r) => r.match) }));
        const counted = new Map(whole.facets.tag.map((f) => [f.value, f.count]));
        const tags = [...new Set(HAND_PAPERS.flatMap((paper) => paper.tags))];
        expect(tags.some((tag) => !counted.has(tag))).toBe(true);
        for (const tag of tags) {
          const narrowed = await searchSmall({ query, mode, k: 100, filters: { tag } });
          expect({ tag, total: narrowed.total }).toEqual({ tag, total: counted.get(tag) ?? 0 });
          for (const result of narrowed.results) if (result.match) expect(matched).toContain(result.paper.id);
        }
      },
    );

    it('counts facets over the matching papers only', async () => {
      const response = await searchSmall({ query: 'attention sinks', k: 100 });
      const matching = response.results.filter((r) => r.match);
      const byTag = new Map<string, number>();
      for (const { paper } of matching) for (const tag of paper.tags) byTag.set(tag, (byTag.get(tag) ?? 0) + 1);
      expect(Object.fromEntries(response.facets.tag.map((f) => [f.value, f.count]))).toEqual(Object.fromEntries(byTag));
    });
  });

  describe('retrievePassages', () => {
    it('returns passages of the best papers with their paper, best first', async () => {
      const passages = await retrievePassages(fixture.reader, { query: 'sparse attention models', k: 4 });
      expect(passages.length).toBe(4);
      expect(['sparse-attention', 'undated-note']).toContain(passages[0]!.paper.id);
      const scores = passages.map((p) => p.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const { passage, paper } of passages) {
        expect(passage.paperId).toBe(paper.id);
        const field = passage.field === 'title' ? paper.title : paper.abstract;
        expect(field.slice(passage.start, passage.end)).toBe(passage.text);
      }
    });

    it("ranks a paper's best passage before its weaker ones", async () => {
      const passages = await retrievePassages(fixture.reader, { query: 'coral reef drones', k: 2 });
      expect(passages.map((p) => p.paper.id)).toEqual(['two-passages', 'two-passages']);
      expect(passages[0]!.passage.text).toContain('drones');
      expect(passages[0]!.score).toBeGreaterThan(passages[1]!.score);
    });
  });
});
