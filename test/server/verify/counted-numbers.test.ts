import { describe, expect, it } from 'vitest';
import { stem } from '../../../indexer/text/analyze.ts';
import { countedNumbersOf, numbersCountingElsewhere } from '../../../server/verify/counted-numbers.ts';

describe('counted-numbers', () => {
  it('reads what a number counts: the first plural noun within three words after it', () => {
    expect(countedNumbersOf('Each task is described by 30 process-level features.')).toEqual([
      { number: '30', noun: stem('features'), terms: expect.arrayContaining(['process', 'level', stem('features')]) },
    ]);
    expect(countedNumbersOf('Accuracy rose by 12% on 3 of the tasks.')).toEqual([]);
  });

  it('finds a counted number only in a sentence that names what it counts', () => {
    const sentence = (text: string) => ({ text, names: (term: string) => text.toLowerCase().includes(term) });
    const counted = countedNumbersOf('It uses 30 features.');
    expect(
      numbersCountingElsewhere(counted, [sentence('A suite of 30 tasks.'), sentence('It uses 129 features.')]),
    ).toEqual(new Set(['30']));
    expect(numbersCountingElsewhere(counted, [sentence('Each task has 30 features.')])).toEqual(new Set());
  });

  it('reads a unit after a number as no counted noun ("70 years", "12 months", "40 percentage points")', () => {
    expect(countedNumbersOf('Adults aged 70 years or older were followed for 12 months.')).toEqual([]);
    expect(countedNumbersOf('Tumour volume fell by 40 percentage points.')).toEqual([]);
  });

  it("finds a counted number where the paper states it of nothing named, or counts a word of the claim's phrase with it", () => {
    const sentence = (text: string) => ({ text, names: (term: string) => text.toLowerCase().includes(term) });
    const photos = countedNumbersOf('The set holds 4,047 photos.');
    expect(numbersCountingElsewhere(photos, [sentence('The set holds a total of 4,047.')])).toEqual(new Set());
    const recipes = countedNumbersOf('It holds 23,148 glaze recipes.');
    expect(numbersCountingElsewhere(recipes, [sentence('It contains 23,148 glaze formulations.')])).toEqual(new Set());
    const measures = countedNumbersOf('Each task has 129 process-level measures.');
    expect(
      numbersCountingElsewhere(measures, [sentence('Each task has 129 features measured at the process level.')]),
    ).toEqual(new Set());
    // Counted with another number beside the noun, it is missing.
    expect(
      numbersCountingElsewhere(photos, [sentence('It holds 4,047 images.'), sentence('It holds 5,000 photos.')]),
    ).toEqual(new Set(['4047']));
  });

  it('finds no counted number that the paper states only of another thing ("4,047 images" for "4,047 glaze recipes")', () => {
    const sentence = (text: string) => ({ text, names: (term: string) => text.toLowerCase().includes(term) });
    const paper = [sentence('It contains 23,148 glaze formulations and 4,047 images.')];
    expect(numbersCountingElsewhere(countedNumbersOf('It holds 4,047 glaze recipes.'), paper)).toEqual(
      new Set(['4047']),
    );
    // The number beside the claim's noun, but counting another thing there, is no support either.
    expect(numbersCountingElsewhere(countedNumbersOf('It holds 23,148 images.'), paper)).toEqual(new Set(['23148']));
    expect(numbersCountingElsewhere(countedNumbersOf('It holds 4,047 glaze images.'), paper)).toEqual(new Set());
  });

  it('finds a counted number anywhere when the paper counts the claim’s thing with no other number (a synonym: "312 subjects" for "312 patients")', () => {
    const sentence = (text: string) => ({ text, names: (term: string) => text.toLowerCase().includes(term) });
    const missing = (claim: string, ...paper: string[]) =>
      numbersCountingElsewhere(countedNumbersOf(claim), paper.map(sentence));
    const inflammation = 'Blocking the receptor lowered C-reactive protein levels by 40% in 312 patients.';
    expect(missing('It lowered CRP by 40% in 312 subjects.', inflammation)).toEqual(new Set());
    expect(missing('It lowered CRP by 40% in 312 participants.', inflammation)).toEqual(new Set());
    expect(
      missing('Among 4,500 ex-smokers, weight rose.', 'Among 4,500 quitters, mean body weight increased.'),
    ).toEqual(new Set());
    expect(missing('It recovers 92% across 19 benchmarks.', 'It recovers 92% on 19 classification datasets.')).toEqual(
      new Set(),
    );
    expect(missing('It holds 4,047 photos.', 'It contains 23,148 glaze formulations and 4,047 images.')).toEqual(
      new Set(),
    );
    // "type 2 diabetes" labels a kind of diabetes: the paper counts no diabetic thing with 2.
    expect(
      missing(
        'Metformin slowed decline in 1,200 diabetic patients.',
        'In 1,200 older adults with type 2 diabetes followed for six years, decline was slower.',
      ),
    ).toEqual(new Set());
  });

  it('reads an open compound as its closed form ("27 data sets" counts the paper’s "datasets")', () => {
    const sentence = (text: string) => ({ text, names: (term: string) => text.toLowerCase().includes(term) });
    const paper = [sentence('It assembles 27 French-language datasets.'), sentence('Of them, 12 datasets are new.')];
    expect(numbersCountingElsewhere(countedNumbersOf('It assembles 27 data sets in French.'), paper)).toEqual(
      new Set(),
    );
    expect(numbersCountingElsewhere(countedNumbersOf('It assembles 30 data-sets in French.'), paper)).toEqual(
      new Set(['30']),
    );
  });

  it('reads a number as a year only where a date word or another year leads to it ("in 2019 models", not "2000 participants")', () => {
    expect(countedNumbersOf('In 2019 models were small; 2,019 models were tested.')).toEqual([
      { number: '2019', noun: stem('models'), terms: [stem('models')] },
    ]);
    expect(countedNumbersOf('Obesity rose between 1975 and 2016 girls.')).toEqual([]);
    expect(countedNumbersOf('We enrolled 2000 participants and 1850 samples.').map((c) => c.number)).toEqual([
      '2000',
      '1850',
    ]);
  });

  it('reads a number after "in" that counts people as a count ("in 2000 participants"), one before other things as a year', () => {
    expect(countedNumbersOf('The drug lowered blood pressure in 2000 participants.')).toEqual([
      { number: '2000', noun: stem('participants'), terms: [stem('participants')] },
    ]);
    expect(countedNumbersOf('Risk fell in 1998 older patients.').map((c) => c.number)).toEqual(['1998']);
    expect(countedNumbersOf('Benchmarks were saturated in 2019 models.')).toEqual([]);
    expect(countedNumbersOf('Enrolment grew since 2000 participants joined.')).toEqual([]);
  });

  it('reads a number that labels a kind as no count ("type 2 diabetes", "phase 3 trials")', () => {
    expect(countedNumbersOf('Adults with type 2 diabetes in phase 3 trials.')).toEqual([]);
  });
});
