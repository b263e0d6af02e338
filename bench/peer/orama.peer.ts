// The peer: @orama/orama hybrid search (BM25 + brute-force vectors) over the same papers and the
// same builtin-embedder vectors Citelens uses, so only the search engines differ.
import { create, insertMultiple, search } from '@orama/orama';

export type PeerDocument = { id: string; title: string; abstract: string; embedding: Float32Array };

/**
 * Orama's default cosine cut-off (0.8) drops nearly every latent-semantic match (Cranfield nDCG@10
 * 0.16); 0.3 scored best of 0.8, 0.5, 0.3, 0.1 and 0, so the peer runs with it, to be fair.
 */
export const PEER_DEFAULTS = { similarity: 0.3, stemming: true } as const;

/** The cut-offs the Cranfield run tries; it reports the peer at the best of them. */
export const PEER_SIMILARITIES = [0.8, 0.5, 0.3, 0.1, 0] as const;

function schemaOf(dimensions: number) {
  return { id: 'string', title: 'string', abstract: 'string', embedding: `vector[${dimensions}]` } as const;
}

/** An empty Orama database for papers with `dimensions`-long vectors (English stemming, as Citelens stems). */
export function createPeer(dimensions: number, options: { stemming?: boolean } = {}) {
  return create({
    schema: schemaOf(dimensions),
    components: { tokenizer: { stemming: options.stemming ?? PEER_DEFAULTS.stemming } },
  });
}

export type Peer = ReturnType<typeof createPeer>;

/** Inserts the documents in batches; returns the seconds it took. */
export async function insertIntoPeer(peer: Peer, documents: Iterable<PeerDocument>, batch = 1_000): Promise<number> {
  const start = performance.now();
  let pending: Array<{ id: string; title: string; abstract: string; embedding: number[] }> = [];
  for (const doc of documents) {
    pending.push({ id: doc.id, title: doc.title, abstract: doc.abstract, embedding: Array.from(doc.embedding) });
    if (pending.length === batch) {
      await insertMultiple(peer, pending, batch);
      pending = [];
    }
  }
  if (pending.length > 0) await insertMultiple(peer, pending, batch);
  return (performance.now() - start) / 1000;
}

/** The ids of Orama's top-k hybrid results for a query and its vector. */
export async function peerHybrid(
  peer: Peer,
  term: string,
  vector: Float32Array,
  k: number,
  similarity: number = PEER_DEFAULTS.similarity,
): Promise<string[]> {
  const result = await search(peer, {
    mode: 'hybrid',
    term,
    vector: { value: Array.from(vector), property: 'embedding' },
    similarity,
    limit: k,
    properties: ['title', 'abstract'],
  });
  return result.hits.map((hit) => hit.id);
}
