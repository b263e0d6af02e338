// What the cluster's primary and its server workers tell each other over the IPC channel, how a
// worker learns what to serve (one environment variable), and how errors cross the process line.
import type { Config } from '../../core/config.ts';
import { AppError, ERRORS, type ErrorCode, isAppError } from '../../core/errors.ts';
import type { DamageReport } from '../index-holder.ts';

/** The environment variable that hands a forked worker its `WorkerStart`, as JSON. */
export const WORKER_START_ENV = 'CITELENS_CLUSTER_WORKER';

/** What a worker serves: what a single-process `startServer` gets (`config.port` is the port to bind). */
export type WorkerStart = {
  config: Config;
  indexDir: string;
  watch: boolean;
  watchIntervalMs: number;
  closeGraceMs: number;
};

/** An error as it crosses the IPC channel; an AppError keeps its code and details. */
export type SentError = { code: ErrorCode; message: string; details?: unknown };

/** Primary to worker. */
export type ToWorker =
  /** Reload this process's index (a peer reloaded); answer `reload-done` with the same id. */
  | { kind: 'reload'; id: number }
  /** Every peer has reloaded after this worker's `reload-peers` with the same id (or `error` says which did not). */
  | { kind: 'peers-reloaded'; id: number; error?: SentError }
  /** Another worker's integrity check confirmed this damage: fall back from it too, without checking again. */
  | { kind: 'damage'; report: DamageReport }
  /** Finish running requests, close the index, and exit 0. */
  | { kind: 'stop' };

/** Worker to primary. */
export type ToPrimary =
  | { kind: 'ready'; port: number }
  /** Starting failed; the worker exits 1 right after. */
  | { kind: 'failed'; error: SentError }
  | { kind: 'notice'; message: string }
  /** This worker reloaded its index: have every other worker reload, then answer `peers-reloaded`. */
  | { kind: 'reload-peers'; id: number }
  | { kind: 'reload-done'; id: number; error?: SentError }
  /** This worker's integrity check confirmed damage: tell every other worker, now and as each starts. */
  | { kind: 'damage'; report: DamageReport };

/** The error in a form the IPC channel carries; anything but an AppError becomes INTERNAL. */
export function sendableError(error: unknown): SentError {
  if (isAppError(error)) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** The AppError a `SentError` stands for (an unknown code, from a newer or older worker, becomes INTERNAL). */
export function receivedError(sent: SentError): AppError {
  const code: ErrorCode = sent.code in ERRORS ? sent.code : 'INTERNAL';
  return new AppError(code, sent.message, sent.details);
}

/** Whether an IPC message looks like one of ours (the channel also carries Node's own cluster messages). */
export function isMessage<T extends { kind: string }>(message: unknown): message is T {
  return typeof message === 'object' && message !== null && typeof (message as { kind?: unknown }).kind === 'string';
}
