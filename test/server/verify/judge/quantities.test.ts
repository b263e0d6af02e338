import { describe, expect, it } from 'vitest';
import { compareQuantities, quantitiesOf, statesOnlyShare } from '../../../../server/verify/judge/quantities.ts';

describe('quantities', () => {
  it('reads rates and percentages as fractions: "1 in 5 million", "493 per million", "12%"', () => {
    const [oneIn] = quantitiesOf('1 in 5 million in the UK carry it.');
    expect(oneIn?.unit).toBe('fraction');
    expect(oneIn!.low).toBeCloseTo(2e-7 * 0.9, 12);
    const [perMillion] = quantitiesOf('a prevalence of 493 per million population');
    expect(perMillion!.high).toBeCloseTo(4.93e-4 * 1.1, 9);
    expect(quantitiesOf('recall rose by 12 percent')[0]).toMatchObject({ unit: 'fraction', low: 0.108 });
  });

  it('reads money after a currency sign or code, in that currency: "$5 billion" against "$750 million"', () => {
    expect(quantitiesOf('could save $5 billion a year')[0]).toMatchObject({ unit: 'money USD', low: 4.5e9 });
    expect(quantitiesOf('costs €3.5 million')[0]).toMatchObject({ unit: 'money EUR' });
    expect(quantitiesOf('costs USD 20 per patient')[0]).toMatchObject({ unit: 'money USD', low: 18 });
    expect(compareQuantities(quantitiesOf('save $5 billion'), quantitiesOf('save as much as $750 million'))).toEqual({
      agree: false,
      conflict: true,
    });
    expect(compareQuantities(quantitiesOf('save $5 billion'), quantitiesOf('save €5 billion'))).toEqual({
      agree: false,
      conflict: false,
    });
    expect(quantitiesOf('In 2020 we saw 5 cases and paid a $ 5 fee')).toEqual([]);
  });

  it('reads a multiple written on its number, "52x", "3×", "3-fold", "2 times", as one unit', () => {
    const folds = (text: string) => quantitiesOf(text).map((q) => [q.unit, q.text]);
    expect(folds('it delivers 52x higher throughput and 14x lower memory use')).toEqual([
      ['fold', '52x'],
      ['fold', '14x'],
    ]);
    expect(folds('a 3-fold rise, 3× faster, 2 times higher')).toEqual([
      ['fold', '3-fold'],
      ['fold', '3×'],
      ['fold', '2 times'],
    ]);
    expect(compareQuantities(quantitiesOf('25x higher throughput'), quantitiesOf('52x higher throughput'))).toEqual({
      agree: false,
      conflict: true,
    });
    expect(folds('4x4 matrices and the x2 term')).toEqual([]);
  });

  it('reads a range with its unit after the upper end, "2-10x", "10–20%", "3 to 5 mg", and no range without a unit', () => {
    // A range states its own spread: its ends are taken as written, where a single value allows 10% either way.
    expect(quantitiesOf('Throughput rises by 2-10x')[0]).toMatchObject({
      unit: 'fold',
      low: 2,
      high: 10,
      text: '2-10x',
    });
    expect(
      compareQuantities(quantitiesOf('accurate 90–95% of the time'), quantitiesOf('only 39-77% of the time')),
    ).toEqual({ agree: false, conflict: true });
    expect(quantitiesOf('in 10–20% of patients')[0]).toMatchObject({ unit: 'fraction', text: '10–20%' });
    expect(quantitiesOf('doses of 3 to 5 mg daily')[0]).toMatchObject({ unit: 'mg', low: 3, high: 5 });
    expect(quantitiesOf('between 1990–2000, 5-10 patients')).toEqual([]);
    expect(compareQuantities(quantitiesOf('raises throughput by 30-50x'), quantitiesOf('rises by 2-10x'))).toEqual({
      agree: false,
      conflict: true,
    });
    expect(compareQuantities(quantitiesOf('up to 8x'), quantitiesOf('rises by 2-10x'))).toEqual({
      agree: true,
      conflict: false,
    });
  });

  it('reads comparisons as open intervals: "exceed 10%" and "less than 1%"', () => {
    expect(quantitiesOf('cells routinely exceed 10% efficiency')[0]).toMatchObject({ low: 0.1, high: Infinity });
    expect(quantitiesOf('efficiency is usually less than 1%')[0]).toMatchObject({ low: -Infinity, high: 0.01 });
  });

  it('finds a conflict only when the evidence states the unit but no value the claim allows', () => {
    const exceed = quantitiesOf('exceed 10% efficiency');
    expect(compareQuantities(exceed, quantitiesOf('usually less than 1%'))).toEqual({ agree: false, conflict: true });
    expect(compareQuantities(exceed, quantitiesOf('reached 12.5% in the best cells'))).toEqual({
      agree: true,
      conflict: false,
    });
    expect(compareQuantities(quantitiesOf('1 in 5 million'), quantitiesOf('493 per million'))).toEqual({
      agree: false,
      conflict: true,
    });
    expect(compareQuantities(exceed, quantitiesOf('a dose of 40 mg'))).toEqual({ agree: false, conflict: false });
  });

  it('reads shares written in words: "one in five" against "one in two"', () => {
    const [oneInFive] = quantitiesOf('One in five surgical trials are discontinued early.');
    expect(oneInFive).toMatchObject({ unit: 'fraction' });
    expect(oneInFive!.low).toBeCloseTo(0.18, 10);
    expect(compareQuantities(quantitiesOf('one in two trials'), [oneInFive!])).toEqual({
      agree: false,
      conflict: true,
    });
    expect(quantitiesOf('five mice were treated')).toEqual([]);
    expect(quantitiesOf('growth was measured every three days')).toEqual([]);
  });

  it('reads an open end written after the number, "64 or more bit errors", "5% or less", like "at least" and "at most"', () => {
    expect(quantitiesOf('it tolerates 64 or more bit errors')[0]).toMatchObject({
      unit: 'count bit error',
      low: 64,
      high: Infinity,
    });
    expect(quantitiesOf('a loss of 5% or less')[0]).toMatchObject({ unit: 'fraction', low: -Infinity, high: 0.05 });
    expect(
      compareQuantities(
        quantitiesOf('tolerates at most 16 bit errors'),
        quantitiesOf('tolerates 64 or more bit errors'),
      ),
    ).toEqual({
      agree: false,
      conflict: true,
    });
    expect(
      compareQuantities(quantitiesOf('tolerates 100 bit errors'), quantitiesOf('tolerates 64 or more bit errors')),
    ).toEqual({
      agree: true,
      conflict: false,
    });
  });

  it('compares counts of the same two-word thing, "16 parity bits" against "64 parity bits", and no other counts', () => {
    expect(quantitiesOf('With only 16 parity bits it tolerates errors.')[0]).toMatchObject({
      unit: 'count pariti bit',
      low: 16 * 0.9,
    });
    expect(compareQuantities(quantitiesOf('needs 64 parity bits'), quantitiesOf('with only 16 parity bits'))).toEqual({
      agree: false,
      conflict: true,
    });
    expect(compareQuantities(quantitiesOf('needs 16 parity bits'), quantitiesOf('with only 16 parity bits'))).toEqual({
      agree: true,
      conflict: false,
    });
    // Not a noun with its plural head, a year, a number in words, or a unit.
    for (const text of ['12 patients relapsed', 'In 2020 new cases rose', 'three weeks earlier', 'after 26 weeks'])
      expect(
        quantitiesOf(text).filter((q) => q.unit.startsWith('count')),
        text,
      ).toEqual([]);
  });

  it('compares only numbers with a unit of measure, not counts or the numbers of names ("type 2 diabetes")', () => {
    expect(quantitiesOf('Whole fruit lowers the risk of type 2 diabetes.')).toEqual([]);
    expect(quantitiesOf('IgA cells specific for transglutaminase 2 are scarce.')).toEqual([]);
    expect(compareQuantities(quantitiesOf('12 patients relapsed'), quantitiesOf('15 patients relapsed'))).toEqual({
      agree: false,
      conflict: false,
    });
    expect(quantitiesOf('after 26 weeks of treatment')[0]).toMatchObject({ unit: 'week', low: 26 * 0.9 });
    expect(compareQuantities(quantitiesOf('after 26 weeks'), quantitiesOf('after 12 weeks'))).toEqual({
      agree: false,
      conflict: true,
    });
  });

  it('ignores bare numbers, counts and the digits inside names', () => {
    expect(quantitiesOf('In 2019, 240 of the patients took Cu2O and IL-6 blockers.')).toEqual([]);
    expect(quantitiesOf('a dose of 40 mg daily')[0]).toMatchObject({ unit: 'mg' });
  });

  it('reads which way a multiple goes, and a value going the other way as a conflict: "6x lower" against "raises … by 6x"', () => {
    expect(quantitiesOf('6x lower memory use and a 3-fold increase')).toMatchObject([
      { unit: 'fold', direction: -1 },
      { unit: 'fold', direction: 1 },
    ]);
    expect(quantitiesOf('Quill cuts memory use by 6x')[0]).toMatchObject({ unit: 'fold', direction: -1 });
    expect(quantitiesOf('a 6x speed-up')[0]?.direction).toBe(1);
    expect(quantitiesOf('six models, 6x the data')[0]?.direction).toBeUndefined();
    const lower = quantitiesOf('It delivers 3x faster decoding and 6x lower memory use.');
    expect(compareQuantities(quantitiesOf('Quill raises memory use by 6x'), lower)).toEqual({
      agree: false,
      conflict: true,
    });
    expect(compareQuantities(quantitiesOf('Quill cuts memory use by 6x'), lower)).toEqual({
      agree: true,
      conflict: false,
    });
    // A multiple whose way neither side states compares by value alone.
    expect(compareQuantities(quantitiesOf('6x the memory'), lower).agree).toBe(true);
  });

  it('counts a phrase with a hyphenated modifier: "41 Welsh-language novels" against "410 Welsh-language novels"', () => {
    expect(quantitiesOf('The corpus holds 41 Welsh-language novels.')[0]).toMatchObject({
      unit: 'count welsh languag novel',
      text: '41 Welsh-language novels',
    });
    expect(
      compareQuantities(
        quantitiesOf('It holds 410 Welsh-language novels.'),
        quantitiesOf('It holds 41 Welsh-language novels.'),
      ),
    ).toEqual({ agree: false, conflict: true });
  });

  it('reads the way of a multiple from the verb of change nearest its "by", in whole word forms', () => {
    expect(quantitiesOf('Kite lowers memory use by 5x and speeds up decoding by 3x.')).toMatchObject([
      { direction: -1, measured: ['memori', 'us'] },
      { direction: 1, measured: ['decod'] },
    ]);
    // "risk" is no "rise", nor "speed" a change by itself.
    expect(quantitiesOf('smokers saw their lung cancer risk cut by 2-fold')[0]?.direction).toBe(-1);
    expect(quantitiesOf('the risk of death fell by 3-fold')[0]?.direction).toBe(-1);
    expect(quantitiesOf('the risk of death rose by 3-fold')[0]?.direction).toBe(1);
    expect(quantitiesOf('decoding speed is the same by 2x')[0]?.direction).toBeUndefined();
  });

  it('sets multiples against each other only when they measure the same thing, with the sides they are set against', () => {
    const kite = quantitiesOf('Kite delivers 3x faster decoding and 5x lower memory use than vLLM.');
    // Latency and speed, runtime and a speedup: no two multiples of one thing.
    expect(compareQuantities(quantitiesOf('Kite cuts decoding latency by 3x compared with vLLM.'), kite).conflict).toBe(
      false,
    );
    expect(
      compareQuantities(
        quantitiesOf('The kernel reduces runtime by 7x compared with dense attention.'),
        quantitiesOf('The kernel achieves a 7x speedup over dense attention.'),
      ).conflict,
    ).toBe(false);
    // The sides exchanged, the other way is the same.
    expect(compareQuantities(quantitiesOf('vLLM uses 5x more memory than Kite.'), kite).conflict).toBe(false);
    expect(compareQuantities(quantitiesOf('Kite uses 5x more memory than vLLM.'), kite).conflict).toBe(true);
    expect(compareQuantities(quantitiesOf('Kite reduces decoding speed by 3x.'), kite).conflict).toBe(true);
    // A verb without an object measures its subject: "the risk of death fell" against "rose".
    expect(
      compareQuantities(
        quantitiesOf('With statin use, the risk of death rose by 3-fold.'),
        quantitiesOf('In 400 patients, the risk of death fell by 3-fold with statin use.'),
      ).conflict,
    ).toBe(true);
    // A side set against something earlier in the clause is not its subject.
    const sparse = quantitiesOf(
      'Our sparse kernel achieves a 7x speedup over dense attention and uses 4x fewer FLOPs.',
    );
    expect(
      compareQuantities(quantitiesOf('Dense attention requires 4x more FLOPs than the sparse kernel.'), sparse)
        .conflict,
    ).toBe(false);
    expect(
      compareQuantities(quantitiesOf('The sparse kernel uses 4x more FLOPs than dense attention.'), sparse).conflict,
    ).toBe(true);
  });

  it('reads a claim stating the share the evidence says "only" of as stating it', () => {
    const evidence = 'Only 40% of patients reported a 50% reduction in headache days.';
    expect(
      statesOnlyShare(quantitiesOf('Every patient received it, and 40% reported a 50% reduction.'), evidence),
    ).toBe(true);
    expect(statesOnlyShare(quantitiesOf('All patients reported a 50% reduction.'), evidence)).toBe(false);
    expect(statesOnlyShare(quantitiesOf('40% reported relief.'), 'Most of the 40% reported relief.')).toBe(false);
  });

  it('reads a multiple written in words ("twofold", "three-fold") as a fold', () => {
    expect(quantitiesOf('titres rose roughly twofold')[0]).toMatchObject({ unit: 'fold', low: 1.8 });
    expect(quantitiesOf('a three-fold rise')[0]).toMatchObject({ unit: 'fold', low: 2.7 });
    expect(quantitiesOf('two x-rays were taken')).toEqual([]);
  });

  it('reads a span of time written in words ("more than ten years") as a quantity, but not "one day" nor "five mice"', () => {
    expect(quantitiesOf('samples taken more than ten years before onset')[0]).toMatchObject({
      unit: 'year',
      low: 10,
      high: Number.POSITIVE_INFINITY,
    });
    expect(quantitiesOf('one day the clinic closed')).toEqual([]);
    expect(quantitiesOf('five mice were treated')).toEqual([]);
    expect(quantitiesOf('growth was measured every three days')).toEqual([]);
    const claim = quantitiesOf('Risk was highest for samples taken more than ten years before onset.');
    expect(compareQuantities(claim, quantitiesOf('Risk was highest 3 to 6 years before onset.')).conflict).toBe(true);
    expect(compareQuantities(claim, quantitiesOf('Risk was highest 12 to 15 years before onset.')).agree).toBe(true);
  });
});
