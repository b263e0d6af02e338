// Reads the environment once, with zod, and derives every data path the product uses.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from './errors.ts';

/** The project folder (where package.json lives). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The most server processes `serve --workers` may start: each holds the whole index in memory. */
export const MAX_WORKERS = 64;

const zEnv = z.object({
  CITELENS_INDEX: z.string().min(1).optional(),
  CITELENS_EMBEDDER: z.enum(['auto', 'builtin', 'transformers']).default('auto'),
  CITELENS_MODEL: z.string().min(1).default('Xenova/bge-small-en-v1.5'),
  CITELENS_MODEL_DIR: z.string().min(1).optional(),
  CITELENS_OFFLINE: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  CITELENS_JUDGE: z.enum(['auto', 'builtin', 'nli']).default('auto'),
  CITELENS_NLI_MODEL: z.string().min(1).default('Xenova/nli-deberta-v3-xsmall'),
  CITELENS_HOST: z.string().min(1).default('127.0.0.1'),
  CITELENS_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  // A bearer token travels in one header word: spaces or control characters could never match.
  CITELENS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional(),
  CITELENS_WORKERS: z.coerce.number().int().min(1).max(MAX_WORKERS).optional(),
  CITELENS_CORS_ORIGINS: z.string().optional(),
  CITELENS_LLM_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  CITELENS_LLM_MODEL: z.string().min(1).optional(),
  CITELENS_LLM_API_KEY: z.string().optional(),
  CITELENS_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
});

export type Config = {
  /** Default index folder used when no --index is given. */
  indexDir: string;
  /** The bundled sample library. */
  sampleDataFile: string;
  embedder: 'auto' | 'builtin' | 'transformers';
  /** Hugging Face model id or a local model folder for the transformers embedder. */
  model: string;
  /** Where transformers models are cached and looked up locally. */
  modelDir: string;
  /** Never try to download a model. */
  offline: boolean;
  /**
   * The citation judge: builtin (offline cues), nli (an NLI model, downloaded on first use unless
   * offline), or auto (nli when its model is already in modelDir, else builtin).
   */
  judge: 'auto' | 'builtin' | 'nli';
  /** Hugging Face id or local folder of the NLI cross-encoder the nli judge runs. */
  nliModel: string;
  host: string;
  port: number;
  /** Server processes `serve` runs (1: a single process; default: up to 2, one per core). */
  workers: number;
  /** Access token required on every API request when set. */
  token: string | undefined;
  corsOrigins: string[];
  llm: { baseUrl: string; model: string; apiKey: string | undefined; timeoutMs: number } | undefined;
};

// The value is shown so the mistake can be seen, except a token's, which is a secret.
function shownValue(name: string, value: string | undefined): string {
  if (value === undefined || name === 'CITELENS_TOKEN' || name === 'CITELENS_LLM_API_KEY') return '';
  return ` (got '${value.length > 80 ? `${value.slice(0, 80)}…` : value}')`;
}

/**
 * Parses an environment (default: process.env) into the product's configuration. An invalid
 * variable is INVALID_CONFIG, naming the variable, what it must be and (not for secrets) its value.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = zEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0]);
    throw new AppError(
      'INVALID_CONFIG',
      `Invalid environment variable ${name}: ${issue?.message}${shownValue(name, env[name])}.`,
      { field: name },
    );
  }
  const e = parsed.data;
  return {
    indexDir: path.resolve(e.CITELENS_INDEX ?? path.join(PROJECT_ROOT, 'data', 'index')),
    sampleDataFile: path.join(PROJECT_ROOT, 'data', 'papers.jsonl'),
    embedder: e.CITELENS_EMBEDDER,
    model: e.CITELENS_MODEL,
    modelDir: path.resolve(e.CITELENS_MODEL_DIR ?? path.join(PROJECT_ROOT, 'data', 'models')),
    offline: e.CITELENS_OFFLINE,
    judge: e.CITELENS_JUDGE,
    nliModel: e.CITELENS_NLI_MODEL,
    host: e.CITELENS_HOST,
    port: e.CITELENS_PORT,
    workers: e.CITELENS_WORKERS ?? Math.min(2, os.availableParallelism()),
    token: e.CITELENS_TOKEN,
    corsOrigins: (e.CITELENS_CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    llm:
      e.CITELENS_LLM_BASE_URL && e.CITELENS_LLM_MODEL
        ? {
            baseUrl: e.CITELENS_LLM_BASE_URL,
            model: e.CITELENS_LLM_MODEL,
            apiKey: e.CITELENS_LLM_API_KEY,
            timeoutMs: e.CITELENS_LLM_TIMEOUT_MS,
          }
        : undefined,
  };
}
