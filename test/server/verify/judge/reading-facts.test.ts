import { describe, expect, it } from 'vitest';
import { quantitiesOfReading } from '../../../../server/verify/judge/reading-facts.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('reading-facts', () => {
  it('reads the quantities of a sentence on first use', () => {
    const reading = readSentence('Cells routinely exceed 10% efficiency.');
    expect(quantitiesOfReading(reading)).toEqual([{ unit: 'fraction', low: 0.1, high: Infinity, text: 'exceed 10%' }]);
    expect(quantitiesOfReading(reading)).toBe(quantitiesOfReading(reading));
    expect(quantitiesOfReading(readSentence('Twelve mice were studied.'))).toEqual([]);
  });
});
