// Builds an HNSW vector file on a worker thread, so graph construction (the costliest step of
// indexing) runs on the second core while the main thread embeds papers and writes SQLite.
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../core/errors.ts';

/** What the main thread asks of the worker. */
export type BuilderRequest =
  | { kind: 'create'; dimensions: number; capacity: number }
  | { kind: 'load'; file: string; dimensions: number; live: number }
  | { kind: 'add'; labels: Int32Array; vectors: Float32Array }
  | { kind: 'remove'; labels: number[] }
  | { kind: 'save'; file: string };

/** What the worker answers: to the first request (ready), and to save. */
export type BuilderReply =
  | { kind: 'ready' }
  | { kind: 'saved'; live: number }
  | { kind: 'failed'; error: { name: string; message: string; code?: string; appCode?: ErrorCode } };

function toError(failure: Extract<BuilderReply, { kind: 'failed' }>['error']): Error {
  if (failure.appCode) return new AppError(failure.appCode, failure.message);
  const error = new Error(failure.message) as NodeJS.ErrnoException;
  error.name = failure.name;
  if (failure.code) error.code = failure.code;
  return error;
}

/**
 * An HNSW index under construction on a worker thread. Requests are queued in order; add() and
 * remove() return at once, and the first failure of any of them is thrown by save().
 */
export class HnswBuilder {
  private readonly worker: Worker;
  private readonly replies: BuilderReply[] = [];
  private readonly waiting: Array<(reply: BuilderReply) => void> = [];
  private crashed: Error | undefined;
  /** Resolves when the index is created or loaded; rejects when loading fails. */
  readonly ready: Promise<void>;

  private constructor(first: BuilderRequest) {
    this.worker = new Worker(new URL('./hnsw-builder.worker.js', import.meta.url));
    this.worker.on('message', (reply: BuilderReply) => this.deliver(reply));
    this.worker.on('error', (error) => {
      this.crashed = error;
      this.deliver({ kind: 'failed', error: { name: error.name, message: error.message } });
    });
    this.worker.on('exit', (code) => {
      if (code !== 0 && !this.crashed) {
        this.crashed = new Error(`The vector builder thread stopped with exit code ${code}.`);
        this.deliver({ kind: 'failed', error: { name: 'Error', message: this.crashed.message } });
      }
    });
    this.worker.postMessage(first);
    this.ready = this.next().then((reply) => {
      if (reply.kind === 'failed') throw toError(reply.error);
    });
    // A rejected ready is handled by whoever awaits it; do not let it surface as unhandled meanwhile.
    this.ready.catch(() => {});
  }

  /** An empty index with room for `capacity` vectors. */
  static create(dimensions: number, capacity: number): HnswBuilder {
    return new HnswBuilder({ kind: 'create', dimensions, capacity });
  }

  /** Starts from a saved index (see HnswVectorIndex.load); `ready` rejects if the file cannot be read. */
  static load(file: string, dimensions: number, live: number): HnswBuilder {
    return new HnswBuilder({ kind: 'load', file, dimensions, live });
  }

  add(entries: ReadonlyArray<{ label: number; vector: Float32Array }>): void {
    if (entries.length === 0) return;
    const dimensions = entries[0]!.vector.length;
    const labels = new Int32Array(entries.length);
    const vectors = new Float32Array(entries.length * dimensions);
    entries.forEach(({ label, vector }, i) => {
      labels[i] = label;
      vectors.set(vector, i * dimensions);
    });
    this.post({ kind: 'add', labels, vectors }, [labels.buffer, vectors.buffer]);
  }

  remove(labels: readonly number[]): void {
    if (labels.length > 0) this.post({ kind: 'remove', labels: [...labels] });
  }

  /** Waits for every queued request, writes the index to `file`, and returns its live vector count. */
  async save(file: string): Promise<number> {
    this.post({ kind: 'save', file });
    const reply = await this.next();
    if (reply.kind === 'failed') throw toError(reply.error);
    if (reply.kind !== 'saved') throw new Error(`The vector builder answered ${reply.kind} to save.`);
    return reply.live;
  }

  /** Stops the worker thread (call in a finally block). */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private post(request: BuilderRequest, transfer: ArrayBuffer[] = []): void {
    if (this.crashed) return;
    this.worker.postMessage(request, transfer);
  }

  private deliver(reply: BuilderReply): void {
    const resolve = this.waiting.shift();
    if (resolve) resolve(reply);
    else this.replies.push(reply);
  }

  private next(): Promise<BuilderReply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
