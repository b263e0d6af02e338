import { describe, expect, it } from 'vitest';
import { splitAbstractBoilerplate } from '../../../indexer/readers/abstract-boilerplate.ts';

describe('abstract-boilerplate', () => {
  it('takes off the copyright statements databases append, as each writes them', () => {
    const cases: [string, string, string][] = [
      // Scopus
      ['We review the methods. © 2020 Elsevier Ltd', 'We review the methods.', '© 2020 Elsevier Ltd'],
      // Web of Science
      [
        'Shell growth slows. (C) 2019 Elsevier Ltd. All rights reserved.',
        'Shell growth slows.',
        '(C) 2019 Elsevier Ltd. All rights reserved.',
      ],
      // PubMed
      [
        'CONCLUSIONS: Important. Copyright © 2019 Elsevier Inc. All rights reserved.',
        'CONCLUSIONS: Important.',
        'Copyright © 2019 Elsevier Inc. All rights reserved.',
      ],
      // An open-access licence after the statement
      [
        'We measure things. © 2021 The Authors. Published by Elsevier B.V. This is an open access article under the CC BY license (http://creativecommons.org/licenses/by/4.0/).',
        'We measure things.',
        '© 2021 The Authors. Published by Elsevier B.V. This is an open access article under the CC BY license (http://creativecommons.org/licenses/by/4.0/).',
      ],
      // APA PsycInfo
      [
        'Depression is common. (PsycInfo Database Record (c) 2020 APA, all rights reserved)',
        'Depression is common.',
        '(PsycInfo Database Record (c) 2020 APA, all rights reserved)',
      ],
      // Wiley's accepted manuscripts in PubMed
      [
        'We study mice. This article is protected by copyright. All rights reserved.',
        'We study mice.',
        'This article is protected by copyright. All rights reserved.',
      ],
    ];
    for (const [abstract, text, copyright] of cases) {
      expect(splitAbstractBoilerplate(abstract), abstract).toEqual({ text, copyright });
    }
  });

  it('takes off a statement that opens the abstract, as Scopus writes some publishers’ (Springer)', () => {
    expect(splitAbstractBoilerplate('© 2019, Springer Nature Switzerland AG. Background: we study X.')).toEqual({
      text: 'Background: we study X.',
      copyright: '© 2019, Springer Nature Switzerland AG.',
    });
    expect(splitAbstractBoilerplate('© 2020 Elsevier B.V. All rights reserved. We study things.')).toEqual({
      text: 'We study things.',
      copyright: '© 2020 Elsevier B.V. All rights reserved.',
    });
  });

  it('reads a placeholder, or an abstract that is only a statement, as no abstract', () => {
    for (const placeholder of ['[No abstract available]', 'No abstract available.', '[Abstract not available]']) {
      expect(splitAbstractBoilerplate(placeholder)).toEqual({ text: '', copyright: null });
    }
    expect(splitAbstractBoilerplate('© 2020 Elsevier Ltd. All rights reserved.').text).toBe('');
  });

  it('drops an "Abstract:" label but not the word "Abstract" opening a sentence', () => {
    expect(splitAbstractBoilerplate('Abstract: We consider variational problems.').text).toBe(
      'We consider variational problems.',
    );
    expect(splitAbstractBoilerplate('ABSTRACT Background: things.').text).toBe('Background: things.');
    expect(splitAbstractBoilerplate('Abstract syntax trees are useful.').text).toBe(
      'Abstract syntax trees are useful.',
    );
    expect(splitAbstractBoilerplate('Abstract-based methods work.').text).toBe('Abstract-based methods work.');
  });

  it("drops Springer's pointer to supplementary material, as PubMed carries it", () => {
    const abstract =
      'AIMS/HYPOTHESIS: Insulin matters. CONCLUSIONS/INTERPRETATION: It does. ELECTRONIC SUPPLEMENTARY MATERIAL: ' +
      'The online version of this article (doi:10.1007/s00125-015-3512-x) contains peer-reviewed but unedited ' +
      'supplementary material, which is available to authorised users.';
    expect(splitAbstractBoilerplate(abstract)).toEqual({
      text: 'AIMS/HYPOTHESIS: Insulin matters. CONCLUSIONS/INTERPRETATION: It does.',
      copyright: null,
    });
    expect(splitAbstractBoilerplate(`${abstract} Funding: none.`).text).toBe(
      'AIMS/HYPOTHESIS: Insulin matters. CONCLUSIONS/INTERPRETATION: It does. Funding: none.',
    );
  });

  it('leaves copyright mentioned inside the text alone', () => {
    for (const abstract of [
      'Condition (c) 2020 samples were drawn. Copyright law in the EU is studied here.',
      'The (c) 2019 cohort differed.',
      'Costs fell from $10 million to $1000 — see © 2020.',
      'We discuss copyright (law) in depth. Results follow.',
    ]) {
      expect(splitAbstractBoilerplate(abstract), abstract).toEqual({ text: abstract, copyright: null });
    }
  });
  it('keeps sentences that begin with "Copyright" or "(c)" but are not a statement', () => {
    for (const abstract of [
      'Copyright of software is contested in Europe. We study how courts decide.',
      'We study three questions: (a) the cost; (b) the speed; (c) the role of copyright in innovation.',
      'We study courts. Copyright of orphan works is then discussed in detail.',
      'We trace its history. Copyright (the right to copy) arose in 1710.',
      'We show results. Copyright: the authors retain rights. Extra sentence here too.',
    ]) {
      expect(splitAbstractBoilerplate(abstract), abstract).toEqual({ text: abstract, copyright: null });
    }
  });

  it('takes a statement only when it reads as one (a year, a "©", rights reserved, a licence or a publisher)', () => {
    expect(splitAbstractBoilerplate('We study courts. Copyright the authors.')).toEqual({
      text: 'We study courts. Copyright the authors.',
      copyright: null,
    });
    expect(splitAbstractBoilerplate('We study courts. (c) The Authors, licensee MDPI.')).toEqual({
      text: 'We study courts.',
      copyright: '(c) The Authors, licensee MDPI.',
    });
  });

  it('reads an abstract of a long run of whitespace without backtracking over it', () => {
    expect(splitAbstractBoilerplate(`${' '.repeat(100_000)}©`)).toEqual({ text: '', copyright: '©' });
    expect(splitAbstractBoilerplate(`x${' '.repeat(100_000)}y`).text).toBe(`x${' '.repeat(100_000)}y`);
  });
});
