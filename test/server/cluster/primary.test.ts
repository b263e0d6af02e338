import { describe, expect, it } from 'vitest';
import { workerMemoryEnv } from '../../../server/cluster/primary.ts';

describe('cluster/primary', () => {
  it('asks the C library of each worker for huge pages behind large blocks', () => {
    expect(workerMemoryEnv({})).toEqual({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
  });

  it('leaves a tunable the user set, even an empty one, to the user', () => {
    expect(workerMemoryEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' })).toEqual({});
    expect(workerMemoryEnv({ GLIBC_TUNABLES: '' })).toEqual({});
  });
});
