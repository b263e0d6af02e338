// Child process of the peer benchmark: loads the papers and paper vectors of a Citelens index into
// Orama, then times hybrid queries (query embedding included, as in Citelens' own timings). It
// reads the SQLite file only, not the HNSW graph, so its memory is Orama's, measured apart.
// Usage: node --import tsx bench/peer/orama-child.ts <index-dir> <queries.json>; prints JSON.
import fs from 'node:fs';
import path from 'node:path';
import { loadBuiltinEmbedder } from '../../indexer/embedders/builtin.embedder.ts';
import { openDatabaseForRead } from '../../indexer/store/database.ts';
import { currentGeneration, FILES } from '../../indexer/store/generations.ts';
import { readEmbedderState, readManifest } from '../../indexer/store/manifest.repo.ts';
import { PapersReader } from '../../indexer/store/papers.repo.ts';
import { type LatencyStats, timeEach } from '../measure/latency.ts';
import { createPeer, insertIntoPeer, type PeerDocument, peerHybrid } from './orama.peer.ts';

export type PeerChildResult = { documents: number; insertSeconds: number; hybrid: LatencyStats };

const [indexDir, queriesFile] = process.argv.slice(2);
const current = indexDir ? currentGeneration(indexDir) : undefined;
if (!current || !queriesFile) {
  process.stderr.write('usage: orama-child.ts <index-dir with a published index> <queries.json>\n');
  process.exit(2);
}
const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as string[];
const db = openDatabaseForRead(path.join(current.dir, FILES.db));
const manifest = readManifest(db)!;
const state = readEmbedderState(db);
if (manifest.embedder.kind !== 'builtin' || !state) {
  process.stderr.write(`The index in ${indexDir} was not built with the builtin embedder.\n`);
  process.exit(2);
}
const embedder = loadBuiltinEmbedder(state);
const papers = new PapersReader(db);
const vectors = new Map<number, Float32Array>();
for (const { label, vector } of papers.allVectors()) vectors.set(label, vector);

function* documents(): Generator<PeerDocument> {
  for (const { doc, paper } of papers.all()) {
    yield { id: paper.id, title: paper.title, abstract: paper.abstract, embedding: vectors.get(doc)! };
  }
}

const peer = createPeer(manifest.embedder.dimensions);
const insertSeconds = await insertIntoPeer(peer, documents());
const documentCount = vectors.size;
vectors.clear();
db.close();
const hybrid = await timeEach(queries, (text) => peerHybrid(peer, text, embedder.embedSync(text), 10));
const result: PeerChildResult = { documents: documentCount, insertSeconds, hybrid };
process.stdout.write(`${JSON.stringify(result)}\n`);
