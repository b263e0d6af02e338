import { describe, expect, it } from 'vitest';
import { stem } from '../../../../indexer/text/analyze.ts';
import { anchoredDirections } from '../../../../server/verify/judge/direction-anchors.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('direction-anchors', () => {
  it('anchors a word between two direction words to the one before it', () => {
    const reading = readSentence('Reduced glucose increased.');
    expect(anchoredDirections(reading).get(stem('glucose'))).toBe(-1);
    expect(anchoredDirections(readSentence('The drug lowered glucose.')).get(stem('glucose'))).toBe(-1);
  });
});

describe('direction-anchors, comparatives of size', () => {
  it('reads "deeper", "wider" or "thinner" as no word of change, so the noun they describe takes no direction', () => {
    const directions = (text: string) => Object.fromEntries(anchoredDirections(readSentence(text)));
    // "deeper layers" names which layers, not a rise; nor is it what "lower" changes (degree-phrases.ts).
    expect(directions('Deeper layers show lower attention entropy.')).toMatchObject({ [stem('entropy')]: -1 });
    expect(directions('Deeper layers show lower attention entropy.')[stem('layers')]).toBeUndefined();
    expect(directions('Using a wider beam lowers output diversity.')[stem('beam')]).toBeUndefined();
  });
});
