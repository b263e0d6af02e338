// One server worker of a cluster: runs `startServer` on the port the primary shares, relays its
// notices, reloads and confirmed damage to the primary, reloads or falls back when a peer did, and stops when told to.
import cluster from 'node:cluster';
import { AppError } from '../../core/errors.ts';
import type { ReloadResult } from '../index-holder.ts';
import { type RunningServer, startServer } from '../serve.ts';
import {
  isMessage,
  receivedError,
  sendableError,
  type ToPrimary,
  type ToWorker,
  WORKER_START_ENV,
  type WorkerStart,
} from './messages.ts';

function readStart(): WorkerStart {
  const raw = process.env[WORKER_START_ENV];
  if (!raw) {
    throw new AppError(
      'INVALID_INPUT',
      `A server worker is started by \`citelens serve\` (it needs ${WORKER_START_ENV}); run that instead.`,
    );
  }
  return JSON.parse(raw) as WorkerStart;
}

function send(message: ToPrimary): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) {
      resolve();
      return;
    }
    // The callback runs once the message is written, so a worker may exit right after.
    process.send(message, undefined, {}, () => resolve());
  });
}

/**
 * Runs this process as a server worker (forked by `startCluster`, with `CITELENS_CLUSTER_WORKER`
 * set; the CLI's hidden `serve-worker` command calls this). Resolves once the server listens; the
 * process then lives until the primary says stop.
 */
export async function runWorker(): Promise<void> {
  const start = readStart();
  let running: RunningServer | undefined;
  let stopping = false;
  const waitingForPeers = new Map<number, { resolve: () => void; reject: (error: AppError) => void }>();
  let nextId = 1;

  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const waiting of waitingForPeers.values()) waiting.resolve();
    waitingForPeers.clear();
    void (running?.close() ?? Promise.resolve()).then(() => process.exit(0));
  };

  const reloadPeers = (_result: ReloadResult) =>
    new Promise<void>((resolve, reject) => {
      if (stopping || !process.connected) {
        resolve();
        return;
      }
      const id = nextId++;
      waitingForPeers.set(id, { resolve, reject });
      void send({ kind: 'reload-peers', id });
    });

  process.on('message', (message: unknown) => {
    if (!isMessage<ToWorker>(message)) return;
    if (message.kind === 'stop') {
      stop();
    } else if (message.kind === 'reload') {
      const { id } = message;
      if (!running) {
        void send({ kind: 'reload-done', id });
        return;
      }
      running.holder.reloadHere().then(
        () => send({ kind: 'reload-done', id }),
        (error: unknown) => send({ kind: 'reload-done', id, error: sendableError(error) }),
      );
    } else if (message.kind === 'damage') {
      // Sent only once this worker is ready (then, and as peers confirm damage).
      void running?.holder.applyReportedDamage(message.report).catch(() => {});
    } else if (message.kind === 'peers-reloaded') {
      const waiting = waitingForPeers.get(message.id);
      waitingForPeers.delete(message.id);
      if (message.error) waiting?.reject(receivedError(message.error));
      else waiting?.resolve();
    }
  });
  // The primary is gone (killed before it could stop us): nobody shares the port any more.
  process.on('disconnect', stop);
  // Writing to the channel of a primary that is gone fails with EPIPE; 'disconnect' stops this worker.
  cluster.worker?.on('error', () => {});
  // Ctrl+C reaches every process of the terminal's group; the primary stops the workers in order.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', stop);

  try {
    running = await startServer({
      config: start.config,
      indexDir: start.indexDir,
      watch: start.watch,
      watchIntervalMs: start.watchIntervalMs,
      closeGraceMs: start.closeGraceMs,
      onNotice: (message) => void send({ kind: 'notice', message }),
      reloadPeers,
    });
  } catch (error) {
    await send({ kind: 'failed', error: sendableError(error) });
    process.exit(1);
  }
  // Damage this worker's integrity check confirms reaches the others, which fall back without checking again:
  // also damage confirmed as it opened, before this listener was added (the holder tells it the last one).
  running.holder.onConfirmedDamage((report) => void send({ kind: 'damage', report }));
  await send({ kind: 'ready', port: running.port });
}
