// A cross-encoder NLI model (premise = an evidence sentence, hypothesis = the claim) run by
// @huggingface/transformers in batches. Its labels are read by name from the model's config
// (id2label), never by position: models order entailment / neutral / contradiction differently.
// The model is found where the embedder finds its models (CITELENS_MODEL_DIR), or downloaded
// there on first use unless offline; only the model files travel, never library text.
import path from 'node:path';
import { AppError } from '../../../core/errors.ts';
import {
  isLocalModelPath,
  isTransformersModelAvailable,
  localModelFolder,
} from '../../../indexer/embedders/transformers.embedder.ts';

export type NliOptions = {
  /** A Hugging Face model id (default Xenova/nli-deberta-v3-xsmall) or a local model folder. */
  model: string;
  /** Where models are cached and looked up first (the embedder's model folder). */
  cacheDir: string;
  /** Never download. */
  offline: boolean;
  /** Pairs per model call. */
  batchSize?: number;
  /** ONNX weights: `fp32` reads onnx/model.onnx, `q8` onnx/model_quantized.onnx. */
  dtype?: 'fp32' | 'q8';
};

export const NLI_DEFAULTS = { batchSize: 16, dtype: 'fp32' } satisfies Partial<NliOptions>;

/** The three probabilities of one (premise, hypothesis) pair; they sum to 1. */
export type NliScores = { entailment: number; neutral: number; contradiction: number };

export type NliModel = {
  readonly model: string;
  classify(pairs: ReadonlyArray<{ premise: string; hypothesis: string }>): Promise<NliScores[]>;
  dispose(): Promise<void>;
};

/** Which output index holds each label, from a config's id2label ("ENTAILMENT", "contradiction", "LABEL_0"…). */
export function labelIndexes(id2label: Record<string, string> | undefined): Record<keyof NliScores, number> {
  const found: Partial<Record<keyof NliScores, number>> = {};
  for (const [id, label] of Object.entries(id2label ?? {})) {
    const name = label.toLowerCase();
    const key = name.startsWith('entail')
      ? 'entailment'
      : name.startsWith('neutral')
        ? 'neutral'
        : name.startsWith('contradict')
          ? 'contradiction'
          : undefined;
    if (key) found[key] = Number(id);
  }
  if (found.entailment === undefined || found.neutral === undefined || found.contradiction === undefined) {
    throw new AppError(
      'JUDGE_UNAVAILABLE',
      `The NLI model's config.json id2label (${JSON.stringify(id2label ?? null)}) does not name entailment, neutral and contradiction labels.`,
    );
  }
  return found as Record<keyof NliScores, number>;
}

/** Whether the model's files are on disk already (never downloads). */
export function isNliModelAvailable(options: Pick<NliOptions, 'model' | 'cacheDir' | 'dtype'>): Promise<boolean> {
  return isTransformersModelAvailable({ ...options, dtype: options.dtype ?? NLI_DEFAULTS.dtype });
}

/** Loads the model (downloading it into cacheDir unless offline); throws JUDGE_UNAVAILABLE if it cannot. */
export async function loadNliModel(options: NliOptions): Promise<NliModel> {
  const settings = { ...NLI_DEFAULTS, ...options };
  const local = isLocalModelPath(settings.model);
  const folder = localModelFolder(settings.model, settings.cacheDir);
  const unavailable = (reason: unknown) =>
    new AppError(
      'JUDGE_UNAVAILABLE',
      `Could not load the NLI model ${settings.model}: ${(reason instanceof Error ? reason.message : String(reason)).replace(/\s+/gu, ' ')} (looked in ${folder}${settings.offline || local ? '' : ' and the Hugging Face Hub'}).`,
      { model: settings.model, folder, offline: settings.offline },
      { cause: reason },
    );
  if ((settings.offline || local) && !(await isNliModelAvailable(settings))) {
    throw unavailable(
      new Error(
        `its files (config.json, tokenizer.json, tokenizer_config.json, onnx/model${settings.dtype === 'q8' ? '_quantized' : ''}.onnx) are not all there${settings.offline ? ' and CITELENS_OFFLINE forbids downloading them' : ''}`,
      ),
    );
  }
  let library: typeof import('@huggingface/transformers');
  try {
    library = await import('@huggingface/transformers');
  } catch (error) {
    throw unavailable(error);
  }
  const { env, LogLevel, AutoTokenizer, AutoModelForSequenceClassification } = library;
  env.logLevel = LogLevel.ERROR;
  env.cacheDir = path.resolve(settings.cacheDir);
  env.localModelPath = path.resolve(settings.cacheDir);
  env.allowRemoteModels = !settings.offline && !local;
  const id = local ? folder : settings.model;
  const loadOptions = { cache_dir: env.cacheDir, local_files_only: settings.offline || local };
  let tokenizer: Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>;
  let model: Awaited<ReturnType<typeof AutoModelForSequenceClassification.from_pretrained>>;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(id, loadOptions);
    model = await AutoModelForSequenceClassification.from_pretrained(id, {
      ...loadOptions,
      dtype: settings.dtype,
      session_options: { logSeverityLevel: 3 },
    });
  } catch (error) {
    throw unavailable(error);
  }
  const labels = labelIndexes((model.config as { id2label?: Record<string, string> }).id2label);

  return {
    model: settings.model,
    async classify(pairs) {
      const scores: NliScores[] = [];
      for (let start = 0; start < pairs.length; start += settings.batchSize) {
        const batch = pairs.slice(start, start + settings.batchSize);
        const inputs = tokenizer(
          batch.map((p) => p.premise),
          { text_pair: batch.map((p) => p.hypothesis), padding: true, truncation: true },
        );
        const { logits } = (await model(inputs)) as { logits: { data: ArrayLike<number>; dims: number[] } };
        const width = logits.dims.at(-1) ?? 0;
        for (let row = 0; row < batch.length; row++) {
          const values = Array.from({ length: width }, (_, k) => Number(logits.data[row * width + k]));
          const top = Math.max(...values);
          const exps = values.map((v) => Math.exp(v - top));
          const sum = exps.reduce((a, b) => a + b, 0);
          scores.push({
            entailment: exps[labels.entailment]! / sum,
            neutral: exps[labels.neutral]! / sum,
            contradiction: exps[labels.contradiction]! / sum,
          });
        }
      }
      return scores;
    },
    async dispose() {
      await model.dispose();
    },
  };
}
