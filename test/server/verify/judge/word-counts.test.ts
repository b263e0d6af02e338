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

  it('reads no count in a rate or a share: "one sample at a time", "one model per task", "one patient in five"', () => {
    expect(units('We score training samples one sample at a time.')).toEqual([]);
    expect(units('The authors train one model per clinical task.')).toEqual([]);
    expect(units('One patient in five relapsed, and one site out of 12 closed.')).toEqual([]);
    expect(units('One patient was lost to follow-up.')).toEqual([['count of patient', 'One patient']]);
  });

  it('reads no count of one where "one" singles out: the other agents, or a name set beside it', () => {
    expect(units('One agent plans while the other agents execute tool calls.')).toEqual([]);
    expect(units('One language, English, dominates the training data.')).toEqual([]);
    expect(units('One agent plans, and it runs alone.')).toEqual([['count of agent', 'One agent']]);
    expect(units('It is trained on a single dataset, RefCOCO.')).toEqual([['count of dataset', 'single dataset']]);
  });
});
