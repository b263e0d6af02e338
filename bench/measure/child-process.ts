// Runs a child process and measures it from outside: wall time from spawn to exit, CPU time and
// peak resident memory, sampled from /proc/<pid>/stat and /proc/<pid>/status (VmHWM, the kernel's
// high-water mark), of the process alone or of its whole tree (a server and the workers it forked).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';

/** The process's peak resident set size in bytes so far (VmHWM), or 0 where /proc cannot tell. */
export function peakRssOf(pid: number): number {
  return statusField(pid, 'VmHWM');
}

/** The process's current resident set size in bytes (VmRSS), or 0 where /proc cannot tell. */
export function rssOf(pid: number): number {
  return statusField(pid, 'VmRSS');
}

function statusField(pid: number, field: string): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

// Linux reports CPU time in USER_HZ ticks, 100 a second on every architecture Node runs on.
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) the process has used so far, or 0 where /proc cannot tell. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The parent of each process alive now, from /proc/<pid>/stat (empty where /proc cannot tell). */
function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return parentOf;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return parentOf;
}

/** `pid` and every process descended from it, alive now. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const [child, parent] of parents()) children.set(parent, [...(children.get(parent) ?? []), child]);
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** The current resident set size of `pid` and its descendants together (shared pages count in each). */
export function treeRssOf(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + rssOf(member), 0);
}

/** CPU seconds used so far by `pid` and its live descendants together. */
export function treeCpuSecondsOf(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + cpuSecondsOf(member), 0);
}

/**
 * Samples a running process's VmHWM and CPU time until stopped; `peak` is the highest VmHWM seen
 * and `cpuSeconds` the last CPU time read (at most one interval short of the total). With `tree`,
 * the process's descendants count too: `peak` is the sum of each one's own peak (at least the
 * tree's peak at any one moment) and `cpuSeconds` the sum of each one's CPU time, ended ones included.
 */
export class PeakRssSampler {
  private peakBytes = 0;
  private cpu = 0;
  private readonly peaks = new Map<number, number>();
  private readonly cpus = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 25,
    private readonly options: { tree?: boolean } = {},
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.sample();
  }

  sample(): void {
    for (const member of this.options.tree ? processTree(this.pid) : [this.pid]) {
      this.peaks.set(member, Math.max(this.peaks.get(member) ?? 0, peakRssOf(member)));
      this.cpus.set(member, Math.max(this.cpus.get(member) ?? 0, cpuSecondsOf(member)));
    }
    this.peakBytes = [...this.peaks.values()].reduce((sum, bytes) => sum + bytes, 0);
    this.cpu = [...this.cpus.values()].reduce((sum, seconds) => sum + seconds, 0);
  }

  get peak(): number {
    return this.peakBytes;
  }

  get cpuSeconds(): number {
    return this.cpu;
  }

  stop(): number {
    this.sample();
    clearInterval(this.timer);
    return this.peakBytes;
  }
}

export type ChildRun = {
  code: number | null;
  stdout: string;
  stderr: string;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
};

/** Runs `command args` to completion, capturing its output, wall time and peak RSS. */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child: ChildProcess = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid === undefined) {
      reject(new Error(`Could not start ${command} ${args.join(' ')}`));
      return;
    }
    const sampler = new PeakRssSampler(child.pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', (error) => {
      sampler.stop();
      if (timer) clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      const wallSeconds = (performance.now() - began) / 1000;
      const peakRssBytes = sampler.stop();
      if (timer) clearTimeout(timer);
      // Output may still be draining after 'exit'; 'close' follows once the pipes are done.
      child.on('close', () =>
        resolve({
          code,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
          wallSeconds,
          cpuSeconds: sampler.cpuSeconds,
          peakRssBytes,
        }),
      );
    });
  });
}
