import { describe, expect, it } from 'vitest';
import { definedAbbreviations, expandAbbreviations, longFormOf } from '../../../indexer/text/abbreviations.ts';

const longForms = (text: string) =>
  Object.fromEntries([...definedAbbreviations(text)].map(([short, a]) => [short, a.long]));

describe('definedAbbreviations', () => {
  it('finds a short form whose letters the words before its parenthesis spell in order', () => {
    expect(
      longForms(
        'The G-quadruplex ligand pyridostatin (PDS) induces double-strand breaks (DSBs) in T helper type 17 (TH17) cells.',
      ),
    ).toEqual({ PDS: 'pyridostatin', DSB: 'double-strand breaks', TH17: 'T helper type 17' });
  });

  it('reads mixed-case short forms', () => {
    expect(longForms('Messenger RNA (mRNA) rose after magnetic resonance imaging (MRI).')).toEqual({
      mRNA: 'Messenger RNA',
      MRI: 'magnetic resonance imaging',
    });
  });

  it('takes no statistics, measures, references or asides for short forms', () => {
    expect(
      longForms(
        'Risk was higher (OR, 1.52; 95% CI, 1.04-2.22; P = .03) in the group (n = 12) (see Table 1) (e.g. mice) (Fig. 2A) (2019).',
      ),
    ).toEqual({});
  });

  it('takes no pointer at a figure or table for a short form, even where the words before spell it', () => {
    expect(longForms('Firing increased in group 2 (Fig. 2). As Fig. 2 shows, it rose.')).toEqual({});
    expect(longForms('Tumours grew on average (Table S2).')).toEqual({});
  });

  it('ends a long form at the clause break before it, after letters outside the basic plane too', () => {
    expect(longForms('𝛼𝛽𝛾𝛿𝜀𝜁𝜂𝜃𝜄𝜅 dose. Site (DS) was recorded.')).toEqual({});
  });

  it('takes no long form whose letters do not spell the short form', () => {
    expect(longForms('Patients with a stable partner (HIV) fared better.')).toEqual({});
    expect(longFormOf('PDS', 'the ligand')).toBeNull();
  });

  it('does not look for a long form across a sentence break', () => {
    expect(longForms('Doses were split. Site (DS) was recorded.')).toEqual({});
  });

  it('keeps the first definition of a short form', () => {
    expect(longForms('pyridostatin (PDS) and later a panel of drug screens (PDS)')).toEqual({ PDS: 'pyridostatin' });
  });
});

describe('expandAbbreviations', () => {
  const text =
    'Pyridostatin (PDS) induces double-strand breaks (DSBs). PDS reduces proliferation by inducing DSB accumulation; DSBs persist.';

  it('spells out every use, singular or plural, and drops the defining parenthesis', () => {
    expect(expandAbbreviations(text, definedAbbreviations(text))).toBe(
      'Pyridostatin induces double-strand breaks. Pyridostatin reduces proliferation by inducing double-strand breaks accumulation; double-strand breaks persist.',
    );
  });

  it('reads another text, such as a claim, with a paper’s abbreviations', () => {
    expect(expandAbbreviations('PDS prevents DSB accumulation.', definedAbbreviations(text))).toBe(
      'Pyridostatin prevents double-strand breaks accumulation.',
    );
  });

  it('writes a plural short form as a plural long form, but not a mass noun in -ing', () => {
    const mri = definedAbbreviations('We used magnetic resonance imaging (MRI) and double-strand breaks (DSBs).');
    expect(expandAbbreviations('Two MRIs showed DSBs.', mri)).toBe(
      'Two magnetic resonance imaging showed double-strand breaks.',
    );
  });

  it('leaves words that only contain a short form alone', () => {
    expect(expandAbbreviations('PDSx and aPDS and pds stay.', definedAbbreviations(text))).toBe(
      'PDSx and aPDS and pds stay.',
    );
  });

  it('returns a text without abbreviations as it is', () => {
    expect(expandAbbreviations(text, new Map())).toBe(text);
  });
});
