import { describe, expect, it } from 'vitest';
import { zPaper } from '../../../indexer/paper.schema.ts';
import { cutAtWord, fitToBudget } from '../../../server/mcp/passage-budget.ts';
import type { SearchResult } from '../../../server/search/index.ts';

/** A search result whose abstract is `passages` joined by spaces, one passage hit each. */
function result(id: string, passages: string[], score = 1, match = true): SearchResult {
  const abstract = passages.join(' ');
  let start = 0;
  return {
    paper: zPaper.parse({ id, title: `Paper ${id}`, abstract, authors: ['A. Author'], year: 2024 }),
    score,
    match,
    passages: passages.map((text, i) => {
      const hit = {
        id: i,
        field: 'abstract' as const,
        text,
        start,
        end: start + text.length,
        score: 1 - i / 10,
        highlights: [],
      };
      start += text.length + 1;
      return hit;
    }),
  };
}

const sentence = (word: string, n: number) => `${Array.from({ length: n }, () => word).join(' ')}.`;

describe('passage-budget', () => {
  it('cuts text at the last word boundary within the limit', () => {
    expect(cutAtWord('alpha beta gamma delta', 12)).toBe('alpha beta');
    expect(cutAtWord('alpha beta', 50)).toBe('alpha beta');
    // One long word is cut inside it rather than returned empty.
    expect(cutAtWord('supercalifragilistic', 5)).toBe('super');
  });

  it('keeps everything under the budget, untouched, and reports the characters used', () => {
    const { results, budget } = fitToBudget([result('a', ['short one.', 'short two.'])], 1000);
    expect(results[0]!.passages.map((p) => [p.text, p.truncated])).toEqual([
      ['short one.', false],
      ['short two.', false],
    ]);
    expect(budget).toEqual({ maxChars: 1000, usedChars: 20, truncatedPassages: 0, omittedPassages: 0 });
  });

  it('cuts the passage that crosses the budget at a word, ends its span with its text, and leaves later passages out', () => {
    const first = sentence('alpha', 20); // 119 characters
    const second = sentence('beta', 30); // 149 characters
    const third = sentence('gamma', 10);
    const input = [result('a', [first, second], 0.9), result('b', [third], 0.5)];
    const { results, budget } = fitToBudget(input, 200);

    expect(results.map((r) => r.paperId)).toEqual(['a', 'b']);
    const [kept, cut] = results[0]!.passages;
    expect(kept).toMatchObject({ text: first, truncated: false, start: 0, end: first.length });
    expect(cut!.truncated).toBe(true);
    expect(cut!.text.length).toBeLessThanOrEqual(200 - first.length);
    expect(cut!.text).toMatch(/^beta( beta)*$/);
    // The span still names exactly the returned text in the paper's abstract.
    const abstract = input[0]!.paper.abstract;
    expect(abstract.slice(cut!.start, cut!.end)).toBe(cut!.text);
    expect(results[1]!.passages).toEqual([]);
    expect(results[1]).toMatchObject({
      paperId: 'b',
      title: 'Paper b',
      score: 0.5,
      authors: ['A. Author'],
      year: 2024,
    });
    expect(budget).toEqual({
      maxChars: 200,
      usedChars: first.length + cut!.text.length,
      truncatedPassages: 1,
      omittedPassages: 1,
    });
  });

  it('carries whether each result is one of the search total that match, passages or none', () => {
    const { results } = fitToBudget([result('a', ['short one.'], 0.9), result('b', ['short two.'], 0.4, false)], 12);
    expect(results.map((r) => [r.paperId, r.match, r.passages.length])).toEqual([
      ['a', true, 1],
      ['b', false, 0],
    ]);
  });

  it('leaves a passage out rather than return a scrap of it shorter than 40 characters', () => {
    const first = sentence('alpha', 30); // 179 characters
    const { results, budget } = fitToBudget([result('a', [first, sentence('beta', 30)])], 200);
    expect(results[0]!.passages).toHaveLength(1);
    expect(budget).toMatchObject({ usedChars: first.length, truncatedPassages: 0, omittedPassages: 1 });
  });
});
