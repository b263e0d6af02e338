// Quality at equal footing: Cranfield (BEIR format) indexed in Citelens and in the peer (Orama)
// with the same builtin-embedder vectors; nDCG@10 and query latency of each.
import fs from 'node:fs';
import path from 'node:path';
import { indexPapers, openIndex } from '../../indexer/index.ts';
import { type Judgments, ndcgAt } from '../../server/eval/metrics.ts';
import { searchPapers } from '../../server/search/index.ts';
import type { SearchMode } from '../../server/search/search.schema.ts';
import { type LatencyStats, latencyStats } from '../measure/latency.ts';
import { createPeer, insertIntoPeer, PEER_SIMILARITIES, peerHybrid } from '../peer/orama.peer.ts';
import { SEARCH_MODES } from './search.bench.ts';

export type CranfieldResult = {
  documents: number;
  queries: number;
  citelens: { indexSeconds: number; ndcg10: Record<SearchMode, number>; hybrid: LatencyStats };
  peer: {
    insertSeconds: number;
    /** The cosine cut-off that scored best (reported here), and nDCG@10 at each one tried. */
    similarity: number;
    ndcg10: number;
    hybrid: LatencyStats;
    bySimilarity: Array<{ similarity: number; ndcg10: number }>;
  };
};

type BeirSet = {
  corpus: Array<{ id: string; title: string; text: string }>;
  queries: Map<string, string>;
  qrels: Map<string, Map<string, number>>;
};

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}

/** Reads a BEIR folder (corpus.jsonl, queries.jsonl, qrels/test.tsv); only judged queries are kept. */
export function readBeir(dir: string): BeirSet {
  const corpus = readJsonl<{ _id: string; title?: string; text?: string }>(path.join(dir, 'corpus.jsonl'))
    // Cranfield has two empty documents; a paper needs text to be indexed at all.
    .filter((doc) => (doc.text ?? '').trim().length > 0)
    .map((doc) => ({ id: String(doc._id), title: (doc.title ?? '').trim(), text: (doc.text ?? '').trim() }));
  const qrels = new Map<string, Map<string, number>>();
  for (const line of fs
    .readFileSync(path.join(dir, 'qrels', 'test.tsv'), 'utf8')
    .split('\n')
    .slice(1)) {
    const [query, doc, score] = line.trim().split('\t');
    if (!query || !doc || score === undefined) continue;
    if (!qrels.has(query)) qrels.set(query, new Map());
    qrels.get(query)!.set(doc, Number(score));
  }
  const queries = new Map<string, string>();
  for (const q of readJsonl<{ _id: string; text: string }>(path.join(dir, 'queries.jsonl'))) {
    if (qrels.has(String(q._id))) queries.set(String(q._id), q.text);
  }
  return { corpus, queries, qrels };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** Indexes the BEIR set in `workDir` with Citelens and in Orama, and compares nDCG@10 and latency. */
export async function benchCranfield(
  dir: string,
  workDir: string,
  options: { similarities: readonly number[] } = { similarities: PEER_SIMILARITIES },
): Promise<CranfieldResult> {
  const beir = readBeir(dir);
  const file = path.join(workDir, 'cranfield.jsonl');
  fs.writeFileSync(
    file,
    `${beir.corpus.map((doc) => JSON.stringify({ id: doc.id, title: doc.title || doc.text.split(' ').slice(0, 12).join(' '), abstract: doc.text })).join('\n')}\n`,
  );
  const indexDir = path.join(workDir, 'cranfield-index');
  const summary = await indexPapers({ indexDir, files: [file], embedder: 'builtin', offline: true });
  const reader = await openIndex(indexDir, { offline: true });
  try {
    const queries = [...beir.queries];
    const judgments = (id: string): Judgments => beir.qrels.get(id) ?? new Map();

    const ndcg10 = {} as Record<SearchMode, number>;
    let hybrid: LatencyStats | undefined;
    for (const mode of SEARCH_MODES) {
      const scores: number[] = [];
      const samples: number[] = [];
      for (const [id, text] of queries) {
        const start = performance.now();
        const response = await searchPapers(reader, { query: text, mode, k: 10 });
        samples.push(performance.now() - start);
        scores.push(
          ndcgAt(
            response.results.map((r) => r.paper.id),
            judgments(id),
            10,
          ),
        );
      }
      ndcg10[mode] = mean(scores);
      if (mode === 'hybrid') hybrid = latencyStats(samples);
    }

    // The peer gets the very vectors Citelens stores for each paper, and embeds queries the same way.
    const peer = createPeer(reader.manifest.embedder.dimensions);
    const papers = new Map([...reader.papers.all()].map(({ doc, paper }) => [doc, paper]));
    const documents = [...reader.papers.allVectors()].map(({ label, vector }) => {
      const paper = papers.get(label)!;
      return { id: paper.id, title: paper.title, abstract: paper.abstract, embedding: vector };
    });
    const insertSeconds = await insertIntoPeer(peer, documents);
    const runs: Array<{ similarity: number; ndcg10: number; latency: LatencyStats }> = [];
    for (const similarity of options.similarities) {
      const scores: number[] = [];
      const samples: number[] = [];
      for (const [id, text] of queries) {
        // Timed with the query embedding, as Citelens' hybrid timing includes it.
        const start = performance.now();
        const ids = await peerHybrid(peer, text, await reader.embedQuery(text), 10, similarity);
        samples.push(performance.now() - start);
        scores.push(ndcgAt(ids, judgments(id), 10));
      }
      runs.push({ similarity, ndcg10: mean(scores), latency: latencyStats(samples) });
    }
    // The peer is reported at its best cut-off: the comparison is against Orama at its best.
    const best = runs.reduce((a, b) => (b.ndcg10 > a.ndcg10 ? b : a));
    return {
      documents: summary.papers,
      queries: queries.length,
      citelens: { indexSeconds: summary.seconds, ndcg10, hybrid: hybrid! },
      peer: {
        insertSeconds,
        similarity: best.similarity,
        ndcg10: best.ndcg10,
        hybrid: best.latency,
        bySimilarity: runs.map(({ similarity, ndcg10 }) => ({ similarity, ndcg10 })),
      },
    };
  } finally {
    reader.close();
  }
}
