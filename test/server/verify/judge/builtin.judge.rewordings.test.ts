import { describe, expect, it } from 'vitest';
import { judgeOverLibrary } from './judge-library.ts';

// Abstracts written for these tests. Each faithful claim says a finding in other words a careful
// researcher would use (the sides of a comparison swapped with the comparative turned, "more slowly"
// for "slower", "not needed" for "dispensable"), which the judge once called contradicted; each
// reversing claim it must still call contradicted.
const lungs = {
  title: 'Smoking and lung capacity in young adults',
  abstract:
    'We measured forced vital capacity in 400 adults aged 20 to 30. Smokers had less lung capacity than non-smokers. The gap grew with pack-years.',
};
const lead = {
  title: 'Blood lead in rural and urban adults',
  abstract:
    'We sampled blood from 600 adults in one province. Compared with city dwellers, farmers had lower blood lead levels. Levels fell with distance from highways.',
};
const wounds = {
  title: 'Keratinocyte migration in diabetic wounds',
  abstract:
    'We followed skin wounds in diabetic and control mice for ten days. Wound edges migrated slower in diabetic mice compared with control mice. Insulin treatment restored migration.',
};
const fibrils = {
  title: 'Ext1 and the uptake of tau fibrils',
  abstract:
    'We knocked down Ext1, a heparan sulfate synthetic enzyme, in cultured neurons. Knockdown of Ext1 reduced the uptake of tau fibrils by the neurons. Uptake of dextran was unchanged.',
};
const collagen = {
  title: 'Vitamin C and collagen repair in Gulo knockout mice',
  abstract:
    'We wounded the skin of Gulo knockout mice kept with or without dietary vitamin C. Vitamin C was dispensable for collagen repair in the knockout mice. Wound closure took twelve days in both groups.',
};
const tinnitus = {
  title: 'Betahistine for tinnitus: a randomised trial',
  abstract:
    'We randomised 300 adults with chronic tinnitus to betahistine or placebo for twelve weeks. Betahistine did not cause more harm than placebo. Tinnitus loudness did not differ between the arms.',
};

describe('builtin.judge, findings said in other words', () => {
  const { judgePaper } = judgeOverLibrary([lungs, lead, wounds, fibrils, collagen, tinnitus]);

  it('reads "non-smokers had more lung capacity than smokers" as what "smokers had less … than non-smokers" says', () => {
    expect(judgePaper('Non-smokers had more lung capacity than smokers.', lungs).verdict).not.toBe('contradicted');
    expect(judgePaper('Non-smokers had less lung capacity than smokers.', lungs).verdict).toBe('contradicted');
  });

  it('reads "compared with B, A had lower" as a comparison of A with B, turned when the claim names B first', () => {
    expect(judgePaper('City dwellers had higher blood lead levels than farmers.', lead).verdict).not.toBe(
      'contradicted',
    );
    expect(judgePaper('Farmers had higher blood lead levels than city dwellers.', lead).verdict).toBe('contradicted');
  });

  it('reads "migrated more slowly in A than in B" as what "migrated slower in A compared with B" says', () => {
    expect(
      judgePaper('Wound edges migrated more slowly in diabetic mice than in control mice.', wounds).verdict,
    ).not.toBe('contradicted');
    expect(judgePaper('Wound edges migrated more quickly in diabetic mice than in control mice.', wounds).verdict).toBe(
      'contradicted',
    );
  });

  it('reads "took up tau fibrils more poorly" as less uptake, not more', () => {
    expect(judgePaper('Neurons lacking Ext1 took up tau fibrils more poorly.', fibrils).verdict).not.toBe(
      'contradicted',
    );
  });

  it('reads "not needed" and "no longer required" as what "dispensable" says, and "required" as a contradiction', () => {
    expect(judgePaper('Vitamin C is not needed for collagen repair in the knockout mice.', collagen).verdict).not.toBe(
      'contradicted',
    );
    expect(
      judgePaper('Vitamin C was no longer required for collagen repair in the knockout mice.', collagen).verdict,
    ).not.toBe('contradicted');
    expect(judgePaper('Vitamin C is required for collagen repair in the knockout mice.', collagen).verdict).toBe(
      'contradicted',
    );
  });

  it('reads "no more harmful than placebo" as what "did not cause more harm than placebo" says', () => {
    expect(judgePaper('Betahistine was no more harmful than placebo in adults with tinnitus.', tinnitus).verdict).toBe(
      'supported',
    );
  });
});
