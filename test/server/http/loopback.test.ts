import { describe, expect, it } from 'vitest';
import { isLocalHostname, isLoopbackHost } from '../../../server/http/loopback.ts';

describe('loopback', () => {
  it('treats loopback addresses and localhost as this machine', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'app.localhost', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
  });

  it('treats every other address as reachable from the network', () => {
    for (const host of [
      '0.0.0.0',
      '::',
      '192.168.1.10',
      '10.0.0.1',
      'example.com',
      '128.0.0.1',
      'localhost.example.com',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('accepts only local names as the host of a request', () => {
    expect(isLocalHostname('LOCALHOST')).toBe(true);
    expect(isLocalHostname('[::1]')).toBe(true);
    expect(isLocalHostname('attacker.example')).toBe(false);
  });
});
