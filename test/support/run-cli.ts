// Runs the real citelens command in a child process, as a user would.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve('bin/citelens.js');

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs `citelens ...args` to completion. */
export function runCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return runNode([CLI, ...args], {
    env: { ...process.env, ...options.env },
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
}

/** Runs `node ...argv` to completion with exactly `env`, in `cwd` (default: this one). */
export function runNode(
  argv: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; input?: string },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      env: options.env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Starts `citelens ...args` and returns the running process (the caller ends it). */
export function startCli(args: string[], env?: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A started server process, its URL, and what it has printed so far. */
export type Running = { child: ChildProcess; url: string; stdout: () => string; stderr: () => string };

/** Resolves once `citelens serve` (or `start`) prints where it runs; rejects if it exits first. */
export function whenRunning(child: ChildProcess, what = 'citelens'): Promise<Running> {
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`${what} exited with ${code} before listening:\n${stderr}`)));
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const url = /Citelens is running at (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve({ child, url, stdout: () => stdout, stderr: () => stderr });
    });
  });
}
