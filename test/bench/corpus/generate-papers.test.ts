import { describe, expect, it } from 'vitest';
import { generatePaper, generatePapers } from '../../../bench/corpus/generate-papers.ts';
import { generateQueries } from '../../../bench/corpus/generate-queries.ts';
import { TOPICS } from '../../../bench/corpus/topics.ts';
import { zPaper } from '../../../indexer/paper.schema.ts';

const wordsOf = (text: string) => text.toLowerCase().match(/[a-z0-9][a-z0-9-]*/g) ?? [];

describe('generate-papers', () => {
  it('gives the same papers for the same seed, whatever the corpus size', () => {
    const first = [...generatePapers(40)];
    const again = [...generatePapers(40)];
    expect(again).toEqual(first);
    expect(generatePaper(39)).toEqual(first[39]);
    expect([...generatePapers(5, { from: 20 })]).toEqual(first.slice(20, 25));
  });

  it('gives other papers for another seed', () => {
    const ours = [...generatePapers(10)];
    const theirs = [...generatePapers(10, { seed: 'another seed' })];
    for (let i = 0; i < 10; i++) expect(theirs[i]!.abstract).not.toEqual(ours[i]!.abstract);
  });

  it('writes valid papers with unique ids, authors, recent-heavy years and abstracts of 120 to 300 words', () => {
    const papers = [...generatePapers(600)].map((p) => zPaper.parse(p));
    expect(new Set(papers.map((p) => p.id)).size).toBe(600);
    const years = papers.map((p) => p.year!);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(1990);
    expect(Math.max(...years)).toBeLessThanOrEqual(2025);
    expect(years.filter((y) => y >= 2010).length).toBeGreaterThan(years.filter((y) => y < 2010).length);
    for (const paper of papers) {
      const count = paper.abstract.split(/\s+/).length;
      expect(count, paper.id).toBeGreaterThanOrEqual(120);
      expect(count, paper.id).toBeLessThanOrEqual(300);
      expect(paper.title.length).toBeGreaterThan(5);
      expect(paper.authors.length).toBeGreaterThan(0);
      expect(paper.tags.length).toBeGreaterThan(0);
    }
  });

  it('draws most topical words from the paper’s own topic', () => {
    const shares = [...generatePapers(300)].map((paper) => {
      const own = TOPICS.find((t) => t.name === (paper.metadata as { topic: string }).topic)!;
      let mine = 0;
      let others = 0;
      for (const word of wordsOf(paper.abstract!)) {
        if (own.nouns.includes(word)) mine++;
        else if (TOPICS.some((t) => t !== own && t.nouns.includes(word))) others++;
      }
      return mine / Math.max(1, mine + others);
    });
    expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBeGreaterThan(0.6);
  });

  it('has a long tail of rare words, as real abstracts do', () => {
    const documentFrequency = new Map<string, number>();
    for (const paper of generatePapers(1000)) {
      for (const word of new Set(wordsOf(paper.abstract!)))
        documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
    const rare = [...documentFrequency.values()].filter((df) => df <= 2).length;
    expect(documentFrequency.size).toBeGreaterThan(3000);
    expect(rare / documentFrequency.size).toBeGreaterThan(0.3);
    // …and a head of common words shared by many papers.
    expect([...documentFrequency.values()].filter((df) => df >= 100).length).toBeGreaterThan(50);
  });

  it('rewrites only the abstract in a later revision of a paper', () => {
    const original = generatePaper(137);
    const revised = generatePaper(137, 1);
    expect(revised.abstract).not.toEqual(original.abstract);
    expect({ ...revised, abstract: '' }).toEqual({ ...original, abstract: '' });
  });
});

describe('generate-queries', () => {
  it('gives the same queries for the same seed, each made of words the corpus uses', () => {
    const queries = generateQueries(50);
    expect(generateQueries(50)).toEqual(queries);
    const vocabulary = new Set<string>();
    for (const paper of generatePapers(2000))
      for (const word of wordsOf(`${paper.title} ${paper.abstract}`)) vocabulary.add(word);
    const frame = new Set(['how', 'to', 'in', 'methods', 'for', 'does', 'improve']);
    for (const { text } of queries) {
      const unknown = wordsOf(text).filter((w) => !frame.has(w) && !vocabulary.has(w));
      expect(unknown, text).toEqual([]);
    }
  });
});
