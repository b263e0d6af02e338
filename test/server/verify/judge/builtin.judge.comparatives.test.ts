import { describe, expect, it } from 'vitest';
import { judgeOverLibrary } from './judge-library.ts';

// Abstracts written for these tests, each with a faithful claim that restates a finding in other
// words (a comparative, a noun of worth or harm, a word of worth for a word of amount) which the
// judge once called contradicted, and a claim that does reverse the finding, which it still must.
const lidocaine = {
  title: 'Topical lidocaine for post-herpetic neuralgia',
  abstract:
    'We randomised 180 adults with post-herpetic neuralgia to one of two skin patches for four weeks. Lidocaine patches gave greater pain relief than sham patches (mean difference 1.4 points). Skin reactions were mild and resolved within a day.',
};
const oseltamivir = {
  title: 'Oseltamivir in adults with influenza',
  abstract:
    'We enrolled 400 adults with confirmed influenza in a placebo-controlled trial. Oseltamivir shortened the time to symptom resolution by 1.2 days compared with placebo. Nausea was the most common adverse event.',
};
const mortality = {
  title: 'Infant mortality trends in twelve countries',
  abstract:
    'We compared infant mortality in rural districts and cities of twelve countries from 1990 to 2000. Infant mortality fell less quickly in rural districts than in cities over the decade. Access to clinics explained part of the gap.',
};
const ultraviolet = {
  title: 'Ultraviolet light and skin cells',
  abstract:
    'We exposed cultured keratinocytes to ultraviolet B light. Exposure raised reactive oxygen species and caused DNA damage in the cells within an hour. Antioxidant pretreatment lowered reactive oxygen species and DNA damage.',
};
const walking = {
  title: 'Exercise in older adults',
  abstract:
    'We followed 900 adults over 70 who walked daily or did not. Daily walking lowered systolic blood pressure by 6 mmHg. The benefits of walking for blood pressure held across body weights.',
};

const cysts = {
  title: 'An mTOR inhibitor in polycystic kidney disease',
  abstract:
    'We gave an mTOR inhibitor to half of 30 rats with polycystic kidney disease for eight weeks. Kidney cysts grew more slowly in treated rats than in untreated rats. Kidney function was alike in both groups.',
};
const cisplatin = {
  title: 'Cisplatin and cochlear hair cells',
  abstract:
    'We cultured cochlear explants from newborn rats with cisplatin for two days. Cisplatin was harmful to cochlear hair cells at the higher doses. Supporting cells were spared.',
};

describe('builtin.judge, comparatives and nouns of change', () => {
  const { judgePaper } = judgeOverLibrary([lidocaine, oseltamivir, mortality, ultraviolet, walking, cysts, cisplatin]);

  it('reads "more effective than sham" as what "greater pain relief than sham" says, and the sides swapped as a contradiction', () => {
    expect(
      judgePaper('Lidocaine patches were more effective than sham patches for post-herpetic neuralgia.', lidocaine)
        .verdict,
    ).toBe('supported');
    expect(
      judgePaper('Sham patches were more effective than lidocaine patches for post-herpetic neuralgia.', lidocaine)
        .verdict,
    ).toBe('contradicted');
  });

  it('reads "improves the time to symptom resolution" as no contradiction of "shortened" it, and "prolongs" as one', () => {
    expect(
      judgePaper('Oseltamivir improves the time to symptom resolution in adults with influenza.', oseltamivir).verdict,
    ).not.toBe('contradicted');
    expect(
      judgePaper('Oseltamivir prolongs the time to symptom resolution in adults with influenza.', oseltamivir).verdict,
    ).toBe('contradicted');
  });

  it('reads "declined more slowly" as what "fell less quickly" says, and "more quickly" as a contradiction', () => {
    expect(
      judgePaper('Infant mortality declined more slowly in rural districts than in cities during the 1990s.', mortality)
        .verdict,
    ).toBe('supported');
    expect(
      judgePaper(
        'Infant mortality declined more quickly in rural districts than in cities during the 1990s.',
        mortality,
      ).verdict,
    ).toBe('contradicted');
  });

  it('reads "declined more slowly in cities than in rural districts" as a contradiction of the sides swapped', () => {
    expect(
      judgePaper('Infant mortality declined more slowly in cities than in rural districts during the 1990s.', mortality)
        .verdict,
    ).toBe('contradicted');
  });

  it('reads "grew less quickly in A than in B" as what "grew more slowly in A than in B" says, and the sides swapped as a contradiction', () => {
    expect(judgePaper('Kidney cysts grew less quickly in treated rats than in untreated rats.', cysts).verdict).toBe(
      'supported',
    );
    expect(judgePaper('Kidney cysts grew less quickly in untreated rats than in treated rats.', cysts).verdict).toBe(
      'contradicted',
    );
  });

  it('reads a noun of harm or worth as directing only its own phrase ("DNA damage in the cells", "benefits … by lowering")', () => {
    expect(
      judgePaper(
        'Ultraviolet exposure causes DNA damage in skin cells by generating reactive oxygen species.',
        ultraviolet,
      ).verdict,
    ).toBe('supported');
    expect(
      judgePaper('Regular exercise brings benefits for older adults by lowering blood pressure.', walking).verdict,
    ).toBe('supported');
  });

  it('reads "protected the cells" against "was harmful to the cells" as a contradiction ("harmful" is no noun of harm)', () => {
    expect(judgePaper('Cisplatin protected cochlear hair cells at the higher doses.', cisplatin).verdict).toBe(
      'contradicted',
    );
  });
});
