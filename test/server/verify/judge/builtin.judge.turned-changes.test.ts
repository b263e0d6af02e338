import { describe, expect, it } from 'vitest';
import { judgeOverLibrary } from './judge-library.ts';

// Abstracts written for these tests, each with faithful claims that verify once called
// contradicted: a comparative of a verb of change, a noun of relief after a word of increase, a
// reversed effect of something the paper never names, and "halved" against a share.
const trial = {
  title: 'Ticagrelor or clopidogrel after myocardial infarction',
  abstract:
    'We randomized 900 patients with myocardial infarction to ticagrelor or clopidogrel. Mortality at one year was lower with ticagrelor than with clopidogrel. Bleeding was rare.',
};
const changes = {
  title: 'Ticagrelor or clopidogrel after myocardial infarction',
  abstract:
    'We randomized 900 patients with myocardial infarction to ticagrelor or clopidogrel. Ticagrelor reduced mortality by 30% versus 12% with clopidogrel. Bleeding was rare.',
};
const acupuncture = {
  title: 'Acupuncture for chronic pain',
  abstract:
    'We randomized 400 adults with chronic back pain to acupuncture or sham. Acupuncture improved pain relief at 12 weeks. Adverse events were rare.',
};
const orlistat = {
  title: 'Orlistat in obese adults',
  abstract:
    'We followed 300 obese adults for a year. Orlistat produced greater weight loss than placebo. Diarrhoea was common.',
};
const leakage = {
  title: 'Membership inference on language models',
  abstract:
    'We study membership inference against fine-tuned language models. Larger models and repeated training data increase leakage of training examples. We release our attack code.',
};
const defined = {
  title: 'Auditing private training',
  abstract:
    'We audit models trained with differential privacy (DP). Under weak budgets, DP increases leakage of rare training examples. We release our audit code.',
};
const spelled = {
  title: 'Privacy budgets and memorization',
  abstract:
    'We train language models under several privacy budgets. Under weak budgets, differential privacy increases leakage of rare training examples. Strong budgets cost accuracy.',
};
const kite = {
  title: 'Kite: an inference engine for transformers',
  abstract:
    'We present an inference engine for transformers. Our engine increases decoding latency on short prompts. It is open source.',
};
const alarms = (share: string) => ({
  title: 'Bed alarms and hospital falls',
  abstract: `We installed bed alarms in 12 wards for a year. ${share} Staff found the alarms acceptable.`,
});
const quarter = alarms('Bed alarms reduced the rate of falls by 25%.');
const half = alarms('Bed alarms reduced the rate of falls by 50%.');
const byHalf = alarms('The rate of falls fell by half with bed alarms.');
const { judgePaper } = judgeOverLibrary([
  trial,
  changes,
  acupuncture,
  orlistat,
  leakage,
  defined,
  spelled,
  kite,
  quarter,
  half,
  byHalf,
]);

describe('builtin.judge, on changes that another word turns', () => {
  it('reads "A reduced mortality more than B" as "mortality was lower with A", and B ranked first as contradicted', () => {
    expect(judgePaper('Ticagrelor reduced mortality more than clopidogrel.', trial).verdict).toBe('supported');
    expect(judgePaper('Clopidogrel reduced mortality more than ticagrelor.', trial).verdict).toBe('contradicted');
    expect(judgePaper('Ticagrelor reduced mortality less than clopidogrel.', trial).verdict).toBe('contradicted');
    expect(judgePaper('Ticagrelor lowered mortality more than clopidogrel.', changes).verdict).toBe('supported');
    expect(judgePaper('Clopidogrel lowered mortality more than ticagrelor.', changes).verdict).toBe('contradicted');
  });

  it('reads "improved pain relief" and "greater weight loss" as less pain and less weight, "increased pain" as contradicted', () => {
    expect(judgePaper('Acupuncture relieved chronic pain.', acupuncture).verdict).toBe('supported');
    expect(judgePaper('Acupuncture reduced pain.', acupuncture).verdict).toBe('supported');
    expect(judgePaper('Acupuncture increased pain.', acupuncture).verdict).toBe('contradicted');
    expect(judgePaper('Orlistat reduced body weight more than placebo.', orlistat).verdict).not.toBe('contradicted');
  });
});

describe('builtin.judge, on a reversed effect of something the paper never names', () => {
  it('judges it not addressed, and a reversal by a subject the paper names as contradicted', () => {
    const result = judgePaper('Differential privacy eliminates leakage of training examples.', leakage);
    expect(result.verdict).toBe('not_supported');
    expect(result.conflicts).not.toContain('direction');
    expect(judgePaper('Larger models reduce leakage of training examples.', leakage).verdict).toBe('contradicted');
  });

  it('reads a subject the paper names by an abbreviation, spelt out, or only in its title, as named', () => {
    expect(judgePaper('Differential privacy eliminates leakage of rare training examples.', defined).verdict).toBe(
      'contradicted',
    );
    expect(judgePaper('DP eliminates leakage of rare training examples.', spelled).verdict).toBe('contradicted');
    expect(judgePaper('Kite reduces decoding latency on short prompts.', kite).verdict).toBe('contradicted');
  });
});

describe('builtin.judge, on a change by half', () => {
  it('judges "halved" against "25% lower" as contradicted, and against "by 50%" or "fell by half" as supported', () => {
    const result = judgePaper('Bed alarms halved the rate of falls.', quarter);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('numbers');
    expect(result.evidence?.text).toContain('25%');
    expect(judgePaper('Bed alarms halved the rate of falls.', half).verdict).toBe('supported');
    expect(judgePaper('Bed alarms halved the rate of falls.', byHalf).verdict).toBe('supported');
    expect(judgePaper('Bed alarms cut the rate of falls by half.', byHalf).verdict).toBe('supported');
  });
});
