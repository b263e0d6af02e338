import { describe, expect, it } from 'vitest';
import { aboutClaim, countedText, reportsFinding } from '../../../server/answer/counted-findings.ts';
import { commaClauseHoldsOutcome } from '../../../server/answer/relative-clauses.ts';
import { verdictOf } from '../../support/bottom-line-verdict.ts';

describe('counted-findings', () => {
  it('reads the clause a study reports, without the clause set against it', () => {
    expect(
      countedText(
        'Although fibroblasts normally fail to enter the wound, we find that loss of Rac1 leads to their entry.',
      ),
    ).toBe('loss of Rac1 leads to their entry.');
  });

  it('takes out a null finding in a relative clause and an attributive "similar to", and keeps one in the main clause', () => {
    expect(
      countedText('Interleukin-8 raised neutrophil counts with a low dose of antibody that alone had no effect.'),
    ).toBe('Interleukin-8 raised neutrophil counts with a low dose of antibody that alone had .');
    expect(countedText('Strains with a growth rate similar to that of the wild type were favored.')).toBe(
      'Strains with a growth rate like that of the wild type were favored.',
    );
    // The relative clause's verb comes first: "had no change" is the main clause's.
    const main = 'Mice that received the antibody had no change in neutrophil counts.';
    expect(countedText(main)).toBe(main);
    const predicative = 'Neutrophil counts were similar to those of untreated mice.';
    expect(countedText(predicative)).toBe(predicative);
  });

  it('reads "appeared" before an adjective as an observation, and before "to" as a hedge', () => {
    expect(countedText('The regenerated fins appeared structurally normal.')).toBe(
      'The regenerated fins were structurally normal.',
    );
    const hedge = 'The drug appeared to reduce scarring.';
    expect(countedText(hedge)).toBe(hedge);
    expect(reportsFinding('The regenerated fins appeared structurally normal.', '')).toBe(true);
    expect(reportsFinding(hedge, '')).toBe(false);
  });

  it("reports a finding in the study's own words, or a denied ability the claim asserts", () => {
    expect(reportsFinding('Using a zebrafish model, we now show that fin cells are quiescent.', '')).toBe(true);
    expect(reportsFinding('We report the crystal structure of Abc3.', '')).toBe(false);
    const inability =
      'Abc3 carries two insertions in its motor domain that explain its inability to bind microtubules.';
    expect(reportsFinding(inability, 'Abc3 bind microtubules')).toBe(true);
    expect(reportsFinding(inability, 'Abc3 hydrolyse ATP')).toBe(false);
  });

  it("holds a finding about the question's subject only when it shares enough of the claim's topic words", () => {
    const claim = 'the impact factor a suitable measure of journal quality without a correction for field size';
    expect(aboutClaim('Different citation rates were demonstrated for reviews and for letters.', claim)).toBe(false);
    expect(aboutClaim('The impact factor was a poor measure of quality in small fields.', claim)).toBe(true);
  });

  it('keeps a null finding in a clause a verb form reports ("indicating that", "determined that")', () => {
    for (const sentence of [
      'Training curves coincided, indicating that dropout had no effect on overfitting.',
      'Training curves coincided, suggesting that dropout had no effect on overfitting.',
      'The review determined that dropout had no effect on overfitting.',
      'Reviewers noticed that dropout had no effect on overfitting.',
      'The curves imply that dropout had no effect on overfitting.',
    ])
      expect(countedText(sentence), sentence).toBe(sentence);
  });

  it('keeps "similar to" after a verb as a null finding, and takes it out only before any verb', () => {
    const found = 'Drug X yielded overall survival similar to that of standard therapy (HR 0.98).';
    expect(countedText(found)).toBe(found);
    const present = 'Drug X shows overall survival similar to that of standard therapy.';
    expect(countedText(present)).toBe(present);
  });

  it('takes out a null finding after ", which" or ", who" at first, and keeps it in the second reading', () => {
    const which = 'Adding drug X to chemotherapy, which had no effect on overall survival, lowered toxicity.';
    expect(countedText(which)).toBe('Adding drug X to chemotherapy, which had on overall survival, lowered toxicity.');
    expect(countedText(which, true)).toBe(which);
    const who = 'Patients on drug X, who had no change in overall survival, reported less pain.';
    expect(countedText(who, true)).toBe(who);
  });

  it('reads a comma clause only when it holds an outcome word of the claim that the rest does not', () => {
    const which = 'Adding drug X to chemotherapy, which had no effect on overall survival, lowered toxicity.';
    expect(commaClauseHoldsOutcome(which, 'drug X prolong overall survival')).toBe(true);
    const placebo = 'Metformin reduced body weight compared with placebo, which had no effect on weight.';
    expect(commaClauseHoldsOutcome(placebo, 'metformin reduce body weight')).toBe(false);
    expect(commaClauseHoldsOutcome('Metformin reduced body weight.', 'metformin reduce body weight')).toBe(false);
  });

  it('reads "that" after a noun in -ing as describing it, and after a reporting verb or a comma as reported', () => {
    for (const [sentence, counted] of [
      [
        'Training improved insulin sensitivity, unlike the stretching that had no effect.',
        'Training improved insulin sensitivity, unlike the stretching that had .',
      ],
      [
        'Aspirin reduced stroke risk in the screening that showed no difference in bleeding.',
        'Aspirin reduced stroke risk in the screening that showed in bleeding.',
      ],
      [
        'Knockout reduced regeneration, while the signaling that had no effect on growth was intact.',
        'Knockout reduced regeneration, while the signaling that had on growth was intact.',
      ],
    ])
      expect(countedText(sentence!), sentence).toBe(counted);
    for (const sentence of [
      'Training curves coincided, indicating that dropout had no effect on overfitting.',
      'Curves coincided, signalling that dropout had no effect on overfitting.',
      'The trial, finding that dropout had no effect on overfitting, was stopped.',
    ])
      expect(countedText(sentence), sentence).toBe(sentence);
  });

  it('takes out "similar to" after a participle with "with", "to" or "by", which is no verb of the finding', () => {
    expect(
      countedText(
        'Cells treated with a dose of the inhibitor similar to that used clinically showed reduced migration.',
      ),
    ).toBe('Cells treated with a dose of the inhibitor like that used clinically showed reduced migration.');
    const predicative = 'Cells treated with the inhibitor were similar to controls in migration.';
    expect(countedText(predicative)).toBe(predicative);
  });

  it('keeps a null finding in "X is a N that…"', () => {
    const kind = 'Drug X is an agent that had no effect on overall survival in two trials.';
    expect(countedText(kind)).toBe(kind);
  });

  it('reads no observation in "looked into", "appeared" before an adverb or an adjective of uncertainty', () => {
    for (const sentence of [
      'We looked into whether dropout reduces overfitting in small networks.',
      'Effects of dropout on overfitting appeared inconsistent across studies.',
      'Results appeared mixed across the three cohorts.',
      'New symptoms appeared frequently after drug X was started.',
      'The rash looked like a drug eruption.',
    ]) {
      expect(countedText(sentence), sentence).toBe(sentence);
      expect(reportsFinding(sentence, ''), sentence).toBe(false);
    }
    expect(countedText('The treated hearts appeared entirely normal.')).toBe(
      'The treated hearts were entirely normal.',
    );
  });

  it('still reads "that" after a noun ending in -ing as describing it ("the feeling that…")', () => {
    expect(countedText('Pain was linked to the feeling that treatment had no effect on daily life.')).toBe(
      'Pain was linked to the feeling that treatment had on daily life.',
    );
  });

  it('reads a result that "remained unchanged after adjustment" as holding, not as a null finding', () => {
    expect(
      countedText('Insulin dose was related to CIMT, which remained unchanged after adjustment for diabetes duration.'),
    ).toBe('Insulin dose was related to CIMT, which remained after adjustment for diabetes duration.');
    expect(countedText('The relation with CIMT remained unchanged after adjusting for age.')).toBe(
      'The relation with CIMT remained after adjusting for age.',
    );
    const adjusted = 'Insulin dose had no effect on CIMT after adjustment for age.';
    expect(countedText(adjusted)).toBe(adjusted);
  });

  it('reads an outcome "not affected after adjustment" as a null finding unless a result is named before it', () => {
    const outcome = 'Survival in statin users was not affected after adjustment for stage and grade.';
    expect(countedText(outcome)).toBe(outcome);
    expect(countedText('Statin use improved survival; the benefit was unchanged after adjustment for stage.')).toBe(
      'Statin use improved survival; the benefit was after adjustment for stage.',
    );
  });

  it("counts a positive finding for a question of contrast only when it states the question's contrast", () => {
    // A finding on another point says nothing of a difference by sex, of one between two causes, of
    // how often or at what rate.
    expect(
      verdictOf(
        'Is there a sex difference in relapse?',
        'Relapse was significantly less frequent in treated patients.',
      ),
    ).toBe('unclear');
    expect(
      verdictOf(
        'Was the raised risk of gout different for beer and wine?',
        'A raised risk of gout was found in drinkers of beer and wine (p < 0.01).',
      ),
    ).toBe('unclear');
    expect(
      verdictOf(
        'Are vaccines frequently offered to travellers?',
        'Vaccine uptake was significantly associated with age in travellers.',
      ),
    ).toBe('unclear');
    expect(
      verdictOf(
        'Do cloned embryos form blastocysts at a high rate?',
        'Overexpression of the demethylase significantly improved blastocyst formation in cloned embryos.',
      ),
    ).toBe('unclear');
    expect(
      verdictOf('Is the kinase active only in the nucleus?', 'The kinase was significantly active in the nucleus.'),
    ).toBe('unclear');
    expect(
      verdictOf(
        'Should patients with the cyst always undergo surgery?',
        'Surgery significantly shortened the stay of patients with the cyst.',
      ),
    ).toBe('unclear');
  });

  it("counts it when it states the contrast in the finding's own words", () => {
    expect(
      verdictOf(
        'Is there a sex difference in relapse?',
        'Relapse was significantly more frequent in women than in men.',
      ),
    ).toBe('yes');
    expect(
      verdictOf(
        'Was the raised risk of gout different for beer and wine?',
        'The risk of gout was significantly higher for beer than for wine.',
      ),
    ).toBe('yes');
    expect(
      verdictOf('Is the kinase active only in the nucleus?', 'We show that the kinase is active only in the nucleus.'),
    ).toBe('yes');
    expect(
      verdictOf(
        'Do cloned embryos form blastocysts at a high rate?',
        'Cloned embryos formed blastocysts at a significantly higher rate than fertilized ones.',
      ),
    ).toBe('yes');
  });

  it('reads no contrast in a relative clause of the question ("drugs that are often prescribed…")', () => {
    expect(
      verdictOf(
        'Are drugs that are often prescribed to older adults linked to falls?',
        'Drugs prescribed to older adults were significantly linked to falls.',
      ),
    ).toBe('yes');
  });

  it('reads no contrast in a qualifier of the question\'s subject ("frequent hand washing", "all pregnant women")', () => {
    expect(
      verdictOf(
        'Does frequent hand washing reduce respiratory infections?',
        'Hand washing at least five times a day significantly reduced respiratory infections.',
      ),
    ).toBe('yes');
    expect(
      verdictOf(
        'Do commonly prescribed antibiotics increase the risk of tendon rupture?',
        'Fluoroquinolones significantly increased the risk of tendon rupture.',
      ),
    ).toBe('yes');
    expect(
      verdictOf(
        'Should all pregnant women be screened for group B streptococcus?',
        'Screening pregnant women for group B streptococcus significantly reduced neonatal sepsis.',
      ),
    ).toBe('yes');
    // The contrast itself still needs stating.
    expect(
      verdictOf('Is there a sex difference in survival?', 'Survival was significantly lower in treated patients.'),
    ).not.toBe('yes');
    expect(
      verdictOf(
        'Are antibiotics commonly prescribed for colds?',
        'Antibiotics were significantly associated with colds.',
      ),
    ).not.toBe('yes');
    expect(
      verdictOf('Is asthma most common in children?', 'Asthma was significantly associated with children.'),
    ).not.toBe('yes');
  });

  it('reads no contrast in "sex hormones", "different doses", "making a difference", "all-cause" or "at all"', () => {
    expect(
      verdictOf(
        'Do sex hormones raise bone density?',
        'Estradiol significantly raised bone density in the treated rats.',
      ),
    ).toBe('yes');
    expect(
      verdictOf(
        'Do different doses of the vaccine protect mice?',
        'The vaccine significantly protected mice at every dose.',
      ),
    ).toBe('yes');
    expect(
      verdictOf(
        'Is the screening programme making a difference?',
        'The screening programme significantly reduced late-stage diagnoses.',
      ),
    ).toBe('yes');
    expect(
      verdictOf('Does aspirin reduce all-cause mortality?', 'Aspirin significantly reduced all-cause mortality.'),
    ).toBe('yes');
    expect(verdictOf('Does the drug help at all?', 'The drug significantly helped patients recover.')).toBe('yes');
  });
});
