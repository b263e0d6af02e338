import { describe, expect, it } from 'vitest';
import { judgeOverLibrary } from './judge-library.ts';

// Abstracts written for these tests. Each pair is a finding said in other words (a comparison named
// from the other side, "not needed" for "dispensable", "more poorly" for "worse") next to a claim
// that only looks like one: a reversal the judge must still call contradicted, or a faithful claim it
// must not.
const tumours = {
  title: 'Inhibitor K in xenografted mice',
  abstract:
    'We treated xenografted mice with inhibitor K or vehicle. Compared with controls, treated mice showed reduced tumour volume and increased survival. Body weight was unchanged.',
};
const scans = {
  title: 'Brain volumes in first-episode psychosis',
  abstract:
    'We scanned 200 patients and 200 controls. Compared with controls, patients had reduced grey matter volume and enlarged ventricles. Volumes correlated with illness duration.',
};
const closure = {
  title: 'Vitamin C and wound closure in wild-type and Gulo knockout mice',
  abstract:
    'We wounded the skin of wild-type and Gulo knockout mice with or without dietary vitamin C. Vitamin C was dispensable for wound closure in wild-type mice but not in knockout mice. Scar strength was lower without vitamin C.',
};
const fins = {
  title: 'Gene X in zebrafish fins',
  abstract:
    'We made gene X mutant zebrafish. Gene X was dispensable for fin development, unlike in fin regeneration. Mutant fish were fertile.',
};
const crossing = {
  title: 'Netrin-1 and commissural axons',
  abstract:
    'We studied netrin-1 knockout mice. Netrin-1 was essential for commissural axon crossing. Axons failed to cross the midline.',
};
const lakes = {
  title: 'Warming and lake algae',
  abstract:
    'We analysed 30 years of lake monitoring data. Warming increased the frequency of harmful algal blooms. Nutrient loads were stable.',
};
const vaping = {
  title: 'Biomarkers after switching to e-cigarettes',
  abstract:
    'We measured urinary biomarkers in 500 smokers who switched to e-cigarettes. Switching reduced exposure to harmful chemicals. Nicotine exposure was unchanged.',
};
const memory = {
  title: 'Sleep deprivation and memory',
  abstract:
    'We kept 40 adults awake for 24 hours. Sleep-deprived adults performed more poorly on memory tests than rested adults. Reaction time slowed.',
};

describe('builtin.judge, findings that only look said in other words', () => {
  const { judgePaper } = judgeOverLibrary([tumours, scans, closure, fins, crossing, lakes, vaping, memory]);

  it('reads "compared with B, A showed reduced X and increased Y" with each comparative for its own measure', () => {
    expect(judgePaper('Controls survived longer than treated mice.', tumours).verdict).toBe('contradicted');
    expect(judgePaper('Controls had greater tumour volume than treated mice.', tumours).verdict).not.toBe(
      'contradicted',
    );
    expect(judgePaper('Controls had larger ventricles than patients.', scans).verdict).toBe('contradicted');
    expect(judgePaper('Controls had smaller ventricles than patients.', scans).verdict).not.toBe('contradicted');
  });

  it('reads "not needed for A in knockout mice" against "dispensable for A in wild-type mice but not in knockout mice" as a contradiction', () => {
    expect(judgePaper('Vitamin C is not needed for wound closure in knockout mice.', closure).verdict).toBe(
      'contradicted',
    );
    expect(judgePaper('Gene X is not needed for fin regeneration.', fins).verdict).toBe('contradicted');
    expect(judgePaper('Gene X is not needed for fin development.', fins).verdict).not.toBe('contradicted');
  });

  it('reads "dispensable for A but required for B" against "essential for B" as no opposite', () => {
    expect(
      judgePaper('Netrin-1 is dispensable for axon growth but required for commissural axon crossing.', crossing)
        .verdict,
    ).not.toBe('contradicted');
    expect(judgePaper('Netrin-1 is dispensable for commissural axon crossing.', crossing).verdict).toBe('contradicted');
  });

  it('reads "more harmful algal blooms" and "less harmful chemicals" as which things, not as more or less harm', () => {
    expect(judgePaper('Warming led to more harmful algal blooms.', lakes).verdict).not.toBe('contradicted');
    expect(
      judgePaper('Smokers who switched to e-cigarettes were exposed to less harmful chemicals.', vaping).verdict,
    ).not.toBe('contradicted');
  });

  it('reads "A performed more poorly than B" as what "B performed better than A" says', () => {
    expect(
      judgePaper('Rested adults performed better on memory tests than sleep-deprived adults.', memory).verdict,
    ).not.toBe('contradicted');
    expect(
      judgePaper('Sleep-deprived adults performed worse on memory tests than rested adults.', memory).verdict,
    ).not.toBe('contradicted');
    expect(
      judgePaper('Sleep-deprived adults performed better on memory tests than rested adults.', memory).verdict,
    ).toBe('contradicted');
    expect(
      judgePaper('Rested adults performed worse on memory tests than sleep-deprived adults.', memory).verdict,
    ).toBe('contradicted');
  });
});
