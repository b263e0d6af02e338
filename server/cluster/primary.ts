// The cluster's primary process: forks the server workers (which share one listening socket through
// node:cluster), replaces one that dies, relays a reload and confirmed damage to every worker, and stops them in order.
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';
import type { DamageReport } from '../index-holder.ts';
import { assertSafeBind, SERVE_DEFAULTS } from '../serve.ts';
import {
  isMessage,
  receivedError,
  type SentError,
  type ToPrimary,
  type ToWorker,
  WORKER_START_ENV,
  type WorkerStart,
} from './messages.ts';
import { ReloadRelay } from './reload-relay.ts';

export const CLUSTER_DEFAULTS = {
  /**
   * After this many unexpected worker deaths within `deathWindowMs`, a replacement waits before it
   * starts (`backoffMs`, doubling with each further death, at most `maxBackoffMs`): a crash loop
   * slows down, but the cluster never gives up serving.
   */
  maxDeaths: 5,
  deathWindowMs: 60_000,
  backoffMs: 1_000,
  maxBackoffMs: 30_000,
  /** Longest a reload waits for the other workers before it answers with an error. */
  reloadTimeoutMs: 60_000,
  /** The same notice from several workers within this long (e.g. each one's "no index yet") is printed once. */
  noticeRepeatMs: 10_000,
  /** After the workers' own close grace period, how long to wait before killing one that has not exited. */
  killAfterGraceMs: 5_000,
};

export type ClusterOptions = Partial<typeof CLUSTER_DEFAULTS> &
  Partial<Pick<typeof SERVE_DEFAULTS, 'watch' | 'watchIntervalMs' | 'closeGraceMs'>> & {
    /** Host, port, token and the rest, as for `startServer`; every worker gets the same. */
    config: Config;
    indexDir: string;
    /** How many server processes to run (2 or more; one process needs no cluster). */
    workers: number;
    /** The script a worker process runs, and its arguments: one that calls `runWorker` (the CLI's `serve-worker`). */
    workerScript: { exec: string; args: string[] };
    onNotice?: (message: string) => void;
  };

export type RunningCluster = {
  /** The base URL every worker answers on (with the real port when port 0 was asked for). */
  url: string;
  host: string;
  port: number;
  /** The process ids of the workers alive now. */
  workerPids: () => number[];
  /** Stops every worker as `RunningServer.close` does (running requests finish) and resolves once all have exited. */
  close: () => Promise<void>;
  /** Rejects if a replacement worker cannot be started at all (workers that keep dying are replaced with back-off); never resolves. */
  failed: Promise<never>;
};

type Member = {
  worker: Worker;
  pid: number | undefined;
  /** The port it was told to bind: workers that share a listening socket must all ask for the same one. */
  port: number;
  ready: boolean;
  failure: SentError | undefined;
  /** How many reloads had been relayed when it was forked: a later one may have missed it. */
  relaysAtFork: number;
};

/**
 * Environment that lets a worker's allocator back large blocks (the vector graph: 117 MB at 100k
 * papers) with transparent huge pages, where the kernel offers them only on request ("madvise"):
 * reading the graph then takes about a third less time. Ignored by other C libraries and kernels;
 * a tunable the user set is kept.
 */
export function workerMemoryEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (env.GLIBC_TUNABLES !== undefined) return {};
  return { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' };
}

function describeExit(code: number | null, signal: string | null): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

function tell(member: Member, message: ToWorker): void {
  // A worker that just died has no channel; its exit is handled on its own.
  if (member.worker.isConnected()) member.worker.send(message, undefined, {}, () => {});
}

class ClusterPrimary {
  readonly #opts: Required<Omit<ClusterOptions, 'onNotice'>>;
  readonly #notice: (message: string) => void;
  readonly #members = new Set<Member>();
  #state: 'starting' | 'running' | 'stopping' = 'starting';
  /** The real port, once a worker listens. */
  #port: number | undefined;
  #deaths: number[] = [];
  /** Replacements waiting out their back-off (one per death). */
  readonly #waiting = new Set<NodeJS.Timeout>();
  readonly #relay: ReloadRelay<Member>;
  readonly #noticedAt = new Map<string, number>();
  /** The last damage a worker's integrity check confirmed: told to every worker as it starts, too. */
  #damage: DamageReport | undefined;
  #startup: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  #allGone: (() => void) | undefined;
  #closing: Promise<void> | undefined;
  #fail: (error: AppError) => void = () => {};
  readonly failed: Promise<never>;

  constructor(options: ClusterOptions) {
    const { onNotice, ...rest } = options;
    this.#opts = { ...CLUSTER_DEFAULTS, ...SERVE_DEFAULTS, ...rest };
    this.#notice = onNotice ?? (() => {});
    this.#relay = new ReloadRelay<Member>(
      {
        reload: (member, relayId) => tell(member, { kind: 'reload', id: relayId }),
        answer: (member, id, error) =>
          tell(member, error ? { kind: 'peers-reloaded', id, error } : { kind: 'peers-reloaded', id }),
      },
      this.#opts.reloadTimeoutMs,
    );
    this.failed = new Promise<never>((_, reject) => {
      this.#fail = reject;
    });
    // Whoever runs the cluster listens to `failed`; an unheard rejection must not end the process by itself.
    this.failed.catch(() => {});
  }

  async start(): Promise<RunningCluster> {
    const { config } = this.#opts;
    // Checked here too, so an unsafe bind fails once, before any worker is forked.
    assertSafeBind(config.host, config.token);
    cluster.setupPrimary(this.#opts.workerScript);
    const started = new Promise<void>((resolve, reject) => {
      this.#startup = { resolve, reject };
    });
    // One worker first: it answers as soon as it has opened the index, while the others would only
    // compete with it for the cores. The rest are forked when it is ready (see #receive).
    this.#fork(config.port);
    await started;
    const port = this.#port ?? config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      url: `http://${host}:${port}`,
      host: config.host,
      port,
      workerPids: () => [...this.#members].flatMap((m) => (m.pid ? [m.pid] : [])),
      close: () => this.#stopAll(),
      failed: this.failed,
    };
  }

  #fork(port: number): void {
    const start: WorkerStart = {
      config: { ...this.#opts.config, port },
      indexDir: this.#opts.indexDir,
      watch: this.#opts.watch,
      watchIntervalMs: this.#opts.watchIntervalMs,
      closeGraceMs: this.#opts.closeGraceMs,
    };
    const worker = cluster.fork({ [WORKER_START_ENV]: JSON.stringify(start), ...workerMemoryEnv() });
    const member: Member = {
      worker,
      pid: worker.process.pid,
      port,
      ready: false,
      failure: undefined,
      relaysAtFork: this.#relay.count,
    };
    this.#members.add(member);
    worker.on('message', (message: unknown) => {
      if (isMessage<ToPrimary>(message)) this.#receive(member, message);
    });
    // IPC errors of a dying worker: its exit says what happened.
    worker.on('error', () => {});
    // Messages sent just before exiting are read before the channel closes, so wait for both.
    let exit: { code: number | null; signal: string | null } | undefined;
    let gone = false;
    const leave = () => {
      if (gone || !exit) return;
      gone = true;
      this.#left(member, exit.code, exit.signal);
    };
    worker.on('exit', (code, signal) => {
      exit = { code, signal };
      if (!worker.isConnected()) leave();
      else setTimeout(leave, 1_000).unref();
    });
    worker.on('disconnect', leave);
  }

  #receive(member: Member, message: ToPrimary): void {
    switch (message.kind) {
      case 'ready':
        member.ready = true;
        this.#port ??= message.port;
        // It may have opened the damaged generation: it falls back without checking it again.
        if (this.#damage && this.#state !== 'stopping') tell(member, { kind: 'damage', report: this.#damage });
        if (this.#state === 'stopping') {
          // A stop sent while it was still loading may have come before it listened for messages.
          tell(member, { kind: 'stop' });
        } else if (this.#state === 'starting') {
          if (this.#members.size < this.#opts.workers) {
            // Same requested port as the first (0 included): workers asking alike share one socket.
            for (let i = this.#members.size; i < this.#opts.workers; i++) this.#fork(this.#opts.config.port);
          } else if ([...this.#members].every((m) => m.ready)) {
            this.#state = 'running';
            this.#startup?.resolve();
          }
        } else {
          this.#notice(`Server worker ${member.pid} took over.`);
          if (member.relaysAtFork !== this.#relay.count) tell(member, { kind: 'reload', id: 0 });
        }
        return;
      case 'failed':
        member.failure = message.error;
        if (this.#state === 'running') this.#notice(`A new server worker could not start: ${message.error.message}`);
        return;
      case 'notice':
        this.#noticeOnce(message.message);
        return;
      case 'reload-peers':
        this.#relay.start(
          member,
          message.id,
          [...this.#members].filter((m) => m !== member && m.ready),
        );
        return;
      case 'reload-done':
        this.#relay.done(member, message.id, message.error);
        return;
      case 'damage':
        this.#damage = message.report;
        for (const other of this.#members) if (other !== member && other.ready) tell(other, message);
        return;
    }
  }

  #noticeOnce(message: string): void {
    const now = Date.now();
    const last = this.#noticedAt.get(message);
    if (last !== undefined && now - last < this.#opts.noticeRepeatMs) return;
    for (const [text, at] of this.#noticedAt) if (now - at >= this.#opts.noticeRepeatMs) this.#noticedAt.delete(text);
    this.#noticedAt.set(message, now);
    this.#notice(message);
  }

  #left(member: Member, code: number | null, signal: string | null): void {
    this.#members.delete(member);
    this.#relay.forget(member);
    const { pid } = member;
    if (this.#state === 'stopping') {
      if (this.#members.size === 0) this.#allGone?.();
      return;
    }
    if (this.#state === 'starting') {
      // Starting failed (a busy port, an unreadable index…): every worker would fail alike, so stop.
      const error = member.failure
        ? receivedError(member.failure)
        : new AppError('INTERNAL', `Server worker ${pid} stopped (${describeExit(code, signal)}) before it listened.`);
      void this.#stopAll().then(() => this.#startup?.reject(error));
      return;
    }
    const now = Date.now();
    this.#deaths = [...this.#deaths.filter((at) => now - at < this.#opts.deathWindowMs), now];
    const how = member.failure ? `could not start: ${member.failure.message}` : describeExit(code, signal);
    // Workers share the listening socket only while they ask for the same port: a replacement asks
    // for what the live ones did (0 included), or for the real port once none is left to share with.
    const replace = () => {
      if (this.#state !== 'running') return;
      const sharing = [...this.#members][0];
      try {
        this.#fork(sharing ? sharing.port : (this.#port ?? this.#opts.config.port));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        void this.#stopAll().then(() =>
          this.#fail(new AppError('INTERNAL', `Could not start a server worker: ${reason}`)),
        );
      }
    };
    const excess = this.#deaths.length - this.#opts.maxDeaths;
    if (excess < 0) {
      this.#notice(`Server worker ${pid} stopped unexpectedly (${how}); starting a new one.`);
      replace();
      return;
    }
    const waitMs = Math.min(this.#opts.backoffMs * 2 ** excess, this.#opts.maxBackoffMs);
    this.#notice(
      `Server workers stopped unexpectedly ${this.#deaths.length} times within ${this.#opts.deathWindowMs / 1000} s ` +
        `(the last one: ${how}); starting a new one in ${(waitMs / 1000).toFixed(waitMs < 1000 ? 1 : 0)} s.`,
    );
    const timer = setTimeout(() => {
      this.#waiting.delete(timer);
      replace();
    }, waitMs);
    this.#waiting.add(timer);
  }

  #stopAll(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      this.#state = 'stopping';
      for (const timer of this.#waiting) clearTimeout(timer);
      this.#waiting.clear();
      if (this.#members.size === 0) {
        resolve();
        return;
      }
      this.#allGone = resolve;
      for (const member of this.#members) tell(member, { kind: 'stop' });
      const kill = setTimeout(() => {
        for (const member of this.#members) member.worker.process.kill('SIGKILL');
      }, this.#opts.closeGraceMs + this.#opts.killAfterGraceMs);
      kill.unref();
    });
    return this.#closing;
  }
}

/**
 * Runs `startServer` in `options.workers` forked processes that share one listening socket
 * (node:cluster, round-robin on Linux). Resolves once every worker listens; rejects with the first
 * worker's error (a busy port, an unreadable index…) after stopping the others.
 */
export function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  return new ClusterPrimary(options).start();
}
