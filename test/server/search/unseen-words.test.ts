// Words the built-in embedder was never fitted on: semantic search still finds the papers they are
// variants of, and hybrid scores stay between 0 and 1 whatever the embedder makes of the query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../core/seeded-random.ts';
import { searchPapers } from '../../../server/search/index.ts';
import { buildSearchIndex, type SearchFixture, topicPapers } from './search-fixture.ts';

const EMPATHY = ['empathy', 'compassion', 'clinicians', 'patients', 'listening', 'emotions', 'nurses', 'bedside'];

/** Ten papers on empathy in care, written from its eight words; "empathetic" and "empathic" never occur. */
function empathyPapers() {
  const random = createSeededRandom(11).uniform;
  return Array.from({ length: 10 }, (_, d) => {
    const words = Array.from({ length: 8 }, () => EMPATHY[Math.floor(random() * EMPATHY.length)]!);
    if (!words.includes('empathy')) words[0] = 'empathy';
    return { id: `empathy-${d}`, title: `${words[0]} and ${words[1]}`, abstract: `${words.join(' ')}.` };
  });
}

let fixture: SearchFixture;

beforeAll(async () => {
  fixture = await buildSearchIndex([
    ...topicPapers(30, 10),
    ...empathyPapers(),
    // A word in one paper only: BM25 finds it, the fitted model (words in two papers or more) does not know it.
    { id: 'lonely-word', title: 'Qxjwvb observed', abstract: 'A single qxjwvb report.' },
  ]);
});

afterAll(() => fixture?.close());

describe('unseen words', () => {
  it.each(['empathetic', 'empathic'])('finds the papers on empathy for "%s" in semantic mode', async (query) => {
    const response = await searchPapers(fixture.reader, { query, mode: 'semantic', k: 10 });
    expect(response.results.length).toBeGreaterThan(0);
    const top = response.results.slice(0, 5).map((r) => r.paper.id);
    expect(top.every((id) => id.startsWith('empathy-'))).toBe(true);
  });

  it('ranks the empathy papers first in hybrid mode although no paper holds the word', async () => {
    const response = await searchPapers(fixture.reader, { query: 'empathetic listening', k: 5 });
    expect(response.results.map((r) => r.paper.id).every((id) => id.startsWith('empathy-'))).toBe(true);
  });

  it('keeps hybrid scores between 0 and 1 when the embedder knows none of the query words', async () => {
    // Before, hybrid fell back to raw BM25 scores here (above 1).
    const response = await searchPapers(fixture.reader, { query: 'qxjwvb', k: 5 });
    expect(response.results[0]?.paper.id).toBe('lonely-word');
    for (const { score } of response.results) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('tells how much of a query the embedder knows', () => {
    const embedder = fixture.reader.embedder;
    expect(embedder.coverage?.('empathy patients')).toBe(1);
    const variant = embedder.coverage?.('empathetic patients') ?? 0;
    expect(variant).toBeGreaterThan(0.5);
    expect(variant).toBeLessThan(1);
    expect(embedder.coverage?.('qxjwvb')).toBe(0);
  });
});
