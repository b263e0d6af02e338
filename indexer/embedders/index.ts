// The embedders' public face: the contract, the factory the indexer and reader use, and the
// pieces other tools need (the builtin model's defaults, the local-model check).
export { BUILTIN_DEFAULTS, type BuiltinOptions } from './builtin.embedder.ts';
export {
  type Embedder,
  type EmbedderInfo,
  type EmbedderKind,
  type LibraryFrequencies,
  zEmbedderInfo,
} from './embedder.ts';
export { type CreateEmbedderOptions, createEmbedder } from './factory.ts';
export { isTransformersModelAvailable, type TransformersDtype } from './transformers.embedder.ts';
