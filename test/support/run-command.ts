// Runs a CLI command in this process, as commander parses it, and returns what it printed and the
// exit code it set (the command's own process.exitCode, cleared afterwards).
import { Command } from 'commander';
import { vi } from 'vitest';

export type CommandRun = { stdout: string; stderr: string; exitCode: number | undefined };

/** Registers a command with `register` on a fresh program and runs `citelens ...args`. */
export async function runCommand(register: (program: Command) => void, args: string[]): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['node', 'citelens', ...args]);
    return { stdout, stderr, exitCode: typeof process.exitCode === 'number' ? process.exitCode : undefined };
  } finally {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  }
}
