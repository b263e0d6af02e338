// Adds papers sent from the browser: files arrive in parts into a private temporary folder, then
// are indexed in-process into the served index (the generation writer's lock keeps it to one
// write at a time) and the new generation is loaded without a restart.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';
import { formatProblem, type InputProblem, indexPapers } from '../../indexer/index.ts';
import { appErrorOf } from '../http/error-handler.ts';
import { redactServerPaths } from '../http/redact-paths.ts';
import type { IndexHolder } from '../index-holder.ts';
import { UPLOAD_LIMITS, type UploadEvent, type UploadProblem } from './upload.schema.ts';
import { legacyUploadsFolder, privateUploadsFolder } from './uploads-folder.ts';

// Uploads live on disk only (no state in this process), so with several server processes
// (`serve --workers`) every part may reach a different one (uploads-folder.ts names the folder for the user).
const INDEXING_MARK = '.indexing';
const partsFile = (dir: string, name: string) => path.join(dir, `.${name}.parts`);

// Uploads left behind (a closed tab) are removed when the next one starts, in the shared folder earlier versions
// used too while it is this user's (uploads-folder.ts).
function removeStale(folder: string, now: number): void {
  for (const entry of fs.readdirSync(folder)) {
    const dir = path.join(folder, entry);
    try {
      if (now - fs.statSync(dir).mtimeMs > UPLOAD_LIMITS.maxAgeMs) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

/**
 * Starts an upload: a new private folder for its files, in the uploads folder.
 * @throws AppError UPLOADS_UNAVAILABLE when the uploads folder cannot be made or is not this process's own.
 */
export function createUpload(): { id: string } {
  const folder = privateUploadsFolder();
  const now = Date.now();
  removeStale(folder, now);
  const legacy = legacyUploadsFolder();
  if (legacy !== undefined) removeStale(legacy, now);
  const id = randomBytes(16).toString('hex');
  fs.mkdirSync(path.join(folder, id), { mode: 0o700 });
  return { id };
}

/**
 * The upload's folder; NOT_FOUND when there is none, INVALID_INPUT while it is being indexed, UPLOADS_UNAVAILABLE
 * when the uploads folder is not this process's own.
 */
function uploadDir(id: string): string {
  const dir = path.join(privateUploadsFolder(), id);
  if (!fs.existsSync(dir)) {
    throw new AppError('NOT_FOUND', `There is no upload '${id}' (it was indexed, or is over an hour old).`, {
      field: 'id',
    });
  }
  if (fs.existsSync(path.join(dir, INDEXING_MARK))) {
    throw new AppError('INVALID_INPUT', `Upload '${id}' is already being indexed.`, { field: 'id' });
  }
  return dir;
}

/** Throws NOT_FOUND (or INVALID_INPUT while it is being indexed) unless the upload can be indexed now. */
export function assertUploadReady(id: string): void {
  uploadDir(id);
}

function uploadedFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => !name.startsWith('.'));
}

/** Appends part `part` (0, 1, 2… in order) of file `name` to the upload. */
export function addPart(
  id: string,
  name: string,
  part: number,
  content: Uint8Array,
): { file: string; part: number; bytes: number } {
  const dir = uploadDir(id);
  const counter = partsFile(dir, name);
  const expected = fs.existsSync(counter) ? Number(fs.readFileSync(counter, 'utf8')) : 0;
  const files = uploadedFiles(dir);
  if (!files.includes(name) && files.length >= UPLOAD_LIMITS.maxFiles) {
    throw new AppError('INVALID_INPUT', `An upload holds at most ${UPLOAD_LIMITS.maxFiles} files.`, { field: 'name' });
  }
  if (part !== expected) {
    throw new AppError('INVALID_INPUT', `Part ${part} of '${name}' came out of order; part ${expected} was expected.`, {
      field: 'part',
    });
  }
  const bytes = content.byteLength;
  const held = files.reduce((sum, file) => sum + fs.statSync(path.join(dir, file)).size, 0);
  if (held + bytes > UPLOAD_LIMITS.maxUploadBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `An upload may hold at most ${UPLOAD_LIMITS.maxUploadBytes / 1024 / 1024} MB.`,
      { maxBytes: UPLOAD_LIMITS.maxUploadBytes },
    );
  }
  // A name starting with a dot would hide the file among the upload's own bookkeeping.
  if (name.startsWith('.'))
    throw new AppError('INVALID_INPUT', `File name '${name}' must not start with a dot.`, { field: 'name' });
  if (bytes > UPLOAD_LIMITS.maxPartBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `A part may hold at most ${UPLOAD_LIMITS.maxPartBytes} bytes.`, {
      maxBytes: UPLOAD_LIMITS.maxPartBytes,
    });
  // Node's write errors carry no path: give them the file, so a full disk names what was being written.
  const writing = (file: string, write: () => void) => {
    try {
      write();
    } catch (error) {
      throw error instanceof Error && !('path' in error) ? Object.assign(error, { path: file }) : error;
    }
  };
  const target = path.join(dir, name);
  writing(target, () => fs.appendFileSync(target, content));
  writing(counter, () => fs.writeFileSync(counter, String(expected + 1)));
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
 * lists them. A failure to load the generation written (another server process that did not reload)
 * is an error that says the papers were added. The upload is removed afterwards, whatever happened.
 */
export async function indexUpload(id: string, { config, holder, onEvent }: IndexUploadOptions): Promise<void> {
  const dir = uploadDir(id);
  const files = uploadedFiles(dir).map((name) => path.join(dir, name));
  if (files.length === 0) throw new AppError('INVALID_INPUT', `Upload '${id}' holds no files.`, { field: 'id' });
  const indexDir = holder.dir;
  if (!indexDir) throw new AppError('INDEX_NOT_FOUND', 'The server was started without an index folder.');
  // Created exclusively: of two requests to index the same upload, only one goes on.
  try {
    fs.writeFileSync(path.join(dir, INDEXING_MARK), String(process.pid), { flag: 'wx' });
  } catch {
    throw new AppError('INVALID_INPUT', `Upload '${id}' is already being indexed.`, { field: 'id' });
  }
  // Set once the papers are in the index: a failure after it (loading the new generation) must not read as if none were.
  let written: { generation: number; added: number; updated: number } | undefined;
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
    written = summary;
    await holder.reload();
    onEvent({
      type: 'done',
      generation: summary.generation,
      papers: summary.papers,
      added: summary.added,
      updated: summary.updated,
      unchanged: summary.unchanged,
      skipped: summary.skipped.map((problem) => problemOf(problem, dir)).sort(byLocation),
      repaired: summary.repaired,
    });
  } catch (error) {
    // Mapped as every request's failure is: SQLite's damage is INDEX_CORRUPT, a bug INTERNAL (logged).
    const appError = appErrorOf(error, {
      where: `the indexing of upload '${id}'`,
      log: (line) => console.error(line),
      holder,
    });
    const problems = ((appError.details as { problems?: InputProblem[] } | undefined)?.problems ?? [])
      .map((problem) => problemOf(problem, dir))
      .sort(byLocation);
    // Messages name files as the user knows them, not by the temporary folder, and no other server path.
    const failed = redactServerPaths(appError.message.split(`${dir}${path.sep}`).join(''), indexDir);
    const message = written
      ? `The papers were added to the index (generation ${written.generation}: ${written.added} added, ${written.updated} updated), but the server could not load it yet: ${failed}`
      : failed;
    onEvent({ type: 'error', code: appError.code, message, hint: appError.hintOn('http'), problems });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
