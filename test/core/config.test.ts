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

  it('refuses an access token with spaces or control characters, which no Authorization header could carry', () => {
    for (const value of ['a token with spaces in it', 'tab\tseparated-token-value', 'short']) {
      expect(() => loadConfig({ CITELENS_TOKEN: value })).toThrow(
        expect.objectContaining({ code: 'INVALID_CONFIG', message: expect.stringMatching(/CITELENS_TOKEN/) }),
      );
    }
    expect(loadConfig({ CITELENS_TOKEN: 'a-long-enough-test-token' }).token).toBe('a-long-enough-test-token');
  });

  it('names the variable and the value it refused, in an INVALID_CONFIG error', () => {
    expect(() => loadConfig({ CITELENS_PORT: 'abc' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_CONFIG',
        message: expect.stringMatching(/^Invalid environment variable CITELENS_PORT: .*'abc'/),
      }),
    );
    expect(() => loadConfig({ CITELENS_LLM_BASE_URL: 'ftp://example.org/v1' })).toThrow(/CITELENS_LLM_BASE_URL/);
  });
});
