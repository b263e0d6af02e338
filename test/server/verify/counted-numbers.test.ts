import { describe, expect, it } from 'vitest';
import { stem } from '../../../indexer/text/analyze.ts';
import { countedNumbersOf, numbersCountingElsewhere } from '../../../server/verify/counted-numbers.ts';

describe('counted-numbers', () => {
  it('reads what a number counts: the first plural noun within three words after it', () => {
    expect(countedNumbersOf('Each task is described by 30 process-level features.')).toEqual([
      { number: '30', noun: stem('features') },
    ]);
    expect(countedNumbersOf('Accuracy rose by 12% on 3 of the tasks.')).toEqual([]);
  });

  it('finds a counted number only in a sentence that names what it counts', () => {
    const sentence = (text: string) => ({ text, names: (term: string) => text.toLowerCase().includes(term) });
    const counted = countedNumbersOf('It uses 30 features.');
    expect(
      numbersCountingElsewhere(counted, [sentence('A suite of 30 tasks.'), sentence('It uses 129 features.')]),
    ).toEqual(new Set(['30']));
    expect(numbersCountingElsewhere(counted, [sentence('Each task has 30 features.')])).toEqual(new Set());
  });

  it('reads a unit after a number as no counted noun ("70 years", "12 months", "40 percentage points")', () => {
    expect(countedNumbersOf('Adults aged 70 years or older were followed for 12 months.')).toEqual([]);
    expect(countedNumbersOf('Tumour volume fell by 40 percentage points.')).toEqual([]);
  });

  it('finds a counted number anywhere when no sentence counts its noun with another number (the paper may name it otherwise)', () => {
    const sentence = (text: string) => ({ text, names: (term: string) => text.toLowerCase().includes(term) });
    const photos = countedNumbersOf('The set holds 4,047 photos.');
    expect(numbersCountingElsewhere(photos, [sentence('It contains 23,148 recipes and 4,047 images.')])).toEqual(
      new Set(),
    );
    // Counted with another number beside the noun, it is missing.
    expect(
      numbersCountingElsewhere(photos, [sentence('It holds 4,047 images.'), sentence('It holds 5,000 photos.')]),
    ).toEqual(new Set(['4047']));
  });
});
