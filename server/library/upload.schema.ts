// The nouns of adding papers from the browser: an upload session, the files sent to it in parts,
// and the events of indexing them (progress, the located problems the CLI would print, the result).
import { z } from '@hono/zod-openapi';

export const UPLOAD_LIMITS = {
  /**
   * Bytes per part, under the 512 KB body limit. Parts carry the file's bytes as they are on disk,
   * so the indexer reads them as it reads any file (Windows-1252, UTF-16, a Zotero database).
   */
  maxPartBytes: 384 * 1024,
  /** Files per upload. */
  maxFiles: 50,
  /** Bytes per upload, all files together. */
  maxUploadBytes: 200 * 1024 * 1024,
  /** Uploads not indexed within this time are deleted. */
  maxAgeMs: 60 * 60 * 1000,
} as const;

export const zUploadId = z.string().regex(/^[a-f0-9]{32}$/, 'must be an upload id from POST /api/library/uploads');

/** A file name as the browser sends it: its base name only, no path, no control characters. */
export const zUploadFileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\\u0000-\u001f]+$/, 'must be a plain file name (no folders or control characters)')
  .refine((name) => name !== '.' && name !== '..', 'must be a plain file name');

export const zUploadCreated = z.object({ id: zUploadId }).meta({ id: 'UploadCreated' });
export const zUploadPartAccepted = z
  .object({ file: z.string(), part: z.number().int(), bytes: z.number().int() })
  .meta({ id: 'UploadPartAccepted' });

export const zUploadProblem = z.object({
  /** As the CLI prints it: "file:line (record n) field: message". */
  text: z.string(),
  file: z.string(),
  line: z.number().int().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});
export type UploadProblem = z.infer<typeof zUploadProblem>;

/** The events of POST /api/library/uploads/{id}/index, as server-sent events named by `type`. */
export type UploadEvent =
  | { type: 'progress'; stage: 'read' | 'embed'; done: number; total: number }
  | {
      type: 'done';
      generation: number;
      papers: number;
      added: number;
      updated: number;
      unchanged: number;
      /** Records refused (the rest were indexed), as the CLI lists them. */
      skipped: UploadProblem[];
      /** Records kept after a repair. */
      repaired: number;
    }
  | { type: 'error'; code: string; message: string; hint: string; problems: UploadProblem[] };
