// The VectorIndex contract: approximate k-nearest-neighbour search over unit vectors by cosine,
// keyed by integer labels. hnsw.vector-index.ts implements it with hnswlib-node.

export type VectorHit = {
  label: number;
  /** Cosine similarity in [-1, 1]. */
  score: number;
};

export type VectorSearchOptions = {
  /** HNSW breadth of search at query time; larger is slower and more exact. */
  ef?: number;
  /** Only labels for which this returns true are returned. */
  filter?: (label: number) => boolean;
};

export interface VectorIndex {
  readonly dimensions: number;
  /** Number of live (not removed) vectors. */
  readonly size: number;
  add(label: number, vector: Float32Array): void;
  remove(label: number): void;
  has(label: number): boolean;
  /** The stored vector of a live label (a copy, and slow: for checks, not for queries), or undefined. */
  vector(label: number): Float32Array | undefined;
  search(vector: Float32Array, k: number, options?: VectorSearchOptions): VectorHit[];
  /** Writes the index to this exact path (callers write to a temp path and rename). */
  save(file: string): void;
}
