import { describe, expect, it } from 'vitest';
import { bottomLine, claimOfQuestion, findingBalance, findingStance } from '../../../server/answer/bottom-line.ts';

const stance = (question: string, sentence: string, afterAim = true) =>
  findingStance(sentence, claimOfQuestion(question), afterAim);
// Sentences with a cue of a finding of their own, read wherever they stand.
const cued = (question: string, sentence: string) => stance(question, sentence, false);
const verdict = (question: string, sentence: string, afterAim = true) =>
  bottomLine(question, [
    { n: 1, sentence: { field: 'abstract', start: 0, end: sentence.length, text: sentence }, afterAim },
  ]).verdict;

describe('bottom-line on plainly stated results', () => {
  it('reads a result stated plainly after the abstract’s aim or method as a finding, and not before it', () => {
    const asked = 'Were the antibodies more common in cases than in controls?';
    const found = 'The antibodies were more common in cases than in controls.';
    expect(verdict(asked, found)).toBe('yes');
    expect(verdict(asked, found, false)).toBe('unclear');
    // A section label opening it says where it stands.
    expect(verdict(asked, `RESULTS ${found}`)).toBe('yes');
    const denied = 'The hormone does not rescue the double mutant phenotype, since its gene is silent in these cells.';
    expect(stance('Does the hormone rescue the double mutant phenotype?', denied)).toBe(-1);
    expect(stance('Does the hormone rescue the double mutant phenotype?', denied, false)).toBe(0);
  });

  it('reads no method, aim, hedge or sentence without the claim’s outcome as a plain result', () => {
    const asked = 'Were the antibodies more common in cases than in controls?';
    expect(stance(asked, 'The antibodies were measured in cases and in controls.')).toBe(0);
    expect(stance(asked, 'The antibodies might be more common in cases than in controls.')).toBe(0);
    expect(stance(asked, 'We asked whether the antibodies are more common in cases than in controls.')).toBe(0);
    // A fragment left by a stripped section label, a method, and what there is in general.
    expect(stance(asked, 'The antibodies in cases and in controls obtained by serum screening.')).toBe(0);
    expect(stance(asked, 'A survey of the antibodies in cases and in controls was carried out.')).toBe(0);
    expect(stance(asked, 'There is no consensus on whether the antibodies are common in cases or controls.')).toBe(0);
    // Subject words alone: nothing is said of safety.
    expect(
      stance(
        'Therapeutic anticoagulation in the elderly trauma patient: is it safe?',
        'Ninety elderly trauma patients were started on therapeutic anticoagulation.',
      ),
    ).toBe(0);
  });

  it('reads values for two arms with no word for which way they differ as no plain result', () => {
    expect(
      verdict(
        'Does drug X improve survival in sepsis?',
        'Survival in sepsis was 62% with drug X and 61% with placebo.',
      ),
    ).toBe('unclear');
    expect(
      verdict(
        'Does drug X reduce relapse in schizophrenia?',
        'Relapse in schizophrenia was 30% with drug X and 21% with placebo.',
      ),
    ).toBe('unclear');
    expect(
      verdict(
        'Is statin use associated with lower dementia incidence in older adults?',
        'Statin users had a dementia incidence of 14.2 per 1000 person-years and non-users 14.6 per 1000 person-years.',
      ),
    ).toBe('unclear');
    // Nor on the question's own terms.
    expect(
      verdict(
        'Do probiotics reduce diarrhoea in children?',
        'Diarrhoea in children occurred in 12% with probiotics and 12% with placebo.',
      ),
    ).toBe('unclear');
  });

  it('reads "similar", "in both groups" and "comparable" as never yes', () => {
    const asked = 'Does aspirin lower 30-day mortality after hip fracture surgery?';
    expect(
      verdict(asked, 'Thirty-day mortality after hip fracture surgery was 8% in both groups, with or without aspirin.'),
    ).not.toBe('yes');
    expect(
      verdict(
        'Do hearing aids slow cognitive decline?',
        'Cognitive decline over three years was similar with hearing aids and with health education.',
      ),
    ).not.toBe('yes');
  });

  it('reads a baseline, the participants and a method in the active voice as no result', () => {
    const asked = 'Does exercise training lower blood pressure in older adults?';
    expect(
      verdict(
        asked,
        'At baseline, older adults in the exercise training group had lower blood pressure than controls.',
      ),
    ).toBe('unclear');
    expect(
      verdict(
        asked,
        'Mean age of the older adults was 71 years; 52% were women and mean blood pressure before exercise training was 148/86 mmHg.',
      ),
    ).toBe('unclear');
    expect(
      stance(asked, 'The assessment included blood pressure in older adults before and after exercise training.'),
    ).toBe(0);
  });

  it('reads a denial the claim does not share ("were without the ability") as no plain result', () => {
    expect(
      verdict(
        'Can cells without BRCA1 repair DNA breaks?',
        'Cells without BRCA1 were without the ability to repair DNA breaks.',
      ),
    ).not.toBe('yes');
  });

  it('reads a study’s "we discovered that" as a report of what it found', () => {
    expect(
      stance(
        'Does the helicase move along single-stranded DNA?',
        'We discovered that the helicase moves along single-stranded DNA at 80 bases per second.',
        false,
      ),
    ).toBe(1);
  });
});

describe('bottom-line on denials that are not the claim’s', () => {
  it('reads "lacked" naming the claim’s subject, as the question names it, as no denial', () => {
    expect(
      cued(
        'Were viruses lacking the glycan resistant to the antibody?',
        'Both viruses that lacked the glycan were found resistant to the antibody in neutralization assays.',
      ),
    ).toBe(1);
  });

  it('reads a denying conjunct on another outcome as no denial of the claim, and one on its outcome as one', () => {
    const found = 'The new drug lowered relapse rates and did not reduce mortality in the first year.';
    expect(cued('Does the new drug lower relapse rates?', found)).toBe(1);
    expect(cued('Does the new drug reduce mortality?', found)).toBe(-1);
  });

  it('keeps a denying conjunct when the clause before it does not hold the claim’s outcome', () => {
    const found = 'Dexamethasone shortened hospital stay in pneumonia and did not lower mortality.';
    expect(cued('Does dexamethasone reduce deaths in pneumonia?', found)).toBe(-1);
    expect(cued('Does dexamethasone shorten hospital stay in pneumonia?', found)).toBe(1);
  });

  it('reads as no denial only the "lacking" the question names its subject with', () => {
    expect(
      stance(
        'Can cells lacking BRCA1 perform homologous recombination repair?',
        'Cells lacking BRCA1 lack the capacity for homologous recombination repair and are hypersensitive to PARP inhibitors.',
      ),
    ).not.toBe(1);
    expect(verdict('Do mice lacking PTEN develop tumours?', 'Mice lacking PTEN lacked tumours at 12 months.')).not.toBe(
      'yes',
    );
  });

  it('reads "is non-pathogenic" against "pathogenic", and no group named with "non-"', () => {
    expect(
      verdict(
        'Is the strain pathogenic in mice?',
        'In vivo, the strain is non-pathogenic in mice after one year.',
        false,
      ),
    ).toBe('no');
    expect(
      cued(
        'Do patients with psychotic illness have more hospital stays?',
        'Patients with psychotic illness had significantly more hospital stays than patients with nonpsychotic illness.',
      ),
    ).toBe(1);
  });

  it('reads "non-" only of the question’s subject, in its own clause', () => {
    expect(
      verdict(
        'Is cisplatin toxic to kidney cells?',
        'Cisplatin was toxic to kidney cells at high doses, whereas the analogue was non-toxic at any dose.',
      ),
    ).not.toBe('no');
    expect(
      cued(
        'Is the mutant strain pathogenic in mice?',
        'We found that the mutant strain was pathogenic in mice, whereas the revertant was non-pathogenic.',
      ),
    ).toBe(1);
    expect(
      cued(
        'Is the vaccine immunogenic in infants?',
        'We found that the vaccine was immunogenic in infants, and the adjuvant alone was non-immunogenic.',
      ),
    ).toBe(1);
    expect(
      cued(
        'Is the analogue toxic to kidney cells?',
        'We found that cisplatin was toxic to kidney cells, whereas the analogue was non-toxic.',
      ),
    ).toBe(-1);
  });

  it('reads "dispensable for" said of another thing as no answer to "Is X required for…?"', () => {
    const found = 'Ime2 is required for sporulation, whereas Sps1 is dispensable for sporulation.';
    expect(verdict('Is Ime2 required for sporulation?', found)).toBe('yes');
    expect(stance('Is Sps1 required for sporulation?', found)).toBe(-1);
  });

  it('reads "dispensable for" the claim’s end against "required for"', () => {
    const found =
      'We show that the transmembrane domain is essential for dislocation, but dispensable for receptor binding.';
    expect(cued('Is the transmembrane domain required for receptor binding?', found)).toBe(-1);
    expect(cued('Is the transmembrane domain required for dislocation?', found)).toBe(1);
    // Either way round, and only of the claim's own end.
    const essential = 'We show that reversion of the transition is essential for tumour cells to form metastases.';
    expect(cued('Is reversion of the transition dispensable for tumour cells to form metastases?', essential)).toBe(-1);
    const other =
      'We found that the factors are dispensable for cell division and instead are necessary for cell survival.';
    expect(cued('Are the factors required for cell survival?', other)).not.toBe(-1);
  });
});

describe('bottom-line on the quantifier the question asks', () => {
  it('reads "only 70%" against a question of all, and "only a third" against one of most', () => {
    expect(
      cued(
        'Are all the duplicated genes in collinear positions?',
        'Only 70% of the duplicated genes were found in collinear positions.',
      ),
    ).toBe(-1);
    expect(
      cued(
        'Do most infected cells express the marker?',
        'Only a third of infected cells were found to express the marker.',
      ),
    ).toBe(-1);
    // A part of something else is no answer to the question of all.
    expect(
      cued(
        'Does the vaccine protect all adults over 60?',
        'The vaccine significantly protected adults over 60; only 5% of recipients reported a sore arm.',
      ),
    ).toBe(1);
    // A share of most answers most.
    expect(
      cued('Do most infected cells express the marker?', 'We found that 80% of infected cells express the marker.'),
    ).toBe(1);
  });

  it('reads "not only X but also Y" as no answer to "only Z?" that shares one word with X', () => {
    const found = 'Fur was not only a repressor of iron uptake genes but also an activator of iron storage genes.';
    expect(
      findingBalance('Does repression of iron uptake genes occur only when iron is high?', [
        { n: 1, text: found, afterAim: true },
      ]).net,
    ).toBeGreaterThan(-2);
    expect(
      findingBalance('Is age the only predictor of mortality after stroke?', [
        {
          n: 1,
          text: 'Age was not only a predictor of mortality after stroke but also of disability.',
          afterAim: true,
        },
      ]).net,
    ).toBeLessThanOrEqual(-2);
  });

  it('reads "not only X but also Y" as no to "only X?"', () => {
    const found =
      'Here, we show that repression occurs not only at the transcriptional level but also by inhibition of translation.';
    expect(
      findingBalance('Does repression occur only at the transcriptional level?', [{ n: 1, text: found }]).net,
    ).toBeLessThanOrEqual(-2);
  });
});
