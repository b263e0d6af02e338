import { describe, expect, it } from 'vitest';
import { judgeOverLibrary } from './judge-library.ts';

// Abstracts written for these tests, after a reviewer's sweep of claims on biomedical and
// aeronautics papers: faithful claims worded with their own negative words, and claims that drop a
// limit, a degree or a multiple the paper states.
const knockout = {
  title: 'Two factors for the interferon response',
  abstract:
    'We studied interferon induction in fibroblasts infected with three RNA viruses. IRF-5 was dispensable for the response. Furthermore, cells additionally defective in IRF-9 expression totally fail to induce these genes in response to infection with any of the viruses.',
};
const warblers = {
  title: 'Brood size and nest productivity in a tropical warbler',
  abstract:
    'We followed 80 nests of the Crested Warbler over four seasons. Larger broods fledged more young, but these young were less likely to survive to independence. Overall, nest productivity did not vary with brood size.',
};
const medulloblastoma = {
  title: 'Signalling groups of medulloblastoma cultures',
  abstract:
    'We profiled 40 medulloblastoma cultures by gene expression. The cultures split into WNT-dependent and -independent groups. Both WNT-dependent and -independent cultures required AKT signalling to proliferate.',
};
const mastCells = {
  title: 'Mast cells without a potassium channel',
  abstract: 'Mast cells from Kcnn4-deficient mice showed grossly defective degranulation.',
};
const migraine = {
  title: 'Acupuncture or a beta blocker for chronic migraine',
  abstract:
    'Two hundred adults with chronic migraine received either acupuncture or a beta blocker for a year. Both treatments reduced headache days. Neither treatment, however, eliminated headache problems.',
};
const lacunes = {
  title: 'Thalamic lacunar infarcts',
  abstract:
    'We reviewed 30 patients with thalamic lacunar infarcts. Weakness and ataxia after thalamic lacunar infarcts were generally mild, except when the infarct extended into the internal capsule.',
};
const circuit = {
  title: 'A hunger circuit with a valence',
  abstract:
    'We mapped an AgRP to PVT pathway in the mouse brain. Optogenetic activation of the AgRP to PVT pathway carried negative valence, but only in fed mice.',
};
const wedge = {
  title: 'Base bleed on a wedge',
  abstract:
    'Wind tunnel tests measured the drag of a wedge with base bleed. Small bleed rates cause a decrease in the base drag but for larger bleed rates the base drag is again increased.',
};
const booster = {
  title: 'A booster dose of a rabies vaccine',
  abstract:
    'We gave 120 children a booster dose of a rabies vaccine. After the booster dose, antibody titres showed an increase of 5.5-fold.',
};
const cones = {
  title: 'Heat transfer on blunted cones',
  abstract: 'Heat transfer on a blunted 7.5 degree-half-angle cone was measured at Mach 6 in a shock tunnel.',
};
const homing = {
  title: 'Skin dendritic cells imprint skin homing',
  abstract:
    'We show that skin dendritic cells imprint T cell skin homing, as skin DC-activated T cells express more CCR8 and home to the skin.',
};
const papers = [
  knockout,
  warblers,
  medulloblastoma,
  mastCells,
  migraine,
  lacunes,
  circuit,
  wedge,
  booster,
  cones,
  homing,
];
const { judgePaper } = judgeOverLibrary(papers);

describe('builtin.judge, on findings worded with their own negative words', () => {
  it('judges "cells lacking IRF-9 cannot induce interferon genes" against "defective in IRF-9 … fail to induce" as supported', () => {
    for (const claim of [
      'Cells lacking IRF-9 cannot induce interferon genes after infection with any of the viruses.',
      'Cells lacking IRF-9 fail to induce interferon genes after infection with any of the viruses.',
    ])
      expect(judgePaper(claim, knockout).verdict, claim).toBe('supported');
    expect(
      judgePaper(
        'Cells lacking IRF-9 strongly induce interferon genes after infection with any of the viruses.',
        knockout,
      ).verdict,
    ).toBe('contradicted');
  });

  it('judges "did not change" or "did not differ" against "did not vary" as supported', () => {
    expect(judgePaper('Nest productivity did not change with brood size.', warblers).verdict).toBe('supported');
    expect(judgePaper('Nest productivity did not differ with brood size.', warblers).verdict).toBe('supported');
    expect(judgePaper('Nest productivity rose with brood size.', warblers).verdict).toBe('contradicted');
  });

  it('reads "WNT-independent" and "Kcnn4-deficient" as names of a kind, not as negations', () => {
    expect(
      judgePaper('Medulloblastoma cultures split into WNT-dependent and WNT-independent groups.', medulloblastoma)
        .verdict,
    ).toBe('supported');
    expect(judgePaper('Mast cells from Kcnn4-deficient mice degranulate very poorly.', mastCells).verdict).toBe(
      'supported',
    );
  });
});

describe('builtin.judge, on claims that drop what the paper limits', () => {
  it('judges a claim against "Neither treatment, however, eliminated …" as contradicted', () => {
    expect(judgePaper('Acupuncture eliminates headache problems in chronic migraine.', migraine).verdict).toBe(
      'contradicted',
    );
    expect(judgePaper('Neither treatment eliminated headache problems.', migraine).verdict).toBe('supported');
  });

  it('judges "severe" against "generally mild" as contradicted', () => {
    expect(judgePaper('Thalamic lacunar infarcts typically cause severe weakness.', lacunes).verdict).toBe(
      'contradicted',
    );
  });

  it('judges "regardless of" against "but only in" as contradicted, the limit kept as supported', () => {
    expect(
      judgePaper(
        "Activating the AgRP to PVT pathway carries negative valence regardless of the animal's feeding state.",
        circuit,
      ).verdict,
    ).toBe('contradicted');
    expect(
      judgePaper('Activating the AgRP to PVT pathway carries negative valence in fed mice.', circuit).verdict,
    ).toBe('supported');
  });

  it('judges "falls monotonically" against a fall that turns into a rise as contradicted', () => {
    const result = judgePaper('Base drag falls monotonically with bleed rate.', wedge);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('quantifier');
  });

  it('judges "roughly twofold" against "5.5-fold" as contradicted, "about 5.5-fold" as supported', () => {
    const result = judgePaper('The booster dose raised antibody titres roughly twofold.', booster);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('numbers');
    expect(judgePaper('The booster dose raised antibody titres about 5.5-fold.', booster).verdict).toBe('supported');
  });

  it('finds "7.5-degree" in "7.5 degree-half-angle"', () => {
    expect(judgePaper('Heat transfer on blunted 7.5-degree cones was measured at Mach 6.', cones).verdict).toBe(
      'supported',
    );
  });

  it('does not support a numbered name the paper never names beside its sibling ("CCR10" against "CCR8")', () => {
    const result = judgePaper('Skin DCs also imprint CCR10 expression on the T cells they activate.', homing);
    expect(result.verdict).toBe('partially_supported');
    expect(result.unmentioned).toEqual(['CCR10']);
    expect(judgePaper('Skin DCs imprint CCR8 expression on the T cells they activate.', homing).verdict).toBe(
      'supported',
    );
  });
});
