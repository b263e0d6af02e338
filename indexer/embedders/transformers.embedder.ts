// The neural embedder: a Hugging Face feature-extraction model run by @huggingface/transformers
// (mean pooling, L2 normalization, batches). The library is imported lazily, so the builtin
// embedder never loads onnxruntime.
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import { AppError } from '../../core/errors.ts';
import type { Embedder, EmbedderInfo } from './embedder.ts';

/** ONNX weight variants; each is a file `onnx/model<suffix>.onnx` in the model folder. */
export type TransformersDtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'q4f16' | 'bnb4';

const DTYPE_FILE_SUFFIX: Record<TransformersDtype, string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
};

export type TransformersOptions = {
  /** A Hugging Face model id (e.g. Xenova/bge-small-en-v1.5) or a local model folder (absolute, ./ or ../). */
  model: string;
  /** Where downloaded models are cached and where hub models are looked up first. */
  cacheDir: string;
  /** Never download; the model must already be in cacheDir (or be a local folder). */
  offline: boolean;
  /** Texts per model call. */
  batchSize?: number;
  /** Put before every query; defaults to bge's retrieval instruction for bge models, else ''. */
  queryPrefix?: string;
  dtype?: TransformersDtype;
};

export type TransformersEmbedder = Embedder;

const DEFAULTS = { batchSize: 32, dtype: 'fp32' } satisfies Partial<TransformersOptions>;

/** bge models were trained to see this instruction before queries (not before passages). */
export const BGE_QUERY_PREFIX = 'Represent this sentence for searching relevant passages: ';

/** The query prefix a model wants by default. */
export function defaultQueryPrefix(model: string): string {
  return /bge/i.test(model) ? BGE_QUERY_PREFIX : '';
}

/** True when `model` names a folder on disk rather than a hub id. */
export function isLocalModelPath(model: string): boolean {
  return path.isAbsolute(model) || /^\.\.?([/\\]|$)/.test(model);
}

/** The folder that holds (or would hold) the model's files on this machine. */
export function localModelFolder(model: string, cacheDir: string): string {
  return isLocalModelPath(model) ? path.resolve(model) : path.join(path.resolve(cacheDir), model);
}

/** Whether the model's config, tokenizer and weights are on disk already (never downloads). */
export async function isTransformersModelAvailable(
  options: Pick<TransformersOptions, 'model' | 'cacheDir' | 'dtype'>,
): Promise<boolean> {
  const folder = localModelFolder(options.model, options.cacheDir);
  const weights = `model${DTYPE_FILE_SUFFIX[options.dtype ?? DEFAULTS.dtype]}.onnx`;
  const files = ['config.json', 'tokenizer.json', 'tokenizer_config.json', path.join('onnx', weights)];
  const present = await Promise.all(
    files.map((file) =>
      access(path.join(folder, file)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return present.every(Boolean);
}

/** Loads the model (downloading it into cacheDir unless offline); throws EMBEDDER_UNAVAILABLE if it cannot. */
export async function createTransformersEmbedder(options: TransformersOptions): Promise<TransformersEmbedder> {
  const settings = { ...DEFAULTS, ...options };
  const local = isLocalModelPath(settings.model);
  const folder = localModelFolder(settings.model, settings.cacheDir);
  const queryPrefix = settings.queryPrefix ?? defaultQueryPrefix(settings.model);
  const lookedIn = local || settings.offline ? folder : `${folder} and the Hugging Face Hub`;
  const unavailable = (reason: unknown): AppError =>
    new AppError(
      'EMBEDDER_UNAVAILABLE',
      `Could not load the embedding model ${settings.model}: ${reasonOf(reason)} (looked in ${lookedIn}${settings.offline ? '; offline, so nothing was downloaded' : ''}).`,
      { model: settings.model, folder, offline: settings.offline },
      { cause: reason },
    );

  let library: typeof import('@huggingface/transformers');
  try {
    library = await import('@huggingface/transformers');
  } catch (error) {
    throw unavailable(error);
  }
  const { env, LogLevel, pipeline } = library;
  // Some lookups inside the library read these globals instead of the per-call options.
  env.logLevel = LogLevel.ERROR;
  env.cacheDir = path.resolve(settings.cacheDir);
  env.localModelPath = path.resolve(settings.cacheDir);
  env.allowRemoteModels = !settings.offline && !local;

  let extractor: FeatureExtractionPipeline;
  try {
    // An absolute folder path is not a hub id, so the library reads the files straight from it.
    extractor = await pipeline('feature-extraction', local ? folder : settings.model, {
      dtype: settings.dtype,
      cache_dir: env.cacheDir,
      local_files_only: settings.offline || local,
      session_options: { logSeverityLevel: 3 },
    });
  } catch (error) {
    throw unavailable(error);
  }
  let dimensions: number;
  try {
    const probe = await extractor('dimension probe', { pooling: 'mean', normalize: true });
    dimensions = probe.dims.at(-1) ?? 0;
    if (!(dimensions > 0)) throw new Error(`the model returned vectors of shape [${probe.dims.join(', ')}]`);
  } catch (error) {
    await extractor.dispose();
    throw unavailable(error);
  }

  const embed = async (texts: readonly string[]): Promise<Float32Array[]> => {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += settings.batchSize) {
      const batch = texts.slice(start, start + settings.batchSize);
      const output = await extractor(batch, { pooling: 'mean', normalize: true });
      const data = output.data;
      for (let i = 0; i < batch.length; i++) {
        const offset = i * dimensions;
        vectors.push(
          data instanceof Float32Array
            ? data.slice(offset, offset + dimensions)
            : Float32Array.from({ length: dimensions }, (_, k) => Number((data as ArrayLike<number>)[offset + k])),
        );
      }
    }
    return vectors;
  };

  const info: EmbedderInfo = {
    kind: 'transformers',
    model: settings.model,
    revision: await revisionOf(extractor, folder),
    dimensions,
    queryPrefix,
  };
  return {
    info,
    embedDocuments: embed,
    async embedQuery(text) {
      const [vector] = await embed([queryPrefix + text]);
      return vector!;
    },
    serialize: () => null,
    async dispose() {
      await extractor.dispose();
    },
  };
}

/** The hub commit if the config records it, else a hash of config.json, else 'main'. */
async function revisionOf(extractor: FeatureExtractionPipeline, folder: string): Promise<string> {
  const commit = (extractor.model.config as { _commit_hash?: unknown })._commit_hash;
  if (typeof commit === 'string' && commit.length > 0) return commit;
  try {
    const config = await readFile(path.join(folder, 'config.json'));
    return `config-${createHash('sha256').update(config).digest('hex').slice(0, 16)}`;
  } catch {
    return 'main';
  }
}

function reasonOf(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  // The library's wording for a missing file names its own flags; the file is what matters to a person.
  const missing = /not found locally at "([^"]+)"/.exec(message);
  return missing ? `${missing[1]} does not exist` : message;
}
