import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terms } from '../../../indexer/index.ts';
import { isGeneralTerm, isGeneralWord } from '../../../server/search/general-words.ts';
import { similarPapers } from '../../../server/search/index.ts';
import { buildSearchIndex, HAND_PAPERS, type SearchFixture, topicPapers } from './search-fixture.ts';

let fixture: SearchFixture;

// A replication that reuses most of the perovskite paper's words: its nearest neighbour by any measure.
const REPLICATION = {
  id: 'perovskite-replication',
  title: 'Humidity and Perovskite Solar Cells, Replicated',
  abstract: 'Perovskite films degrade in humid air; a polymer coating keeps the cells efficient for hours of exposure.',
};

beforeAll(async () => {
  fixture = await buildSearchIndex([...HAND_PAPERS, REPLICATION]);
});

afterAll(() => fixture?.close());

describe('similar', () => {
  it('returns the k nearest papers, best first, without the paper itself', () => {
    const response = similarPapers(fixture.reader, 'sparse-attention', 4);
    expect(response.paperId).toBe('sparse-attention');
    expect(response.results).toHaveLength(4);
    expect(response.results.map((r) => r.paper.id)).not.toContain('sparse-attention');
    const scores = response.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('puts the paper that shares the most words first', () => {
    const response = similarPapers(fixture.reader, 'perovskite-solar', 3);
    expect(response.results[0]!.paper.id).toBe('perovskite-replication');
    expect(response.results[0]!.score).toBeGreaterThan(0.9);
  });

  it('returns every other paper when k exceeds them', () => {
    const response = similarPapers(fixture.reader, 'perovskite-solar', 100);
    expect(response.results.length).toBe(HAND_PAPERS.length);
    expect(response.results.map((r) => r.paper.id)).not.toContain('perovskite-solar');
  });

  it("says which of the paper's key words each similar paper shares", () => {
    const response = similarPapers(fixture.reader, 'perovskite-solar', 3);
    const shared = response.results[0]!.sharedTerms;
    expect(shared).toEqual(expect.arrayContaining(['perovskite', 'humidity', 'coating']));
    for (const { paper, sharedTerms } of response.results) {
      const text = `${paper.title} ${paper.abstract}`.toLowerCase();
      for (const word of sharedTerms) expect(text).toContain(word.slice(0, 5));
    }
  });

  it('refuses an unknown paper id with PAPER_NOT_FOUND', () => {
    expect(() => similarPapers(fixture.reader, 'no-such-paper', 5)).toThrow(
      expect.objectContaining({
        code: 'PAPER_NOT_FOUND',
        message: "No paper has the id 'no-such-paper'.",
        details: { id: 'no-such-paper' },
      }),
    );
  });

  it.each([0, 101, 2.5])('refuses k = %s naming the field k', (k) => {
    expect(() => similarPapers(fixture.reader, 'sparse-attention', k)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', details: { field: 'k' } }),
    );
  });
});

describe('similar, in a library where generic words mislead', () => {
  // The RAG-leakage paper shares its generic words (generation, memory, errors) with a hardware paper
  // and its key terms (retrieval-augmented, leakage, datastore) with one other paper only.
  const LEAKAGE = {
    id: 'rag-leakage',
    title: 'Retrieval-augmented generation leaks its datastore',
    abstract:
      'Retrieval-augmented generation copies private documents from its datastore into answers. Prompts extract the leaked passages, and membership inference tells which documents the datastore holds. Memory of the generation errors is kept.',
  };
  const RIGHT = {
    id: 'datastore-membership',
    title: 'Membership inference on a retrieval-augmented datastore',
    abstract:
      'Attackers tell whether a document sits in the datastore of a retrieval-augmented model by the passages it leaks into answers.',
  };
  const WRONG = {
    id: 'memory-errors',
    title: 'Error correction for memory generation in hardware',
    abstract:
      'Each memory generation adds error correction codes. Hardware errors in memory are corrected before the generation of answers from the stored documents.',
  };
  let library: SearchFixture;

  beforeAll(async () => {
    library = await buildSearchIndex([...topicPapers(30, 10), LEAKAGE, RIGHT, WRONG]);
  });

  afterAll(() => library?.close());

  it('puts first the paper sharing the key terms, and names them', () => {
    const response = similarPapers(library.reader, 'rag-leakage', 5);
    expect(response.results[0]!.paper.id).toBe('datastore-membership');
    expect(response.results[0]!.sharedTerms).toEqual(expect.arrayContaining(['datastore', 'retrieval', 'augmented']));
    for (const { score } of response.results) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});

describe('similar, in a small library where words of any abstract look distinctive', () => {
  // Three papers write alike ("really", "shows how", "authors") and one shares the topic (glazes).
  const GLAZES = {
    id: 'glaze-benchmark',
    title: 'A benchmark of ceramic glazes',
    abstract: 'The authors really show how ceramic glaze recipes predict glaze colour and crazing.',
  };
  const SAME_TOPIC = {
    id: 'glaze-chemistry',
    title: 'Glaze chemistry and crazing',
    abstract: 'Crazing in ceramic glaze follows from thermal expansion of the recipe.',
  };
  const SAME_WRITING = {
    id: 'orbit-carbon',
    title: 'Carbon cost of orbital inference',
    abstract: 'The authors really show how satellites serve inference.',
  };
  let library: SearchFixture;

  beforeAll(async () => {
    library = await buildSearchIndex([GLAZES, SAME_TOPIC, SAME_WRITING, ...HAND_PAPERS.slice(0, 3)]);
  });

  afterAll(() => library?.close());

  it('lists as shared only words of the topic, never "really", "how" or "authors"', () => {
    const response = similarPapers(library.reader, 'glaze-benchmark', 3);
    expect(response.results[0]!.paper.id).toBe('glaze-chemistry');
    expect(response.results[0]!.sharedTerms).toEqual(expect.arrayContaining(['ceramic', 'crazing']));
    for (const { sharedTerms } of response.results)
      for (const general of ['really', 'how', 'authors', 'show']) expect(sharedTerms).not.toContain(general);
  });
});

describe('general-words', () => {
  it('holds no topic word whose stem a general word would share: generation, question, key, design, order', () => {
    for (const word of [
      'generation',
      'generative',
      'question',
      'key',
      'design',
      'order',
      'presentation',
      'novel',
      'form',
    ])
      for (const term of terms(word)) expect(isGeneralTerm(term), word).toBe(false);
    for (const word of ['how', 'really', 'authors', 'shows']) expect(isGeneralTerm(terms(word)[0]!), word).toBe(true);
  });

  it('holds "designed" as written and numbers, but not the topic word "design" of the same stem', () => {
    expect(isGeneralWord('designed', terms('designed')[0]!)).toBe(true);
    expect(isGeneralWord('design', terms('design')[0]!)).toBe(false);
    expect(isGeneralWord('running', terms('running')[0]!)).toBe(true);
    expect(isGeneralWord('2', '2')).toBe(true);
    expect(isGeneralWord('tokamak', terms('tokamak')[0]!)).toBe(false);
  });
});

describe('similar, where two papers share verbs of any abstract and words of the whole library', () => {
  // Two tokamak papers share their topic ("tokamak", "plasma"), verbs any abstract uses ("run",
  // "designed") and "transformer", which a third of the library holds.
  const CONTROL = {
    id: 'tokamak-control',
    title: 'Transformer control of tokamak plasma',
    abstract:
      'A transformer controller designed for the tokamak runs in real time and keeps the plasma stable in each run.',
  };
  const SENSORS = {
    id: 'tokamak-sensors',
    title: 'Tokamak plasma sensors',
    abstract: 'Sensors designed for harsh conditions run inside the tokamak; a transformer reads the plasma signals.',
  };
  const TRANSFORMERS = ['speech', 'vision', 'tables', 'proteins'].map((topic) => ({
    id: `transformer-${topic}`,
    title: `A transformer for ${topic}`,
    abstract: `The transformer reads ${topic} with attention over long inputs.`,
  }));
  let library: SearchFixture;

  beforeAll(async () => {
    library = await buildSearchIndex([...HAND_PAPERS, ...TRANSFORMERS, CONTROL, SENSORS]);
  });

  afterAll(() => library?.close());

  it('lists the distinctive terms two papers share, never "run", "runs" or "designed"', () => {
    const response = similarPapers(library.reader, 'tokamak-control', 3);
    expect(response.results[0]!.paper.id).toBe('tokamak-sensors');
    expect(response.results[0]!.sharedTerms).toEqual(expect.arrayContaining(['tokamak', 'plasma']));
    for (const { sharedTerms } of response.results)
      for (const general of ['run', 'runs', 'designed']) expect(sharedTerms).not.toContain(general);
  });

  it('leaves out a term that more than a fifth of the library holds', () => {
    const response = similarPapers(library.reader, 'tokamak-control', 8);
    expect(response.results[0]!.sharedTerms).not.toContain('transformer');
    for (const { sharedTerms } of response.results) expect(sharedTerms).not.toContain('transformer');
  });
});
