// The load test's synthetic library: seeded papers with topical abstracts, authors, years, DOIs and
// arXiv ids, so search, answers and citation checks all have real work to do at any size.
import { createSeededRandom } from '../../core/seeded-random.ts';

/** Bumped whenever the generated papers change, so cached load indexes are rebuilt. */
export const LOAD_CORPUS_VERSION = 2;

/** A generated paper, in the shape `citelens index` reads from JSON Lines. */
export type LoadPaper = {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  year: number;
  venue: string;
  doi: string | null;
  arxivId: string | null;
  tags: string[];
};

/** A topic: its tag and its most common words (the rest of its vocabulary is generated). */
export type LoadTopic = { tag: string; words: readonly string[] };

export const LOAD_TOPICS: readonly LoadTopic[] = [
  {
    tag: 'attention',
    words: [
      'attention',
      'heads',
      'sink',
      'softmax',
      'tokens',
      'layers',
      'normalization',
      'variance',
      'residual',
      'logits',
    ],
  },
  {
    tag: 'retrieval',
    words: [
      'retrieval',
      'passages',
      'citations',
      'grounding',
      'sources',
      'documents',
      'evidence',
      'reranking',
      'recall',
      'queries',
    ],
  },
  {
    tag: 'efficiency',
    words: [
      'quantization',
      'kernels',
      'throughput',
      'latency',
      'memory',
      'cache',
      'inference',
      'batching',
      'pruning',
      'sparsity',
    ],
  },
  {
    tag: 'reasoning',
    words: [
      'reward',
      'policy',
      'reinforcement',
      'rollouts',
      'reasoning',
      'math',
      'verifier',
      'proofs',
      'search',
      'planning',
    ],
  },
  {
    tag: 'climate',
    words: [
      'glaciers',
      'melt',
      'warming',
      'rainfall',
      'drought',
      'carbon',
      'emissions',
      'forests',
      'oceans',
      'heatwaves',
    ],
  },
  {
    tag: 'health',
    words: ['caffeine', 'sleep', 'memory', 'trial', 'placebo', 'exercise', 'diet', 'cohort', 'blood', 'pressure'],
  },
  {
    tag: 'materials',
    words: [
      'zeolite',
      'catalysts',
      'polymers',
      'alloys',
      'corrosion',
      'crystals',
      'membranes',
      'porosity',
      'coatings',
      'ceramics',
    ],
  },
  {
    tag: 'robotics',
    words: [
      'robots',
      'grasping',
      'locomotion',
      'controllers',
      'sensors',
      'manipulation',
      'navigation',
      'simulation',
      'actuators',
      'terrain',
    ],
  },
];

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'ta',
  'vo',
  'zi',
  'pe',
  'sa',
  'do',
  'fi',
  'gu',
  'he',
  'ju',
  'ber',
  'con',
  'dex',
];
const SUFFIXES = ['ase', 'ine', 'ol', 'ite', 'on', 'ism', 'ics', 'ene', 'ide', 'um'];

/** Terms of a topic past its common words: method names, materials, datasets (rarer, many). */
export const RARE_TERMS_PER_TOPIC = 150;

/** A topic's whole vocabulary, most common first: its common words, then its generated terms. */
export function vocabularyOf(topic: LoadTopic): string[] {
  const random = seededRandom([...topic.tag].reduce((acc, ch) => acc * 31 + ch.charCodeAt(0), 7));
  const rare = new Set<string>();
  while (rare.size < RARE_TERMS_PER_TOPIC) {
    const syllables = Array.from(
      { length: 2 + Math.floor(random() * 2) },
      () => SYLLABLES[Math.floor(random() * SYLLABLES.length)],
    );
    rare.add(`${syllables.join('')}${SUFFIXES[Math.floor(random() * SUFFIXES.length)]}`);
  }
  return [...topic.words, ...rare];
}

const GENERAL = [
  'model',
  'method',
  'results',
  'data',
  'scale',
  'baseline',
  'analysis',
  'experiments',
  'study',
  'effect',
];
const FIRST_NAMES = [
  'Ana',
  'Kai',
  'Wei',
  'Maria',
  'Tom',
  'Priya',
  'Hans',
  'Ruth',
  'Sam',
  'Lena',
  'Omar',
  'Yuki',
  'Ines',
  'Jon',
];
const LAST_NAMES = [
  'Lin',
  'Chen',
  'Ruiz',
  'Meier',
  'Adler',
  'Osei',
  'Raman',
  'Okafor',
  'Lindqvist',
  'Novak',
  'Haddad',
  'Tanaka',
  'Silva',
  'Kowalski',
  'Berg',
  'Moreau',
  'Ivanova',
  'Mensah',
  'Kaur',
  'Dubois',
];
const VENUES = ['Journal of Synthetic Results', 'Proceedings of Made-Up Systems', 'Letters in Generated Science'];
const SENTENCES = [
  (a: string, b: string, c: string, d: string) => `We show that ${a} ${b} improves ${c} ${d} across benchmarks.`,
  (a: string, b: string, c: string, d: string) => `Increasing ${a} reduces ${b} ${c} without hurting ${d}.`,
  (a: string, b: string, c: string, d: string) => `The ${a} ${b} depends strongly on ${c} and on ${d}.`,
  (a: string, b: string, c: string, d: string) => `Our ${a} analysis finds no link between ${b} and ${c} ${d}.`,
  (a: string, b: string, c: string, d: string) => `A simple ${a} baseline matches ${b} ${c} on ${d} tasks.`,
  (a: string, b: string, c: string, d: string) => `Combining ${a} with ${b} doubles ${c} in ${d} settings.`,
];

/** A small seeded PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function seededRandom(seed: number): () => number {
  return createSeededRandom(seed).uniform;
}

/** Picks from a list, favouring its first items (word use in real text is skewed the same way). */
export function skewedPick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() ** 2 * items.length)]!;
}

/**
 * `count` papers, deterministic for a seed. Most words come from the paper's topic, common ones far
 * more often than rare ones, so a common word matches a few percent of the library, as in real text.
 */
export function loadPapers(count: number, seed: number): LoadPaper[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const vocabularies = new Map(LOAD_TOPICS.map((topic) => [topic, vocabularyOf(topic)]));
  return Array.from({ length: count }, (_, i) => {
    const topic = LOAD_TOPICS[i % LOAD_TOPICS.length]!;
    const other = LOAD_TOPICS[Math.floor(random() * LOAD_TOPICS.length)]!;
    const own = vocabularies.get(topic)!;
    const word = () => {
      const draw = random();
      if (draw < 0.15) return skewedPick(random, topic.words);
      if (draw < 0.8) return skewedPick(random, own);
      return draw < 0.9 ? skewedPick(random, vocabularies.get(other)!) : pick(GENERAL);
    };
    const sentences = Array.from({ length: 4 + Math.floor(random() * 5) }, () =>
      pick(SENTENCES)(word(), word(), word(), word()),
    );
    const authors = Array.from(
      { length: 1 + Math.floor(random() * 3) },
      () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
    );
    const first = word();
    return {
      id: `load-${i}`,
      title: `${first.charAt(0).toUpperCase()}${first.slice(1)} ${word()} for ${word()} ${word()}, part ${i}`,
      abstract: sentences.join(' '),
      authors,
      year: 2008 + Math.floor(random() * 18),
      venue: pick(VENUES),
      doi: i % 2 === 0 ? `10.5555/load.${i}` : null,
      arxivId:
        i % 3 === 0 ? `${23 + (i % 3)}${String(1 + (i % 12)).padStart(2, '0')}.${String(i).padStart(5, '0')}` : null,
      tags: other === topic ? [topic.tag] : [topic.tag, other.tag],
    };
  });
}
