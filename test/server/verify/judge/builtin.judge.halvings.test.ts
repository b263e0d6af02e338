import { describe, expect, it } from 'vitest';
import { judgeOverLibrary } from './judge-library.ts';

// Abstracts written for these tests: "halved" read as a change by half, compared only with the
// shares of change a paper states ("by 25%"), never with rates, shares of people or doses.
const paper = (title: string, finding: string) => ({
  title,
  abstract: `We studied adults in a randomized trial over two years. ${finding} Adverse events were rare.`,
});
const alarms = (share: string) => ({
  title: 'Bed alarms and hospital falls',
  abstract: `We installed bed alarms in 12 wards for a year. ${share} Staff found the alarms acceptable.`,
});
const quarter = alarms('Bed alarms reduced the rate of falls by 25%.');
const half = alarms('Bed alarms reduced the rate of falls by 50%.');
const byHalf = alarms('The rate of falls fell by half with bed alarms.');
const discharge = paper('A discharge program and readmissions', 'The readmission rate decreased from 22% to 11%.');
const fallsFell = paper('Bed alarms and hospital falls', 'The rate of falls fell from 8% to 4% with bed alarms.');
const varenicline = paper(
  'Varenicline for smoking',
  'Daily cigarette consumption fell from 20 to 10 cigarettes, and 35% of participants quit.',
);
const alarmsHalved = paper('Bed alarms and mortality', 'Bed alarms halved in-hospital mortality from 6% to 3%.');
const enoxaparin = paper('Enoxaparin dosing', 'A lower dose of 40 mg instead of 80 mg reduced major bleeding by 30%.');
const { judgePaper } = judgeOverLibrary([
  quarter,
  half,
  byHalf,
  discharge,
  fallsFell,
  varenicline,
  alarmsHalved,
  enoxaparin,
]);

describe('builtin.judge, on a change by half', () => {
  it('judges "halved" against "25% lower" as contradicted, and against "by 50%" or "fell by half" as supported', () => {
    const result = judgePaper('Bed alarms halved the rate of falls.', quarter);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('numbers');
    expect(result.evidence?.text).toContain('25%');
    expect(judgePaper('Bed alarms halved the rate of falls.', half).verdict).toBe('supported');
    expect(judgePaper('Bed alarms halved the rate of falls.', byHalf).verdict).toBe('supported');
    // "cut", a word the paper does not use, keeps this one partial; the halving itself agrees.
    const cut = judgePaper('Bed alarms cut the rate of falls by half.', byHalf);
    expect(cut.verdict).not.toBe('contradicted');
    expect(cut.conflicts).toEqual([]);
  });

  it('reads no numbers conflict between "halved" and a rate that fell from one share to its half', () => {
    for (const [claim, evidence] of [
      ['The discharge program halved the readmission rate.', discharge],
      ['Bed alarms halved the rate of falls.', fallsFell],
      ['Varenicline halved daily cigarette consumption.', varenicline],
      ['Bed alarms reduced in-hospital mortality from 6% to 3%.', alarmsHalved],
    ] as const) {
      const result = judgePaper(claim, evidence);
      expect(result.conflicts, claim).not.toContain('numbers');
      expect(result.verdict, claim).not.toBe('contradicted');
    }
  });

  it('reads no numbers conflict from a halved dose', () => {
    for (const claim of [
      'Halving the enoxaparin dose reduced major bleeding.',
      'The enoxaparin dose was halved and major bleeding fell.',
    ]) {
      const result = judgePaper(claim, enoxaparin);
      expect(result.conflicts, claim).not.toContain('numbers');
      expect(result.verdict, claim).not.toBe('contradicted');
    }
  });
});
