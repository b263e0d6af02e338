import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';

describe('config', () => {
  it('runs one server process per core, at most 2, unless CITELENS_WORKERS says otherwise', () => {
    expect(loadConfig({}).workers).toBe(Math.min(2, os.availableParallelism()));
    expect(loadConfig({ CITELENS_WORKERS: '1' }).workers).toBe(1);
    expect(loadConfig({ CITELENS_WORKERS: '4' }).workers).toBe(4);
  });

  it('refuses a CITELENS_WORKERS that is not a whole number from 1 to 64, naming the variable', () => {
    for (const value of ['0', '65', '1.5', 'two']) {
      expect(() => loadConfig({ CITELENS_WORKERS: value })).toThrow(/^Invalid environment variable CITELENS_WORKERS: /);
    }
  });
});
