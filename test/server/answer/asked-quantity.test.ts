import { describe, expect, it } from 'vitest';
import {
  askedQuantity,
  givesQuantity,
  mentionsCounted,
  missingQuantityReason,
} from '../../../server/answer/asked-quantity.ts';

describe('asked-quantity', () => {
  it('reads what a quantity question counts, measures, or asks a figure of', () => {
    expect(askedQuantity('How many languages does TextPro-SLM support?')).toEqual({
      kind: 'count',
      words: ['languages'],
    });
    expect(askedQuantity('How many glaze formulations does GlazyBench contain?')).toEqual({
      kind: 'count',
      words: ['glaze', 'formulations'],
    });
    expect(askedQuantity('What batch size does Feather use?')).toEqual({ kind: 'measure', words: ['batch size'] });
    expect(askedQuantity('How much carbon does one query emit?')).toEqual({ kind: 'measure', words: ['carbon'] });
    expect(askedQuantity('How much higher throughput does Litespark achieve?')).toEqual({
      kind: 'measure',
      words: ['throughput'],
    });
    expect(askedQuantity('By how much does prefix-aware scheduling raise throughput?')).toEqual({
      kind: 'figure',
      words: [],
    });
    expect(askedQuantity('What percentage of patients relapsed?')).toEqual({ kind: 'figure', words: [] });
    expect(askedQuantity('How many times faster is it?')).toEqual({ kind: 'figure', words: [] });
    expect(askedQuantity('To what extent does caching help?')).toBeNull();
  });

  it('counts a thing only by a number before it in the same phrase', () => {
    const languages = { kind: 'count', words: ['languages'] } as const;
    expect(givesQuantity(languages, 'It draws on roughly 1,000 hours of recorded audio.')).toBe(false);
    expect(givesQuantity(languages, 'It supports 12 languages.')).toBe(true);
    expect(givesQuantity(languages, 'It is tested in three spoken languages.')).toBe(true);
    expect(givesQuantity(languages, 'One of its 40 layers handles languages, another 2 layers handle images.')).toBe(
      false,
    );
    const errors = { kind: 'count', words: ['bit', 'errors'] } as const;
    expect(givesQuantity(errors, 'With only 16 parity bits it can tolerate 64 or more bit errors.')).toBe(true);
  });

  it('takes a measure from a sentence with a figure that names the measure or gives a share', () => {
    const batch = { kind: 'measure', words: ['batch size'] } as const;
    expect(givesQuantity(batch, 'Throughput rises by 2-10x with this scheduling.')).toBe(false);
    expect(givesQuantity(batch, 'It uses a batch size of 256.')).toBe(true);
    expect(givesQuantity(batch, 'Shows that how large the batch is matters.')).toBe(false);
    const score = { kind: 'measure', words: ['score'] } as const;
    expect(givesQuantity(score, 'It reaches 92% on the benchmark.')).toBe(true);
  });

  it('takes a bare share only for a measure a share gives, not for a learning rate or a batch size', () => {
    const learningRate = { kind: 'measure', words: ['learning rate'] } as const;
    expect(givesQuantity(learningRate, 'It reduces hallucinations by 31%.')).toBe(false);
    const batch = { kind: 'measure', words: ['batch size'] } as const;
    expect(givesQuantity(batch, 'Throughput rises by 40% with this scheduling.')).toBe(false);
    const accuracy = { kind: 'measure', words: ['accuracy'] } as const;
    expect(givesQuantity(accuracy, 'It reaches 92% on the benchmark.')).toBe(true);
  });

  it('counts people under any person noun, and reads a count of papers as asking no count', () => {
    const participants = { kind: 'count', words: ['participants'] } as const;
    expect(givesQuantity(participants, 'In a cohort of 12,400 adults followed for 8 years, aspirin helped.')).toBe(
      true,
    );
    expect(askedQuantity('How many papers are there on RAG leakage?')).toEqual({ kind: 'figure', words: [] });
  });

  it('finds a sentence naming what is counted, or the participle it is counted by, without a number', () => {
    const benchmarks = { kind: 'count', words: ['benchmarks'] } as const;
    expect(
      mentionsCounted(
        benchmarks,
        'How many benchmarks is POPO evaluated on?',
        'It uses the AIME and MATH-500 benchmarks.',
      ),
    ).toBe(true);
    const datasets = { kind: 'count', words: ['datasets'] } as const;
    const question = 'How many datasets is PACZero evaluated on?';
    expect(mentionsCounted(datasets, question, 'The mechanisms are evaluated on SST-2 and on SQuAD.')).toBe(true);
    expect(mentionsCounted(datasets, question, 'PACZero provides zeroth-order mechanisms.')).toBe(false);
    const languages = { kind: 'count', words: ['languages'] } as const;
    expect(
      mentionsCounted(languages, 'How many languages does TextPro-SLM support?', 'It draws on 1,000 hours of audio.'),
    ).toBe(false);
  });

  it('takes a dose only from a figure in the units a dose is given in, not from a duration', () => {
    const dose = askedQuantity('What dose of rapamycin did the rats receive?');
    expect(dose).toEqual({ kind: 'measure', words: ['dose'] });
    const asked = dose as { kind: 'measure'; words: string[] };
    expect(givesQuantity(asked, 'Rats were treated with rapamycin and followed for up to 60 days.')).toBe(false);
    expect(givesQuantity(asked, 'Rats received 1.5 mg/kg rapamycin by gavage every other day.')).toBe(true);
    expect(givesQuantity(asked, 'Cells were exposed to 20 nM rapamycin.')).toBe(true);
  });

  it('takes a dose written with a hyphen ("4-mg dose") or counted in organisms or vectors ("10^9 PFU")', () => {
    const asked = askedQuantity('What dose of the vaccine did the mice receive?') as {
      kind: 'measure';
      words: string[];
    };
    expect(givesQuantity(asked, 'Mice received a single 4-mg dose of the vaccine.')).toBe(true);
    expect(givesQuantity(asked, 'Patients took 500-mg tablets twice daily.')).toBe(true);
    expect(givesQuantity(asked, 'Mice were given 1 × 10^10 CFU of the vaccine strain orally.')).toBe(true);
    expect(givesQuantity(asked, 'Each mouse was inoculated with 10^9 PFU of the vector.')).toBe(true);
    expect(givesQuantity(asked, 'Mice were followed for 4-week periods after the vaccine.')).toBe(false);
    expect(givesQuantity(asked, 'Mice received a dose of 1 × 10^9 PFU intranasally.')).toBe(true);
  });

  it('takes no hyphenated figure but a mass or volume, and no count of organisms found as a dose', () => {
    const asked = askedQuantity('What dose of the vaccine did the mice receive?') as {
      kind: 'measure';
      words: string[];
    };
    expect(givesQuantity(asked, 'Serum from vaccinated mice held 2-U antibodies in the assay.')).toBe(false);
    expect(givesQuantity(asked, 'Lungs of vaccinated mice held 10^6 CFU/mL at day 3.')).toBe(false);
  });

  it('names what the question asks for when no sentence gives it', () => {
    expect(missingQuantityReason({ kind: 'count', words: ['glaze', 'formulations'] })).toBe(
      'The library holds no answer: no sentence of the closest papers gives the number of "glaze formulations" the question asks for.',
    );
    expect(missingQuantityReason({ kind: 'measure', words: ['batch size'] })).toBe(
      'The library holds no answer: no sentence of the closest papers gives a figure for "batch size", which the question asks for.',
    );
  });
});

describe('asked-quantity (noun phrases and spellings)', () => {
  it('ends the counted noun at a plural or a preposition ("How many enzymes make up…", "How many items about…")', () => {
    expect(askedQuantity('How many enzymes make up the glycolysis module?')).toEqual({
      kind: 'count',
      words: ['enzymes'],
    });
    expect(askedQuantity('How many items about reading habits went into the survey?')).toEqual({
      kind: 'count',
      words: ['items'],
    });
    // A singular before the counted word names its kind.
    expect(askedQuantity('How many glaze formulations does the set hold?')).toEqual({
      kind: 'count',
      words: ['glaze', 'formulations'],
    });
  });

  it('counts a number written as a hyphenated word ("twenty-two variables")', () => {
    const asked = { kind: 'count' as const, words: ['items'] };
    expect(givesQuantity(asked, 'The survey asked twenty-two items of each reader.')).toBe(true);
    expect(givesQuantity(asked, 'The survey asked each reader about the items.')).toBe(false);
  });

  it('takes a measure written by its capitalised first letters ("Thr" for "threonine")', () => {
    const asked = { kind: 'measure' as const, words: ['glutamate'] };
    expect(givesQuantity(asked, 'The final strain produced 41.2 g/l Glu by fed-batch culture.')).toBe(true);
    // A short word that merely opens the measure's word in lower case is no abbreviation.
    expect(givesQuantity(asked, 'The final strain produced 41.2 g/l of glue by fed-batch culture.')).toBe(false);
  });

  it('reads a singular in -is, -ics or -ns before the counted word as its kind ("analysis steps", "lens elements")', () => {
    const counted = (question: string) => (askedQuantity(question) as { words: readonly string[] }).words;
    expect(counted('How many analysis steps does the pipeline run?')).toEqual(['analysis', 'steps']);
    expect(counted('How many diagnosis codes were assigned to each patient?')).toEqual(['diagnosis', 'codes']);
    expect(counted('How many hypothesis tests were corrected for multiplicity?')).toEqual(['hypothesis', 'tests']);
    expect(counted('How many physics problems does the benchmark hold?')).toEqual(['physics', 'problems']);
    expect(counted('How many lens elements does the camera use?')).toEqual(['lens', 'elements']);
    // A plural in -ns still ends the noun.
    expect(counted('How many proteins make up the complex?')).toEqual(['proteins']);
    // So does one no word list holds ("cyclins", "skyrmions").
    expect(counted('How many cyclins bind the kinase?')).toEqual(['cyclins']);
    expect(counted('How many skyrmions form in the lattice?')).toEqual(['skyrmions']);
  });

  it('does not read a capitalised stop word or English word as an abbreviation of the measure ("The", "Pro")', () => {
    expect(givesQuantity({ kind: 'measure', words: ['theophylline'] }, 'The trial enrolled 40 adults.')).toBe(false);
    expect(givesQuantity({ kind: 'measure', words: ['progesterone'] }, 'Pro forma costs rose by 12 units.')).toBe(
      false,
    );
  });
});
