import { describe, expect, it } from 'vitest';
import { wordCountsOf } from '../../../../server/verify/judge/word-counts.ts';

const units = (text: string) => wordCountsOf(text).map((q) => [q.unit, q.text]);

describe('word-counts', () => {
  it('reads a count written in words as a count of the noun after it', () => {
    expect(units('The agent is tested in three environments: a kitchen, a shop and a lab.')).toEqual([
      ['count of environ', 'three environments'],
    ]);
    expect(units('It is evaluated in a single environment.')).toEqual([['count of environ', 'single environment']]);
    expect(units('It draws on a single data source.')).toEqual([['count of sourc', 'single data source']]);
  });

  it('reads "many" and "multiple" as more than one', () => {
    const [many] = wordCountsOf('It gathers reports from many sources.');
    expect(many).toMatchObject({ unit: 'count of sourc', low: 1.8, high: Infinity });
  });

  it('reads no count in "one of the", "one in five", a hyphenated modifier or a noun without a plural', () => {
    expect(units('One of the arms, one in five patients, two out of three sites.')).toEqual([]);
    expect(units('A one-shot prompt and a two-stage design.')).toEqual([]);
    expect(units('Twelve mice were studied.')).toEqual([]);
  });
});
