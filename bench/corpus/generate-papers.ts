// The seeded generator of synthetic paper records: titles, authors, years, venues, tags and
// abstracts of 120–300 words written from topical vocabularies, so BM25 and vectors behave as on
// real text (Zipf-distributed words, topic mixtures, a long tail of rare names).
import type { PaperInput } from '../../indexer/paper.schema.ts';
import { CITIES, FIRST_NAMES, INSTITUTION_FORMS, LAST_NAMES, VENUE_FORMS } from './names.ts';
import { Random } from './random.ts';
import { ACADEMIC, SYLLABLES, TOPICS, type Topic } from './topics.ts';

/** Bumped whenever the generator's output changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 1;

export const GENERATOR_DEFAULTS = {
  seed: 'citelens-bench',
  minAbstractWords: 120,
  maxAbstractWords: 300,
  /** Size of the pool authors are drawn from (with Zipf weights: a few are prolific). */
  authorPool: 50_000,
  /** Rare names per topic (methods, datasets, genes…), drawn with a long tail. */
  rareTermsPerTopic: 1_500,
  /** Chance that a paper mixes in a second topic. */
  secondaryTopicChance: 0.35,
} satisfies Record<string, string | number>;

export type GeneratorOptions = typeof GENERATOR_DEFAULTS;

type Voice = {
  rng: Random;
  primary: Topic;
  secondary: Topic;
  method: string;
  rare: (topic: Topic) => string;
};

const BEATS = ['outperforms', 'improves on', 'surpasses', 'matches', 'beats'];

const SMALL_WORDS = new Set(['a', 'an', 'and', 'for', 'in', 'of', 'on', 'the', 'to', 'with', 'from', 'by']);

function capitalize(word: string): string {
  return word.length === 0 ? word : word[0]!.toUpperCase() + word.slice(1);
}

function titleCase(text: string): string {
  return text
    .split(' ')
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : capitalize(w)))
    .join(' ');
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|sh|ch|x|z)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

function thirdPerson(verb: string): string {
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  if (/(s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  return `${verb}s`;
}

/** A made-up name of 2–3 syllables: the rare, paper-specific words real abstracts are full of. */
function coinName(rng: Random): string {
  let name = '';
  const syllables = rng.int(2, 3);
  for (let i = 0; i < syllables; i++) name += rng.pick(SYLLABLES);
  const style = rng.next();
  if (style < 0.3) return name.toUpperCase().slice(0, rng.int(3, 6));
  if (style < 0.45) return `${capitalize(name)}-${rng.int(2, 99)}`;
  return capitalize(name);
}

const rarePools = new Map<string, string[]>();

function rareTerms(seed: string, topic: Topic, count: number): string[] {
  const key = `${seed}\u0000${topic.name}\u0000${count}`;
  let pool = rarePools.get(key);
  if (!pool) {
    const rng = new Random(seed, 'rare', topic.name);
    pool = Array.from({ length: count }, () => coinName(rng));
    rarePools.set(key, pool);
  }
  return pool;
}

// Slots of a sentence: topic words come from the primary topic 80% of the time, else the secondary.
function slots(voice: Voice) {
  const { rng } = voice;
  const topic = () => (rng.chance(0.8) ? voice.primary : voice.secondary);
  return {
    n: () => rng.zipf(topic().nouns),
    ns: () => plural(rng.zipf(topic().nouns)),
    p: () => rng.zipf(topic().phrases, 0.8),
    v: () => rng.zipf(topic().verbs),
    vs: () => thirdPerson(rng.zipf(topic().verbs)),
    a: () => rng.zipf(topic().adjectives),
    gn: () => rng.zipf(ACADEMIC.nouns),
    gv: () => rng.zipf(ACADEMIC.verbs),
    gvs: () => thirdPerson(rng.zipf(ACADEMIC.verbs)),
    ga: () => rng.zipf(ACADEMIC.adjectives),
    q: () => rng.pick(ACADEMIC.quantities),
    r: () => voice.rare(topic()),
    beats: () => rng.pick(BEATS),
    num: () => String(rng.chance(0.5) ? rng.int(2, 99) : (rng.int(10, 999) / 10).toFixed(1)),
    m: voice.method,
  };
}

type Slots = ReturnType<typeof slots>;

const OPENINGS: Array<(s: Slots) => string> = [
  (s) => `${capitalize(s.p())} remains a central problem for ${s.ns()} and ${s.ns()}.`,
  (s) => `Existing approaches to ${s.p()} rely on ${s.a()} ${s.ns()} and struggle when the ${s.n()} is ${s.a()}.`,
  (s) => `Unlike prior work on ${s.p()}, we do not assume ${s.a()} ${s.ns()} or a fixed ${s.n()}.`,
  (s) =>
    `Recent progress in ${s.p()} has made ${s.a()} ${s.ns()} practical, but the ${s.n()} is still poorly understood.`,
];

const METHODS: Array<(s: Slots) => string> = [
  (s) =>
    `We ${s.gv()} ${s.m}, ${article(s.ga())} ${s.a()} ${s.gn()} for ${s.p()} that ${s.vs()} the ${s.n()} and the ${s.n()}.`,
  (s) => `Our key idea is to ${s.v()} the ${s.n()} with ${s.a()} ${s.ns()} derived from ${s.r()}.`,
  (s) =>
    `${s.m} ${s.vs()} each ${s.n()} jointly with its ${s.n()}, which lets it ${s.v()} ${s.a()} ${s.ns()} at scale.`,
];

const BODY: Array<(s: Slots) => string> = [
  (s) =>
    `Experiments on ${s.q()} ${s.n()} benchmarks, including ${s.r()} and ${s.r()}, show that ${s.m} ${s.beats()} ${s.a()} baselines by ${s.num()} percent.`,
  (s) =>
    `We further ${s.gv()} how the ${s.n()} of ${s.p()} ${s.vs()} the ${s.n()}, and find that ${s.a()} ${s.ns()} matter most.`,
  (s) => `On ${s.r()}, ${s.m} reaches ${s.num()} ${s.gn()} with ${s.num()} times fewer ${s.ns()}.`,
  (s) => `An ablation study shows that the ${s.n()} and the ${s.n()} account for most of the gain in ${s.gn()}.`,
  (s) => `We also release ${s.r()}, ${article(s.ga())} ${s.gn()} of ${s.num()} thousand ${s.ns()} for ${s.p()}.`,
  (s) => `Theoretical analysis shows that ${s.m} ${s.vs()} the ${s.n()} at a rate that depends on the ${s.n()}.`,
  (s) => `In ${s.a()} settings, the ${s.n()} and the ${s.n()} interact in ways that ${s.a()} ${s.ns()} cannot capture.`,
  (s) => `Compared with ${s.r()}, our ${s.gn()} is ${s.ga()} and ${s.ga()}, and it scales to ${s.a()} ${s.ns()}.`,
  (s) =>
    `The ${s.n()} is ${s.a()} when the ${s.n()} grows, so we ${s.v()} it with ${article(s.a())} ${s.n()} from ${s.p()}.`,
  (s) => `Across ${s.num()} ${s.ns()}, ${s.p()} with ${s.m} stays ${s.ga()} under ${s.a()} ${s.n()} shift.`,
  (s) => `A key difficulty is that the ${s.n()} depends on the ${s.n()}, which ${s.a()} ${s.ns()} ignore.`,
  (s) => `To address this, we ${s.v()} the ${s.n()} in two stages and ${s.v()} the ${s.n()} only where it is ${s.a()}.`,
  (s) => `We evaluate on ${s.r()}, ${s.r()} and ${s.r()}, covering ${s.a()} and ${s.a()} ${s.ns()}.`,
  (s) => `The resulting ${s.gn()} is ${s.num()} times faster than ${s.r()} while keeping the ${s.n()} ${s.a()}.`,
  (s) => `Surprisingly, ${s.a()} ${s.ns()} help ${s.p()} less than ${s.a()} ${s.ns()} do.`,
  (s) => `We identify ${s.q()} failure modes of ${s.p()}, each tied to the ${s.n()} or the ${s.n()}.`,
];

const CLOSINGS: Array<(s: Slots) => string> = [
  (s) => `These results suggest that ${s.p()} can benefit from ${s.a()} ${s.ns()} and ${s.a()} ${s.ns()}.`,
  (s) => `We discuss the limitations of ${s.m} for ${s.p()} and outline directions for ${s.a()} ${s.n()} research.`,
  (s) => `Code and data for ${s.m} are released to support work on ${s.p()}.`,
];

const TITLES: Array<(s: Slots) => string> = [
  (s) => `${s.m}: ${s.a()} ${s.p()} with ${s.n()} ${s.ns()}`,
  (s) => `${s.a()} ${s.p()} for ${s.n()} ${s.gn()}`,
  (s) => `On the ${s.n()} of ${s.p()}`,
  (s) => `Towards ${s.a()} ${s.p()}`,
  (s) => `${s.ga()} ${s.n()} ${s.ns()} improve ${s.p()}`,
  (s) => `${s.m}: ${s.v()} the ${s.n()} in ${s.p()}`,
];

const countWords = (text: string): number => text.split(' ').length;

function writeAbstract(s: Slots, rng: Random, options: GeneratorOptions): string {
  const target = rng.int(options.minAbstractWords, options.maxAbstractWords);
  const sentences = [rng.pick(OPENINGS)(s), rng.pick(METHODS)(s)];
  let count = sentences.reduce((sum, sentence) => sum + countWords(sentence), 0);
  // Body sentences are dealt from a shuffled deck so an abstract rarely repeats a construction.
  let deck: typeof BODY = [];
  while (count < target) {
    if (deck.length === 0) deck = rng.sample(BODY, BODY.length);
    const closing = count > target - 25 && count >= options.minAbstractWords - 10 && rng.chance(0.5);
    const sentence = closing ? rng.pick(CLOSINGS)(s) : deck.pop()!(s);
    const words = countWords(sentence);
    if (count + words > options.maxAbstractWords) {
      if (count >= options.minAbstractWords) break;
      continue;
    }
    sentences.push(sentence);
    count += words;
    if (closing) break;
  }
  return sentences.join(' ');
}

function yearOf(rng: Random): number {
  // The literature grows ~8% a year, so recent years hold most papers.
  const first = 1990;
  const last = 2025;
  const growth = 1.08;
  const total = (growth ** (last - first + 1) - 1) / (growth - 1);
  const u = rng.next() * total;
  return Math.min(last, first + Math.floor(Math.log(u * (growth - 1) + 1) / Math.log(growth)));
}

function authorName(seed: string, index: number): string {
  const rng = new Random(seed, 'author', index);
  const first = rng.pick(FIRST_NAMES);
  const middle = rng.chance(0.3) ? ` ${rng.pick(FIRST_NAMES)[0]}.` : '';
  return `${first}${middle} ${rng.pick(LAST_NAMES)}`;
}

function institution(rng: Random): string {
  return rng.zipf(INSTITUTION_FORMS, 0.6).replace('{city}', rng.zipf(CITIES, 0.7));
}

/** Picks a paper's topics: a Zipf-weighted primary (some fields are larger) and a secondary. */
function topicsOf(rng: Random, options: GeneratorOptions): { primary: Topic; secondary: Topic } {
  const primary = rng.zipf(TOPICS, 0.6);
  const secondary = rng.chance(options.secondaryTopicChance) ? rng.pick(TOPICS) : primary;
  return { primary, secondary };
}

/**
 * The `index`-th synthetic paper. It depends only on (seed, index, revision), so a corpus of 10k
 * is the first 10k papers of a corpus of 100k. A later `revision` keeps the paper's id and
 * metadata and rewrites its abstract (a changed paper, for re-index benchmarks).
 */
export function generatePaper(index: number, revision = 0, options: Partial<GeneratorOptions> = {}): PaperInput {
  const opts: GeneratorOptions = { ...GENERATOR_DEFAULTS, ...options };
  const rng = new Random(opts.seed, 'paper', index);
  const { primary, secondary } = topicsOf(rng, opts);
  const voice: Voice = {
    rng,
    primary,
    secondary,
    method: coinName(rng),
    rare: (topic) => rng.zipf(rareTerms(opts.seed, topic, opts.rareTermsPerTopic), 0.8),
  };
  const s = slots(voice);
  const title = titleCase(rng.pick(TITLES)(s));
  const authorCount = rng.int(1, rng.chance(0.1) ? 12 : 6);
  const authors = [
    ...new Set(Array.from({ length: authorCount }, () => authorName(opts.seed, rng.zipfIndex(opts.authorPool, 0.7)))),
  ];
  const affiliations = [...new Set(Array.from({ length: rng.int(1, 3) }, () => institution(rng)))];
  const year = yearOf(rng);
  const field = primary.field;
  const venue = rng.chance(0.15)
    ? 'arXiv preprint'
    : rng.pick(VENUE_FORMS).replace('{field}', titleCase(field)).replace('{topic}', titleCase(primary.name));
  const tags = [
    ...new Set([...rng.sample(primary.tags, rng.int(1, 3)), ...(secondary !== primary ? [secondary.tags[0]!] : [])]),
  ];
  const arxivId = rng.chance(0.4)
    ? `${String(year % 100).padStart(2, '0')}${String(rng.int(1, 12)).padStart(2, '0')}.${String(rng.int(1, 99_999)).padStart(5, '0')}`
    : null;

  // The abstract has its own stream, so a revision changes the text and nothing else.
  const textRng = revision === 0 ? rng : new Random(opts.seed, 'paper', index, 'revision', revision);
  const abstract = writeAbstract(revision === 0 ? s : slots({ ...voice, rng: textRng }), textRng, opts);
  return {
    id: `synth-${String(index).padStart(7, '0')}`,
    title,
    abstract,
    authors,
    affiliations,
    year,
    venue,
    url: null,
    doi: `10.5555/citelens.bench.${index}`,
    arxivId,
    tags,
    metadata: { topic: primary.name, ...(secondary !== primary ? { secondaryTopic: secondary.name } : {}) },
  };
}

/** Papers [from, from + count) of the synthetic literature. */
export function* generatePapers(
  count: number,
  options: Partial<GeneratorOptions> & { from?: number } = {},
): Generator<PaperInput> {
  const from = options.from ?? 0;
  for (let i = from; i < from + count; i++) yield generatePaper(i, 0, options);
}
