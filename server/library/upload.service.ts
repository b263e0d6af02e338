// Adds papers sent from the browser: files arrive in parts into a private temporary folder, then
// are indexed in-process into the served index (the generation writer's lock keeps it to one
// write at a time) and the new generation is loaded without a restart.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../core/config.ts';
import { AppError, ERRORS, isAppError } from '../../core/errors.ts';
import { formatProblem, type InputProblem, indexPapers } from '../../indexer/index.ts';
import type { IndexHolder } from '../index-holder.ts';
import { UPLOAD_LIMITS, type UploadEvent, type UploadProblem } from './upload.schema.ts';

type Upload = { dir: string; created: number; bytes: number; parts: Map<string, number>; indexing: boolean };

const uploads = new Map<string, Upload>();

function removeUpload(id: string): void {
  const upload = uploads.get(id);
  uploads.delete(id);
  if (upload) fs.rmSync(upload.dir, { recursive: true, force: true });
}

// Uploads left behind (a closed tab) are removed when the next one starts.
function removeStale(now: number): void {
  for (const [id, upload] of uploads) {
    if (!upload.indexing && now - upload.created > UPLOAD_LIMITS.maxAgeMs) removeUpload(id);
  }
}

/** Starts an upload: a new private temporary folder for its files. */
export function createUpload(): { id: string } {
  const now = Date.now();
  removeStale(now);
  const id = randomBytes(16).toString('hex');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-upload-'));
  uploads.set(id, { dir, created: now, bytes: 0, parts: new Map(), indexing: false });
  return { id };
}

/** Throws NOT_FOUND (or INVALID_INPUT while it is being indexed) unless the upload can be indexed now. */
export function assertUploadReady(id: string): void {
  uploadOf(id);
}

function uploadOf(id: string): Upload {
  const upload = uploads.get(id);
  if (!upload)
    throw new AppError('NOT_FOUND', `There is no upload '${id}' (it was indexed, or is over an hour old).`, {
      field: 'id',
    });
  if (upload.indexing) throw new AppError('INVALID_INPUT', `Upload '${id}' is already being indexed.`, { field: 'id' });
  return upload;
}

/** Appends part `part` (0, 1, 2… in order) of file `name` to the upload. */
export function addPart(
  id: string,
  name: string,
  part: number,
  text: string,
): { file: string; part: number; bytes: number } {
  const upload = uploadOf(id);
  const expected = upload.parts.get(name) ?? 0;
  if (!upload.parts.has(name) && upload.parts.size >= UPLOAD_LIMITS.maxFiles) {
    throw new AppError('INVALID_INPUT', `An upload holds at most ${UPLOAD_LIMITS.maxFiles} files.`, { field: 'name' });
  }
  if (part !== expected) {
    throw new AppError('INVALID_INPUT', `Part ${part} of '${name}' came out of order; part ${expected} was expected.`, {
      field: 'part',
    });
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (upload.bytes + bytes > UPLOAD_LIMITS.maxUploadBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `An upload may hold at most ${UPLOAD_LIMITS.maxUploadBytes / 1024 / 1024} MB.`,
      {
        maxBytes: UPLOAD_LIMITS.maxUploadBytes,
      },
    );
  }
  fs.appendFileSync(path.join(upload.dir, name), text, 'utf8');
  upload.bytes += bytes;
  upload.parts.set(name, expected + 1);
  return { file: name, part, bytes };
}

function problemOf(problem: InputProblem, dir: string): UploadProblem {
  // Named as the user knows the file, not by its temporary path.
  const located = { ...problem, file: path.relative(dir, problem.file) || problem.file };
  return {
    text: formatProblem(located),
    file: located.file,
    line: located.line,
    field: located.field,
    message: located.message,
  };
}

function byLocation(a: UploadProblem, b: UploadProblem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
}

export type IndexUploadOptions = { config: Config; holder: IndexHolder; onEvent: (event: UploadEvent) => void };

/**
 * Indexes the upload's files into the served index, reporting progress, then loads the new
 * generation. As with the CLI, records that cannot be used are refused and listed with their file
 * and line, and the rest are indexed; with no usable record at all, nothing changes and the error
 * lists them. The upload is removed afterwards, whatever happened.
 */
export async function indexUpload(id: string, { config, holder, onEvent }: IndexUploadOptions): Promise<void> {
  const upload = uploadOf(id);
  const files = [...upload.parts.keys()].map((name) => path.join(upload.dir, name));
  if (files.length === 0) throw new AppError('INVALID_INPUT', `Upload '${id}' holds no files.`, { field: 'id' });
  const indexDir = holder.dir;
  if (!indexDir) throw new AppError('INDEX_NOT_FOUND', 'The server was started without an index folder.');
  upload.indexing = true;
  try {
    const summary = await indexPapers({
      indexDir,
      files,
      embedder: config.embedder,
      model: config.model,
      modelDir: config.modelDir,
      offline: config.offline,
      onProgress: (event) => onEvent({ type: 'progress', ...event }),
    });
    await holder.reload();
    onEvent({
      type: 'done',
      generation: summary.generation,
      papers: summary.papers,
      added: summary.added,
      updated: summary.updated,
      unchanged: summary.unchanged,
      skipped: summary.skipped.map((problem) => problemOf(problem, upload.dir)).sort(byLocation),
      repaired: summary.repaired,
    });
  } catch (error) {
    const appError = isAppError(error) ? error : new AppError('INTERNAL', 'Indexing the files failed unexpectedly.');
    if (!isAppError(error)) console.error(error);
    const problems = ((appError.details as { problems?: InputProblem[] } | undefined)?.problems ?? [])
      .map((problem) => problemOf(problem, upload.dir))
      .sort(byLocation);
    // Messages name files as the user knows them, not by the temporary folder.
    const message = appError.message.split(`${upload.dir}${path.sep}`).join('');
    onEvent({ type: 'error', code: appError.code, message, hint: ERRORS[appError.code].hint, problems });
  } finally {
    removeUpload(id);
  }
}
