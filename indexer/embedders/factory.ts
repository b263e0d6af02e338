// Chooses and creates the embedder: the one an index recorded (re-created exactly), the one asked
// for, or for 'auto' the neural model when it is present and the built-in model otherwise.
import { AppError } from '../../core/errors.ts';
import { type BuiltinOptions, fitBuiltinEmbedder, loadBuiltinEmbedder } from './builtin.embedder.ts';
import type { Embedder, EmbedderInfo, EmbedderKind } from './embedder.ts';
import {
  createTransformersEmbedder,
  isTransformersModelAvailable,
  type TransformersDtype,
} from './transformers.embedder.ts';

export type CreateEmbedderOptions = {
  kind: EmbedderKind;
  /** Transformers model id or local folder (ignored by the builtin embedder). */
  model: string;
  /** Where transformers models are cached and looked up. */
  cacheDir: string;
  offline: boolean;
  /** Texts to fit the builtin embedder on (required whenever a new builtin model is fitted). */
  corpus?: readonly string[];
  /** The stored builtin model, when reopening an index built with it. */
  state?: Buffer | null;
  /** What the index recorded; when given, exactly that embedder is re-created. */
  info?: EmbedderInfo;
  /** Told when 'auto' falls back to the builtin embedder, and why. */
  onNotice?: (message: string) => void;
  builtin?: Partial<BuiltinOptions>;
  dtype?: TransformersDtype;
};

/** Creates the embedder the options call for (see the module header for the rules). */
export async function createEmbedder(options: CreateEmbedderOptions): Promise<Embedder> {
  if (options.info) return reopen(options.info, options);
  switch (options.kind) {
    case 'builtin':
      return fitBuiltin(options);
    case 'transformers':
      return createTransformersEmbedder(transformersOptions(options));
    case 'auto':
      return createAuto(options);
  }
}

async function createAuto(options: CreateEmbedderOptions): Promise<Embedder> {
  let why: string;
  if (!options.offline || (await isTransformersModelAvailable(transformersOptions(options)))) {
    try {
      return await createTransformersEmbedder(transformersOptions(options));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'EMBEDDER_UNAVAILABLE') throw error;
      why = error.message.replace(/\.$/, '');
    }
  } else {
    why = `${options.model} is not in ${options.cacheDir} and offline mode forbids downloading it`;
  }
  options.onNotice?.(
    `Using the built-in offline embedder: ${why}. Put ${options.model} in ${options.cacheDir} or use --embedder transformers for a neural model.`,
  );
  return fitBuiltin(options);
}

function fitBuiltin(options: CreateEmbedderOptions): Embedder {
  if (!options.corpus) {
    throw new AppError('INTERNAL', 'The built-in embedder must be fitted on a corpus, but none was given.');
  }
  return fitBuiltinEmbedder(options.corpus, options.builtin);
}

async function reopen(recorded: EmbedderInfo, options: CreateEmbedderOptions): Promise<Embedder> {
  if (recorded.kind === 'builtin') {
    if (!options.state) {
      throw new AppError(
        'INDEX_CORRUPT',
        'The index was built with the built-in embedder but its stored model is missing.',
      );
    }
    const embedder = loadBuiltinEmbedder(options.state);
    // The state and the manifest are written together, so disagreement means damage, not a changed embedder.
    if (embedder.info.revision !== recorded.revision || embedder.info.dimensions !== recorded.dimensions) {
      throw new AppError(
        'INDEX_CORRUPT',
        `The index's stored built-in model (revision ${embedder.info.revision}, ${embedder.info.dimensions} dimensions) is not the one it records (revision ${recorded.revision}, ${recorded.dimensions} dimensions).`,
        { recorded, loaded: embedder.info },
      );
    }
    return embedder;
  }

  const embedder = await createTransformersEmbedder({
    ...transformersOptions(options),
    model: recorded.model,
    queryPrefix: recorded.queryPrefix,
  });
  const loaded = embedder.info;
  if (loaded.revision !== recorded.revision || loaded.dimensions !== recorded.dimensions) {
    await embedder.dispose();
    throw new AppError(
      'EMBEDDER_MISMATCH',
      `The index was built with ${recorded.model} revision ${recorded.revision} (${recorded.dimensions} dimensions), but the model found now is revision ${loaded.revision} (${loaded.dimensions} dimensions). Its vectors would not be comparable; rebuild the index with --rebuild to use this model.`,
      { recorded, loaded },
    );
  }
  return embedder;
}

function transformersOptions(options: CreateEmbedderOptions) {
  return {
    model: options.model,
    cacheDir: options.cacheDir,
    offline: options.offline,
    ...(options.dtype ? { dtype: options.dtype } : {}),
  };
}
