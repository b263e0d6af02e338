// The server under load, run as `citelens serve` in a child process so that its memory is measured
// alone, and a sampler of that process's resident memory from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../core/config.ts';

const CLI = path.join(PROJECT_ROOT, 'bin', 'citelens.js');

export type ServerProcess = {
  url: string;
  pid: number;
  /** What the server wrote to stderr so far (notices, and the log of any unexpected error). */
  stderr: () => string;
  /** Stops the server with SIGTERM (SIGKILL after `graceMs`) and waits for it to exit. */
  stop: (graceMs?: number) => Promise<void>;
};

// The shell's CITELENS_* variables (a token, another host, an LLM) would change what is measured.
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('CITELENS_')));
  return { ...env, CITELENS_OFFLINE: '1' };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `citelens serve --index <indexDir> --port 0` and resolves once it says where it listens. */
export function startServerProcess(indexDir: string, startTimeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--index', indexDir, '--host', '127.0.0.1', '--port', '0'], {
    cwd: PROJECT_ROOT,
    env: cleanEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited(child);
    clearTimeout(force);
  };
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      void stop(0);
      reject(new Error(`${message}\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    const timer = setTimeout(() => fail(`citelens serve did not start within ${startTimeoutMs} ms.`), startTimeoutMs);
    child.on('error', (error) => fail(`Could not start citelens serve: ${error.message}`));
    child.on('exit', (code, signal) => fail(`citelens serve exited early (code ${code}, signal ${signal}).`));
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /Citelens is running at (http:\/\/\S+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ url: match[1]!, pid: child.pid!, stderr: () => stderr, stop });
    });
  });
}

/** Resident memory of one process: all of it (VmRSS) and its anonymous part (RssAnon: heaps, not mapped files). */
type Resident = { bytes: number; anonBytes: number };

function ownResident(pid: number): Resident | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    const bytes = kb('VmRSS') * 1024;
    return Number.isNaN(bytes) ? undefined : { bytes, anonBytes: kb('RssAnon') * 1024 };
  } catch {
    return undefined;
  }
}

/** The pids of a process's children, from every one of its threads' children lists. */
function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/))
      .filter((child) => child !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * Resident memory of a process and all its descendants (a server with cluster workers is measured
 * whole), or undefined when /proc cannot tell.
 */
export function residentOf(pid: number): Resident | undefined {
  const own = ownResident(pid);
  if (own === undefined) return undefined;
  return childrenOf(pid).reduce((total, child) => {
    const more = residentOf(child);
    return more ? { bytes: total.bytes + more.bytes, anonBytes: total.anonBytes + more.anonBytes } : total;
  }, own);
}

export type RssSample = { atMs: number } & Resident;

/** Reads a process's RSS every `intervalMs` until stopped; `stop` returns the samples, oldest first. */
export function sampleRss(pid: number, intervalMs = 250): { stop: () => RssSample[] } {
  const samples: RssSample[] = [];
  const started = performance.now();
  const take = () => {
    const resident = residentOf(pid);
    if (resident !== undefined) samples.push({ atMs: performance.now() - started, ...resident });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}
