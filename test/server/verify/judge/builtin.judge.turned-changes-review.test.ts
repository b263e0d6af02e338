import { describe, expect, it } from 'vitest';
import { judgeOverLibrary } from './judge-library.ts';

// Abstracts written for these tests: ordinary findings on which the turned changes, the unnamed
// subject and the changes by half once read a contradiction, or a support, the paper does not state.
const paper = (title: string, finding: string) => ({
  title,
  abstract: `We studied adults in a randomized trial over two years. ${finding} Adverse events were rare.`,
});
const ticagrelor = paper(
  'Antiplatelet therapy in acute coronary syndromes',
  'Ticagrelor increased mortality compared with clopidogrel.',
);
const leakage = {
  title: 'Membership inference on language models',
  abstract:
    'We study membership inference against fine-tuned language models. Larger models and repeated training data increase leakage of training examples. We release our attack code.',
};
const discharge = paper('A discharge program and readmissions', 'The readmission rate decreased from 22% to 11%.');
const fallsFell = paper('Bed alarms and hospital falls', 'The rate of falls fell from 8% to 4% with bed alarms.');
const varenicline = paper(
  'Varenicline for smoking',
  'Daily cigarette consumption fell from 20 to 10 cigarettes, and 35% of participants quit.',
);
const alarmsHalved = paper('Bed alarms and mortality', 'Bed alarms halved in-hospital mortality from 6% to 3%.');
const enoxaparin = paper('Enoxaparin dosing', 'A lower dose of 40 mg instead of 80 mg reduced major bleeding by 30%.');
const metformin = paper(
  'Metformin in sepsis',
  'Metformin increased survival through inhibition of inflammatory signalling in septic mice.',
);
const exercise = paper(
  'Aerobic exercise in older adults',
  'In older adults, aerobic exercise improved memory via reduction of hippocampal atrophy.',
);
const cisplatin = paper(
  'Cisplatin ototoxicity in children',
  'Cisplatin increased hearing loss risk in young children.',
);
const guideline = paper(
  'A new obesity guideline',
  'The new guideline increased weight loss surgery referrals among obese adults.',
);
const tranexamic = paper(
  'Tranexamic acid in hip arthroplasty',
  'Tranexamic acid reduced blood loss during hip arthroplasty.',
);
const tubular = paper(
  'Sex differences in kidney injury',
  'Tubular damage was more than twice as high in men than in women.',
);
const aspirin = paper('Aspirin and mortality', 'With aspirin, mortality was more than 20% lower than with placebo.');
const sumatriptan = paper(
  'Sumatriptan for migraine',
  'Sumatriptan produced greater pain relief than placebo at two hours.',
);
const { judgePaper } = judgeOverLibrary([
  ticagrelor,
  leakage,
  discharge,
  fallsFell,
  varenicline,
  alarmsHalved,
  enoxaparin,
  metformin,
  exercise,
  cisplatin,
  guideline,
  tranexamic,
  tubular,
  aspirin,
  sumatriptan,
]);

describe('builtin.judge, on a reversed effect of a subject the paper never names', () => {
  it('judges the claim not addressed, never supported, however long the claim', () => {
    for (const claim of [
      'Aspirin reduces mortality in acute coronary syndromes.',
      'In acute coronary syndromes, aspirin reduces mortality.',
      'Prasugrel reduces mortality compared with clopidogrel in acute coronary syndromes.',
    ])
      expect(judgePaper(claim, ticagrelor).verdict, claim).toBe('not_supported');
  });

  it('judges a claim with an opposite word of an unnamed subject not addressed too', () => {
    const result = judgePaper('Gradient clipping decreases leakage of training examples.', leakage);
    expect(result.verdict).toBe('not_supported');
    expect(result.conflicts).toEqual([]);
  });
});

describe('builtin.judge, on a change by half beside shares that are no change', () => {
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
    const result = judgePaper('Halving the enoxaparin dose reduced major bleeding.', enoxaparin);
    expect(result.conflicts).not.toContain('numbers');
    expect(result.verdict).not.toBe('contradicted');
  });
});

describe('builtin.judge, on words of change that only look turned', () => {
  it('does not turn a word of change by a noun of change after a preposition', () => {
    expect(judgePaper('Metformin increases survival in septic mice.', metformin).verdict).not.toBe('contradicted');
    expect(judgePaper('In older adults, aerobic exercise improves memory.', exercise).verdict).toBe('supported');
    expect(judgePaper('In older adults, aerobic exercise impairs memory.', exercise).verdict).toBe('contradicted');
  });

  it('does not turn a word of change by a noun of change that is not the head of its phrase', () => {
    expect(judgePaper('Cisplatin reduces the risk of hearing loss in young children.', cisplatin).verdict).not.toBe(
      'supported',
    );
    expect(judgePaper('The new guideline reduced referrals among obese adults.', guideline).verdict).not.toBe(
      'supported',
    );
  });

  it("keeps the subject of a turned verb on the verb's own direction", () => {
    expect(judgePaper('Tranexamic acid reduces bleeding during hip arthroplasty.', tranexamic).verdict).not.toBe(
      'contradicted',
    );
  });

  it('does not read "more than" after a copula or before a number as a comparative of change', () => {
    expect(judgePaper('Tubular damage was higher in men than in women.', tubular).verdict).not.toBe('contradicted');
    expect(judgePaper('Aspirin reduced mortality by more than 20%.', aspirin).verdict).not.toBe('contradicted');
  });

  it('does not read a turned comparison against a claim of worth', () => {
    expect(judgePaper('Sumatriptan was better than placebo at two hours.', sumatriptan).verdict).not.toBe(
      'contradicted',
    );
  });
});
