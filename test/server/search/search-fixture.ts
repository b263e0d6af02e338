// Corpora for the search tests: a handful of hand-written papers with metadata, and a synthetic
// corpus of topics whose words co-occur (large enough for the latent model to generalize), built
// into an index once per test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSeededRandom } from '../../../core/seeded-random.ts';
import { type IndexReader, indexPapers, openIndex } from '../../../indexer/index.ts';

/** Papers with every kind of metadata the filters look at. */
export const HAND_PAPERS = [
  {
    id: 'sparse-attention',
    title: 'Sparse Attention Models for Long Documents',
    abstract:
      'We study sparse attention models that scale to long documents. Each layer attends to a few tokens only. On summarization the sparse models match dense baselines.',
    authors: ['Ada Lovelace', 'Grace Hopper'],
    year: 2019,
    venue: 'NeurIPS',
    tags: ['attention', 'efficiency'],
  },
  {
    id: 'perovskite-solar',
    title: 'Perovskite Solar Cells under Humidity',
    abstract:
      'Perovskite films degrade in humid air. A thin polymer coating keeps the cells efficient for a thousand hours of exposure.',
    authors: ['Marie Curie'],
    year: 2021,
    venue: 'Nature Energy',
    tags: ['materials', 'energy'],
  },
  {
    id: 'graph-retrieval',
    title: 'Graph Neural Networks for Citation Retrieval',
    abstract:
      'Citation graphs link papers through their references. A graph neural network ranks candidate citations for a draft, and retrieval improves when it reads each neighbour abstract.',
    authors: ['Alan Turing'],
    year: 2020,
    venue: 'SIGIR',
    tags: ['retrieval', 'graphs'],
  },
  {
    id: 'protein-structure',
    title: 'Protein Structure Prediction with Language Models',
    abstract:
      'Protein language models learn residue contacts without supervision. Their attention maps predict folding contacts as well as alignments of related sequences.',
    authors: ['Rosalind Franklin'],
    year: 2022,
    venue: 'Science',
    tags: ['biology'],
  },
  {
    id: 'quantized-inference',
    title: 'Quantized Inference on Commodity Processors',
    abstract:
      'Eight-bit kernels double the throughput of transformer inference on laptops. Memory bandwidth, not arithmetic, bounds the latency of each token.',
    authors: ['Grace Hopper'],
    year: 2023,
    venue: 'MLSys',
    tags: ['efficiency', 'hardware'],
  },
  {
    id: 'bm25-baselines',
    title: 'Revisiting Lexical Baselines for Scientific Search',
    abstract:
      'Term weighting with document length normalization remains a strong baseline for retrieval over abstracts. Tuned parameters matter less than the analyzer.',
    authors: ['Karen Sparck Jones'],
    year: 2018,
    venue: 'SIGIR Forum',
    tags: ['retrieval'],
  },
  {
    id: 'climate-downscaling',
    title: 'Statistical Downscaling of Regional Climate',
    abstract:
      'Regional rainfall projections are downscaled from global climate simulations with quantile mapping, and the bias of each season is reported.',
    authors: ['Edward Lorenz'],
    year: 2017,
    venue: 'Journal of Climate',
    tags: ['climate'],
  },
  {
    id: 'attention-sinks-title-only',
    title: 'Attention Sinks in Streaming Transformers',
    authors: ['Ada Lovelace'],
    year: 2024,
    tags: ['attention'],
  },
  {
    id: 'two-passages',
    title: 'A Survey of Coral Reef Monitoring',
    abstract:
      'Reef surveys have relied on divers who count fish along fixed transects, photograph the bottom, and return to the same sites every year so that changes in cover can be compared across decades. ' +
      'Such surveys are slow and costly, and they reach only shallow water close to the shore where boats can anchor safely in calm weather during the short dry season. ' +
      'Underwater drones now photograph whole reefs, and a convolutional classifier labels bleached coral in every image.',
    authors: ['Sylvia Earle'],
    year: 2020,
    venue: 'Marine Ecology',
    tags: ['ecology'],
  },
  {
    id: 'undated-note',
    title: 'Notes on Sparse Attention Kernels',
    abstract: 'Block sparse attention kernels for graphics processors, written up without a publication date.',
    authors: ['Anonymous'],
    tags: ['attention'],
  },
];

/** Topic 0's words: its last papers never use "car", though they share all its other words. */
export const CAR_TOPIC = ['car', 'automobile', 'engine', 'wheel', 'driver', 'road', 'fuel', 'garage'];

function seeded(seed: number): () => number {
  return createSeededRandom(seed).uniform;
}

/**
 * `topics` × `perTopic` short papers, each six words drawn from its topic's eight (made-up words,
 * except topic 0 which is CAR_TOPIC). The last three papers of topic 0 are drawn without "car".
 */
export function topicPapers(topics = 60, perTopic = 10): Array<{ id: string; title: string; abstract: string }> {
  const random = seeded(7);
  const consonants = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  const word = () =>
    Array.from({ length: 3 }, () => consonants[Math.floor(random() * 14)]! + vowels[Math.floor(random() * 5)]!).join(
      '',
    );
  const vocabularies = Array.from({ length: topics }, (_, t) =>
    t === 0 ? CAR_TOPIC : Array.from({ length: 8 }, word),
  );
  const papers: Array<{ id: string; title: string; abstract: string }> = [];
  vocabularies.forEach((vocabulary, t) => {
    for (let d = 0; d < perTopic; d++) {
      const pool = t === 0 && d >= perTopic - 3 ? vocabulary.slice(1) : vocabulary;
      const words = Array.from({ length: 6 }, () => pool[Math.floor(random() * pool.length)]!);
      papers.push({ id: `topic${t}-${d}`, title: `${words[0]} ${words[1]}`, abstract: `${words.join(' ')}.` });
    }
  });
  return papers;
}

export type SearchFixture = { dir: string; reader: IndexReader; close: () => void };

/** Indexes the records with the builtin embedder into a new temp folder and opens the index. */
export async function buildSearchIndex(records: ReadonlyArray<Record<string, unknown>>): Promise<SearchFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-search-'));
  const file = path.join(dir, 'papers.jsonl');
  fs.writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  await indexPapers({ indexDir: path.join(dir, 'index'), files: [file], embedder: 'builtin', offline: true });
  const reader = await openIndex(path.join(dir, 'index'));
  return {
    dir,
    reader,
    close() {
      reader.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
