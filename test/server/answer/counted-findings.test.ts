import { describe, expect, it } from 'vitest';
import { aboutClaim, countedText, reportsFinding } from '../../../server/answer/counted-findings.ts';

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
});
