import { describe, expect, it } from 'vitest';
import { isFinding, onlyAnnounces } from '../../../../server/verify/judge/finding-sentence.ts';

describe('finding-sentence', () => {
  it('reads an aim or a bare comparison as only announcing', () => {
    expect(onlyAnnounces('To determine whether aspirin is better than placebo for stroke.')).toBe(true);
    expect(onlyAnnounces('We compare SparseRank with dense cross-encoders on twelve benchmarks.')).toBe(true);
    expect(onlyAnnounces('We compared methods other than dense retrieval on six benchmarks.')).toBe(true);
  });

  it('reads a comparison that states its result ("and found A faster", "A was more accurate than B") as a finding', () => {
    expect(onlyAnnounces('We compared A with B and found A faster.')).toBe(false);
    expect(isFinding('We compared A with B and found A faster.')).toBe(true);
    expect(onlyAnnounces('We compared A with B and showed that A was more accurate.')).toBe(false);
    expect(onlyAnnounces('We compared A with B; A was faster.')).toBe(false);
    expect(onlyAnnounces('We compared A with B: A was more accurate than B on every benchmark.')).toBe(false);
  });
});
