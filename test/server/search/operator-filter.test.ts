import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SearchRequest, searchPapers } from '../../../server/search/index.ts';
import { keywordRanking } from '../../../server/search/keyword.search.ts';
import { OPERATOR_LIMITS, operatorFilter } from '../../../server/search/operator-filter.ts';
import { analyzeQuery } from '../../../server/search/query.ts';
import { parseSearchRequest, runSearch } from '../../../server/search/search.service.ts';
import { buildSearchIndex, type SearchFixture, topicPapers } from './search-fixture.ts';

/** Papers for the operators: the words of a phrase together, apart, in another order; words with hyphens. */
const OPERATOR_PAPERS = [
  {
    id: 'kv-hyphen',
    title: 'Evicting KV-Cache Entries by Attention Score',
    abstract: 'Entries of the key-value store are evicted when their attention score falls.',
  },
  {
    id: 'kv-plural',
    title: 'Quantized Stores for Long Contexts',
    abstract: 'Compressing kv caches to four bits keeps long contexts in memory; a cache miss costs little.',
  },
  {
    id: 'kv-apart',
    title: 'Cache Friendly Eviction Kernels',
    abstract: 'The cache of each KV head is laid out for the processor, and cache eviction follows the cache size.',
  },
  { id: 'kv-reversed', title: 'Cache KV Layouts', abstract: 'A layout where cache KV pairs sit together.' },
  {
    id: 'attention-sink',
    title: 'Attention Sinks in Long Streams',
    abstract: 'The first token soaks up attention; removing the sink degrades perplexity.',
  },
  {
    id: 'kitchen-sink',
    title: 'A Kitchen Sink Approach to Attention',
    abstract: 'Every known trick for attention layers, combined.',
  },
  { id: 'attention-heads', title: 'Attention Heads Specialize', abstract: 'Attention heads specialize in syntax.' },
  { id: 'non-linear', title: 'Non-linear Dynamics of Training', abstract: 'Training follows non-linear dynamics.' },
  { id: 'covid', title: 'COVID-19 Vaccine Trials', abstract: 'Trials of COVID-19 vaccines in adults.' },
  { id: 'tsne', title: 't-SNE Maps of Embeddings', abstract: 'Embeddings visualized with t-SNE and linear maps.' },
  { id: 'returns', title: 'Market Returns in a Crash', abstract: 'Market returns fell -5% during the crash.' },
];

// Twelve papers hold "quantum annealing"; 150 hold both words apart, repeated, so BM25 ranks them all higher.
const PHRASE_HOLDERS = Array.from({ length: 12 }, (_, i) => ({
  id: `phrase-${i}`,
  title: `Scheduling Study ${i}`,
  abstract: `A long report on schedules, solvers, budgets, hardware and benchmarks, run with quantum annealing on problem ${i}, compared with classical heuristics over many instances and seeds.`,
  year: 2020 + (i % 2),
}));
const WORDS_APART = Array.from({ length: 150 }, (_, i) => ({
  id: `apart-${i}`,
  title: `Quantum Devices ${i}`,
  abstract: `Quantum hardware, quantum noise. Annealing of the metal, annealing again ${i}.`,
  year: 2020 + (i % 2),
}));

let fixture: SearchFixture;

beforeAll(async () => {
  fixture = await buildSearchIndex([...OPERATOR_PAPERS, ...PHRASE_HOLDERS, ...WORDS_APART, ...topicPapers()]);
});

afterAll(() => fixture?.close());

const search = (request: SearchRequest) => searchPapers(fixture.reader, request);
const ids = (response: { results: Array<{ paper: { id: string } }> }) => response.results.map((r) => r.paper.id);
const MODES = ['keyword', 'semantic', 'hybrid'] as const;

describe('operator-filter', () => {
  it('returns only papers holding a quoted phrase, in every mode, whatever its case and hyphens', async () => {
    for (const mode of MODES) {
      const response = await search({ query: '"KV cache" eviction', mode, k: 20 });
      expect(ids(response).sort(), mode).toEqual(['kv-hyphen', 'kv-plural']);
      expect(response.total, mode).toBe(2);
      expect(response.totalIsLowerBound, mode).toBe(false);
    }
  });

  it('leaves out papers holding the words apart or in another order', async () => {
    const plain = await search({ query: 'kv cache eviction', mode: 'keyword', k: 20 });
    expect(ids(plain)).toEqual(expect.arrayContaining(['kv-apart', 'kv-reversed']));
    const quoted = await search({ query: '"kv cache" eviction', mode: 'keyword', k: 20 });
    expect(ids(quoted)).not.toContain('kv-apart');
    expect(ids(quoted)).not.toContain('kv-reversed');
  });

  it('ranks the papers holding the phrase by all the query words, as without quotes', async () => {
    const plain = await search({ query: 'kv cache eviction', mode: 'keyword', k: 20 });
    const quoted = await search({ query: '"kv cache" eviction', mode: 'keyword', k: 20 });
    const plainScores = new Map(plain.results.map((r) => [r.paper.id, r.score]));
    for (const result of quoted.results) expect(result.score).toBe(plainScores.get(result.paper.id));
    expect(ids(quoted)).toEqual(ids(plain).filter((id) => ids(quoted).includes(id)));
  });

  it('embeds a phrase with its words, without the quotes, in semantic mode', async () => {
    const plain = await search({ query: 'KV cache eviction', mode: 'semantic', k: 100 });
    const scores = new Map(plain.results.map((r) => [r.paper.id, r.score]));
    const quoted = await search({ query: '"KV cache" eviction', mode: 'semantic', k: 20 });
    expect(quoted.results.length).toBe(2);
    // The same cosines (computed exactly over the few papers holding the phrase, by the graph without it).
    for (const result of quoted.results) expect(result.score).toBeCloseTo(scores.get(result.paper.id)!, 6);
  });

  it('highlights the phrase where its words stand together, not a lone word of it', async () => {
    const response = await search({ query: '"kv cache"', mode: 'keyword', k: 5 });
    const plural = response.results.find((r) => r.paper.id === 'kv-plural')!;
    const abstract = plural.passages.find((p) => p.field === 'abstract')!;
    expect(abstract.highlights.map((h) => abstract.text.slice(h.start, h.end))).toEqual(['kv caches']);
  });

  it('leaves out papers holding an excluded word, in every mode, and embeds the query without it', async () => {
    for (const mode of MODES) {
      const response = await search({ query: 'attention -sink', mode, k: 50 });
      expect(ids(response), mode).not.toContain('attention-sink');
      expect(ids(response), mode).not.toContain('kitchen-sink');
      expect(ids(response), mode).toEqual(expect.arrayContaining(['attention-heads', 'kv-hyphen']));
    }
    // The semantic ranking is the one for "attention" alone, less the papers holding "sink".
    const plain = await search({ query: 'attention', mode: 'semantic', k: 30 });
    const excluding = await search({ query: 'attention -sink', mode: 'semantic', k: 20 });
    const kept = plain.results.filter((r) => !['attention-sink', 'kitchen-sink'].includes(r.paper.id)).slice(0, 20);
    expect(excluding.results.map((r) => [r.paper.id, r.score])).toEqual(kept.map((r) => [r.paper.id, r.score]));
  });

  it('leaves out only the papers holding an excluded phrase, not those with its words apart', async () => {
    const response = await search({ query: 'attention -"attention sink"', mode: 'keyword', k: 50 });
    expect(ids(response)).not.toContain('attention-sink');
    expect(ids(response)).toEqual(expect.arrayContaining(['kitchen-sink', 'attention-heads']));
  });

  it('reads hyphenated words, a negative number and a lone minus as words, not exclusions', async () => {
    const cases = [
      ['non-linear dynamics', 'non-linear'],
      ['COVID-19 vaccines', 'covid'],
      ['t-SNE maps', 'tsne'],
      ['returns fell -5%', 'returns'],
      ['market - crash', 'returns'],
    ] as const;
    for (const [query, id] of cases) {
      const response = await search({ query, mode: 'keyword' });
      expect(ids(response)[0], query).toBe(id);
      // Exactly as a search read as plain words.
      const { tookMs: _a, ...plain } = await runSearch(
        fixture.reader,
        parseSearchRequest({ query, mode: 'keyword' }),
        0,
        {
          operators: false,
        },
      );
      const { tookMs: _b, ...read } = response;
      expect(read, query).toEqual(plain);
    }
  });

  it('counts and pages only the papers holding a rare phrase, however many hold its words apart', async () => {
    for (const mode of MODES) {
      const first = await search({ query: '"quantum annealing"', mode, k: 10 });
      expect(first, mode).toMatchObject({ total: 12, totalIsLowerBound: false, hasMore: true });
      expect(
        ids(first).every((id) => id.startsWith('phrase-')),
        mode,
      ).toBe(true);
      expect(first.results, mode).toHaveLength(10);
      const second = await search({ query: '"quantum annealing"', mode, k: 10, offset: 10 });
      expect(second, mode).toMatchObject({ total: 12, hasMore: false });
      expect(second.results, mode).toHaveLength(2);
      expect(new Set([...ids(first), ...ids(second)]).size, mode).toBe(12);
    }
  });

  it('counts facets and filters over the papers holding the phrase, and sorts them by year', async () => {
    const response = await search({ query: '"quantum annealing"', mode: 'hybrid', k: 20, filters: { yearFrom: 2021 } });
    expect(response.total).toBe(6);
    expect(response.facets.year).toEqual([{ value: '2021', count: 6 }]);
    const byYear = await search({ query: '"quantum annealing"', mode: 'keyword', k: 20, sort: 'year' });
    expect(byYear.total).toBe(12);
    expect(byYear.results.map((r) => r.paper.year)).toEqual([...Array(6).fill(2021), ...Array(6).fill(2020)]);
  });

  it('reads an unclosed quote as plain words', async () => {
    const unclosed = await search({ query: '"kv cache eviction', mode: 'keyword', k: 20 });
    const plain = await search({ query: 'kv cache eviction', mode: 'keyword', k: 20 });
    expect(ids(unclosed)).toEqual(ids(plain));
  });

  it('checks a common phrase in rank order within its bound of texts read, and says when the bound ran out', () => {
    const { reader } = fixture;
    // A phrase no other test searched, so no verdict on it is remembered yet.
    const query = analyzeQuery('"quantum annealing on"');
    const filter = operatorFilter(reader, query, undefined, { eagerChecks: 40, maxTextChecks: 40 });
    // Too many papers hold both words to read them all: ranking may consider all 162, checked as ranked.
    expect(filter.allowed?.docs).toHaveLength(162);
    const ranked = keywordRanking(reader, query.terms, 200, filter.allowed);
    expect(ranked).toHaveLength(162);
    const { kept, exhausted } = filter.keep!(ranked, 12);
    expect(exhausted).toBe(true);
    const held = new Set(PHRASE_HOLDERS.map((p) => reader.getPaper(p.id)!.doc));
    expect(kept.every((r) => held.has(r.doc))).toBe(true);
    // With room to read them, every paper holding the phrase is found and the rest are never kept.
    const roomy = operatorFilter(reader, query, undefined, { eagerChecks: 40, maxTextChecks: 40 });
    const all = roomy.keep!(ranked.slice(130), 12);
    expect(all.exhausted).toBe(false);
    expect(all.kept.map((r) => r.doc).sort()).toEqual([...held].sort());
  });

  it('says the total is a lower bound when the bound on texts read stops the checks', async () => {
    const saved = { ...OPERATOR_LIMITS };
    Object.assign(OPERATOR_LIMITS, { eagerChecks: 20, maxTextChecks: 30 });
    try {
      // A phrase no other test searched: 162 papers hold its words, 12 the phrase, ranked last by BM25.
      // A deep page ranks all 162, but the checks stop after 30 texts: the total is not exact.
      const response = await search({ query: '"with quantum annealing"', mode: 'keyword', k: 100, offset: 100 });
      expect(response.totalIsLowerBound).toBe(true);
      expect(response.total).toBeLessThan(12);
    } finally {
      Object.assign(OPERATOR_LIMITS, saved);
    }
    const unbounded = await search({ query: '"with quantum annealing"', mode: 'keyword' });
    expect(unbounded).toMatchObject({ total: 12, totalIsLowerBound: false });
  });
});
