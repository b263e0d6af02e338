import { describe, expect, it } from 'vitest';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

const comparisonsIn = (text: string) => readSentence(text).comparisons;

describe('comparisons', () => {
  it('reads "In comparison with B, A had lower …" after a section label as A ranked below B', () => {
    const [comparison] = comparisonsIn(
      'RESULTS In comparison with healthy volunteers, patients with migraine had lower peak height.',
    );
    expect(comparison?.direction).toBe(-1);
    expect(comparison?.left).toContain('patient');
    expect(comparison?.left).not.toContain('result');
    expect(comparison?.right).toContain('volunt');
  });

  it('keeps the subject before "compared with B," as its side', () => {
    const [comparison] = comparisonsIn('Patients, compared with controls, had higher levels.');
    expect(comparison?.left).toEqual(['patient']);
    expect(comparison?.right).toEqual(['control']);
  });

  it('records the comparative, and the direction of the adverb a "more" grades ("more slowly": down)', () => {
    const [comparison] = comparisonsIn('Kidney cysts grew more slowly in treated rats than in untreated rats.');
    expect(comparison?.comparative).toBe('more');
    expect(comparison?.gradedBy).toBe(-1);
    expect(comparisonsIn('Kidney cysts grew more quickly in treated rats than in untreated rats.')[0]?.gradedBy).toBe(
      undefined,
    );
  });
});
