// Small deterministic corpora for indexer tests: a few topics with their own vocabulary, so
// keyword and vector search behave as on real abstracts.
import fs from 'node:fs';
import path from 'node:path';
import { createSeededRandom } from '../../core/seeded-random.ts';

const TOPICS = [
  ['attention', 'heads', 'sink', 'softmax', 'tokens', 'layers', 'normalization', 'variance'],
  ['retrieval', 'passages', 'citations', 'grounding', 'sources', 'documents', 'evidence', 'answers'],
  ['quantization', 'kernels', 'throughput', 'latency', 'memory', 'cpu', 'inference', 'batching'],
  ['reward', 'policy', 'reinforcement', 'rollouts', 'reasoning', 'math', 'verifier', 'optimization'],
];

function rng(seed: number): () => number {
  return createSeededRandom(seed).uniform;
}

/** `count` papers as JSON Lines records, deterministic for a given seed. */
export function syntheticPapers(count: number, seed = 1): Array<Record<string, unknown>> {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length]!;
    const sentence = () =>
      `${Array.from({ length: 9 }, () => (random() < 0.6 ? pick(topic) : pick(['model', 'study', 'results', 'method', 'data', 'scale']))).join(' ')}.`;
    const words = Array.from({ length: 2 + Math.floor(random() * 4) }, sentence).join(' ');
    return {
      id: `p${i}`,
      title: `${pick(topic)} ${pick(topic)} study ${i}`,
      abstract: words.charAt(0).toUpperCase() + words.slice(1),
      authors: [`Author ${i % 7}`],
      year: 2015 + (i % 10),
      tags: [topic[0]!],
    };
  });
}

/** Writes records as a JSON Lines file and returns its path. */
export function writeJsonl(dir: string, name: string, records: ReadonlyArray<Record<string, unknown>>): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return file;
}
