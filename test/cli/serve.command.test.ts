import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerServeCommand } from '../../cli/commands/serve.command.ts';
import { registerStartCommand } from '../../cli/commands/start.command.ts';
import { runCli, startCli, whenRunning } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts `citelens ...args` and resolves once it says where it listens; `output` is what it printed so far. */
async function started(
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = startCli(args, env);
  running.push(child);
  const { url, stdout, stderr } = await whenRunning(child);
  return { child, url, output: () => `${stdout()}${stderr()}` };
}

/** Processes whose parent is `pid`. */
function childrenOf(pid: number): string[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) return [];
        return [fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ')];
      } catch {
        return [];
      }
    });
}

/** A port some other server holds until the test ends. */
async function busyPort(): Promise<{ port: number; release: () => void }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, release: () => server.close() };
}

const errorLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('error: '));

describe('serve command', () => {
  it('refuses a --workers count that is not a whole number from 1 to 64, on serve and on start', async () => {
    for (const [command, value] of [
      ['serve', '0'],
      ['serve', '65'],
      ['serve', '1.5'],
      ['start', 'two'],
    ] as const) {
      let stderr = '';
      const program = new Command().exitOverride().configureOutput({
        writeErr: (text) => {
          stderr += text;
        },
      });
      registerServeCommand(program);
      registerStartCommand(program);
      await expect(
        program.parseAsync(['node', 'citelens', command, '--index', tempDir(), '--workers', value]),
      ).rejects.toMatchObject({ code: 'commander.invalidArgument' });
      expect(stderr).toContain(
        `option '--workers <n>' argument '${value}' is invalid. must be a whole number from 1 to 64.`,
      );
    }
  });

  it('runs a single process with --workers 1, as CITELENS_WORKERS=1 does', async () => {
    for (const [args, env] of [
      [['--workers', '1'], {}],
      [[], { CITELENS_WORKERS: '1' }],
    ] as const) {
      const server = await started(['serve', '--index', tempDir(), '--port', '0', ...args], env);
      expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: 'no-index', generation: null });
      // The banner's lines are separate writes: give a line about workers time to arrive, were there one.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(server.output()).toContain('API reference');
      expect(server.output()).not.toContain('server processes share the port');
      expect(childrenOf(server.child.pid!).filter((command) => command.includes('serve-worker'))).toEqual([]);
      server.child.kill('SIGTERM');
    }
  });

  it('serves a folder without an index from two workers and says so once', async () => {
    const server = await started(['serve', '--index', tempDir(), '--port', '0', '--workers', '2']);
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: 'no-index', generation: null });
    // Each worker sent the notice before the banner; give the pipe a moment to deliver both, were there two.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.output().match(/There is no index in/g)).toHaveLength(1);
  });

  it('says once that the port is taken and exits 1, without restarting workers', async () => {
    const { port, release } = await busyPort();
    try {
      const result = await runCli(['serve', '--index', tempDir(), '--port', String(port), '--workers', '2']);
      expect(result.code).toBe(1);
      expect(errorLines(result.stderr)).toEqual([
        `error: Port ${port} on 127.0.0.1 is already in use; pass another --port.`,
      ]);
      expect(result.stderr).not.toContain('starting a new one');
      expect(result.stdout).toBe('');
    } finally {
      release();
    }
  });

  it('says once that an unsafe host needs a token and exits 1, before starting any worker', async () => {
    const result = await runCli(['serve', '--index', tempDir(), '--host', '0.0.0.0', '--port', '0', '--workers', '2']);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      'error: Refusing to listen on 0.0.0.0 without an access token: anyone on the network could read the index. ' +
        'Set CITELENS_TOKEN (at least 16 characters) or bind 127.0.0.1.',
    ]);
  });

  it('serves a folder whose CURRENT names a missing generation, says once why, and answers 503 with the remedy', async () => {
    const indexDir = tempDir();
    fs.writeFileSync(path.join(indexDir, 'CURRENT'), 'gen-000009');
    const { url, output } = await started(['serve', '--index', indexDir, '--port', '0', '--workers', '2']);
    const why = `${path.join(indexDir, 'CURRENT')} names gen-000009, which is missing.`;
    expect(output().split(why).length - 1).toBe(1);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(503);
    const search = await fetch(`${url}/api/search?q=attention`);
    expect(search.status).toBe(503);
    const body = (await search.json()) as { error: { code: string; hint: string } };
    expect(body.error.code).toBe('INDEX_CORRUPT');
    expect(body.error.hint).toContain('--rebuild');
  });
});
