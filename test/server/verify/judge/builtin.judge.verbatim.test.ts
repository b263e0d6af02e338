import { describe, expect, it } from 'vitest';
import { judgeOverLibrary, type TestPaper } from './judge-library.ts';

// Abstracts written for these tests, after a review of claims that a paper states word for word, or
// nearly, and that the judge read as contradicted or partial: a whole the paper itself states beside
// a limit it puts on another finding, a negation carried over a comma splice, an exception the claim
// names, and conditions worded as "lacking", "without" or "-deficient".
const ketamine = {
  title: 'Intraoperative ketamine and postoperative pain after spine surgery',
  abstract:
    'In this randomized trial, every patient received a single dose of ketamine or saline before spine surgery. Ketamine reduced postoperative pain scores at 24 hours, regardless of patient age. The reduction in postoperative pain was seen only in patients with chronic pain before surgery. Opioid consumption did not differ between groups.',
};
const distillation = {
  title: 'Distilling reasoning into small language models',
  abstract:
    'We distil chain-of-thought reasoning from a large teacher into student models of 1B to 7B parameters. Distillation improved accuracy across all student model sizes. The accuracy gains from distillation appear only on specific reasoning benchmarks, such as GSM8K, and not on knowledge-heavy benchmarks.',
};
const iron = {
  title: 'Oral iron in heart failure outpatients',
  abstract:
    'Serum ferritin and hemoglobin were measured in all patients at baseline and 12 weeks. Oral iron raised hemoglobin only in a subset of patients with low ferritin. Exercise capacity was unchanged.',
};
const scaling = {
  title: 'Compute-optimal scaling of code models',
  abstract:
    'We train 40 code models between 10M and 7B parameters. Test loss decreases monotonically with training compute over six orders of magnitude. Test loss decreased with compute in every run, while training instability increased with compute at the largest scale.',
};
const lacunes = {
  title: 'Thalamic lacunar infarcts',
  abstract:
    'We reviewed 30 patients with thalamic lacunar infarcts. Weakness and ataxia after thalamic lacunar infarcts were generally mild, except when the infarct extended into the internal capsule.',
};
const headache = {
  title: 'Topiramate or propranolol for migraine',
  abstract:
    'We randomized 90 adults with migraine to topiramate or propranolol. The difference in headache days was not significant, however, the trend favoured topiramate. Neither treatment, however, eliminated headaches.',
};
const sepsisTrial = {
  title: 'Hydrocortisone in septic shock',
  abstract:
    'We followed 200 adults with septic shock given hydrocortisone. No deaths occurred, however, two patients were readmitted with pneumonia.',
};
const apoptosis = {
  title: 'A p53-independent route to apoptosis in colon cancer cells',
  abstract:
    'Chemotherapy induced p53-independent apoptosis in colon cancer cells. Apoptosis proceeded through caspase-2 and was not affected by p53 status. Cells without BAX still underwent apoptosis.',
};
const tlr4 = {
  title: 'TLR4 signalling in polymicrobial sepsis',
  abstract: 'Mice lacking TLR4 survived polymicrobial sepsis. Mice without MyD88 had lower cytokine levels.',
};
const papers = [ketamine, distillation, iron, scaling, lacunes, headache, sepsisTrial, apoptosis, tlr4];
const { judgePaper } = judgeOverLibrary(papers);
const verdictOf = (claim: string, paper: TestPaper) => judgePaper(claim, paper).verdict;

describe('builtin.judge, on claims a paper states word for word', () => {
  it('supports a whole the paper states itself beside a limit it puts on another finding', () => {
    expect(verdictOf('Ketamine reduced postoperative pain regardless of patient age.', ketamine)).toBe('supported');
    expect(verdictOf('Distillation improved accuracy across all student model sizes.', distillation)).toBe('supported');
    expect(verdictOf('Test loss decreases monotonically with training compute.', scaling)).toBe('supported');
    // A whole over a scope the paper limits is still contradicted.
    expect(verdictOf('Distillation improved accuracy on all benchmarks.', distillation)).toBe('contradicted');
  });

  it('supports a claim on all patients when the paper limits another finding to a subset', () => {
    expect(verdictOf('Serum ferritin was measured in all patients at baseline and at 12 weeks.', iron)).toBe(
      'supported',
    );
  });

  it('reads ", however," before a new subject as joining two clauses, not as an aside', () => {
    expect(verdictOf('The trend favoured topiramate.', headache)).toBe('supported');
    expect(verdictOf('Two patients were readmitted with pneumonia.', sepsisTrial)).toBe('supported');
    expect(verdictOf('Topiramate eliminated headaches.', headache)).toBe('contradicted');
  });

  it('does not oppose "severe" to "mild, except when …" for a claim on the exception, nor "rarely severe"', () => {
    expect(
      verdictOf(
        'Weakness after thalamic lacunar infarcts was severe when the infarct extended into the internal capsule.',
        lacunes,
      ),
    ).toBe('supported');
    expect(verdictOf('Weakness and ataxia after thalamic lacunar infarcts were rarely severe.', lacunes)).toBe(
      'supported',
    );
    expect(verdictOf('Weakness and ataxia after thalamic lacunar infarcts were severe.', lacunes)).toBe('contradicted');
  });

  it('supports "lacking BAX still underwent" against "without BAX still underwent", and the other way round', () => {
    expect(verdictOf('Cells lacking BAX still underwent apoptosis after chemotherapy.', apoptosis)).toBe('supported');
    expect(verdictOf('Cells without BAX still underwent apoptosis after chemotherapy.', apoptosis)).toBe('supported');
    const lacking = { ...apoptosis, abstract: apoptosis.abstract.replace('without', 'lacking') };
    expect(verdictOf('Cells without BAX still underwent apoptosis after chemotherapy.', lacking)).toBe('supported');
  });

  it('supports "TLR4-deficient mice survived" against "Mice lacking TLR4 survived"', () => {
    expect(verdictOf('TLR4-deficient mice survived polymicrobial sepsis.', tlr4)).toBe('supported');
    expect(verdictOf('Mice lacking TLR4 survived polymicrobial sepsis.', tlr4)).toBe('supported');
  });
});
