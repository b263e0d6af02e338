// Seeded search queries over the synthetic literature's topics, in the shapes people type:
// two or three keywords, a known phrase, a question, or a named method or dataset.
import { GENERATOR_DEFAULTS } from './generate-papers.ts';
import { Random } from './random.ts';
import { TOPICS } from './topics.ts';

export type BenchQuery = { text: string; topic: string };

/** `count` queries, the same ones for the same seed. */
export function generateQueries(count: number, seed: string = GENERATOR_DEFAULTS.seed): BenchQuery[] {
  const rng = new Random(seed, 'queries');
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const topic = rng.zipf(TOPICS, 0.6);
    const n = () => rng.zipf(topic.nouns);
    const p = () => rng.zipf(topic.phrases, 0.8);
    const a = () => rng.zipf(topic.adjectives);
    const v = () => rng.zipf(topic.verbs);
    const shapes = [
      () => `${n()} ${n()}`,
      () => `${a()} ${n()} ${n()}`,
      () => p(),
      () => `${p()} ${n()}`,
      () => `how to ${v()} ${n()} in ${p()}`,
      () => `${a()} methods for ${p()}`,
      () => `does ${p()} improve ${n()} ${n()}`,
    ];
    queries.push({ text: rng.pick(shapes)(), topic: topic.name });
  }
  return queries;
}
