import { describe, expect, it } from 'vitest';
import { comparisonConflict } from '../../../../server/verify/judge/comparison-conflicts.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('comparison-conflicts', () => {
  it('reads no reversal from a paper that ranks the two sides both ways, on different measures', () => {
    const paper = [
      'The mean rating for fatigue on the short form was higher than it was on the long form, but the ratings for worry were higher on the long form than on the short form.',
      'The mean long form total was about three points higher than it was for the short form.',
    ].map(readSentence);
    const claim = readSentence('Respondents scored about three points higher on the long form than on the short form.');
    expect(comparisonConflict(claim, paper)).toBe(false);
    expect(comparisonConflict(claim, paper.slice(0, 1))).toBe(false);
    // One ranking, reversed, is still read.
    expect(comparisonConflict(readSentence('The short form scored higher than the long form.'), paper.slice(1))).toBe(
      true,
    );
  });

  it('reads a reversal from a paper ranking both ways when its reversing sentence is the closest to the claim', () => {
    const paper = [
      'Mistral outperforms Falcon on translation tasks.',
      'Falcon outperforms Mistral on summarisation tasks.',
    ].map(readSentence);
    expect(comparisonConflict(readSentence('Falcon outperforms Mistral on translation tasks.'), paper)).toBe(true);
    // The keeping sentence is the closer one here.
    expect(comparisonConflict(readSentence('Falcon outperforms Mistral on summarisation tasks.'), paper)).toBe(false);
    const ranked = [
      'The mean rating for fatigue on the short form was higher than it was on the long form, but the ratings for worry were higher on the long form than on the short form.',
      'The mean long form total was about three points higher than it was for the short form.',
    ].map(readSentence);
    expect(
      comparisonConflict(readSentence('The mean total was higher on the short form than on the long form.'), ranked),
    ).toBe(true);
  });

  it('reads a reversed worth ranking even when the sentence names a lower-is-better word in passing', () => {
    const evidence = [readSentence('Among high-risk adults, clarithromycin was more effective than doxycycline.')];
    const claim = readSentence('Among high-risk adults, doxycycline was more effective than clarithromycin.');
    expect(comparisonConflict(claim, evidence)).toBe(true);
  });

  it('reads "more slowly in A than in B" against "less quickly in A than in B" as the same ranking', () => {
    const paper = [readSentence('Infant mortality fell less quickly in rural districts than in cities.')];
    expect(
      comparisonConflict(
        readSentence('Infant mortality declined more slowly in rural districts than in cities.'),
        paper,
      ),
    ).toBe(false);
    expect(
      comparisonConflict(
        readSentence('Infant mortality declined more quickly in rural districts than in cities.'),
        paper,
      ),
    ).toBe(true);
  });

  it('reads "more slowly in A than in B" against "less quickly in B than in A" as a reversal: the sides are swapped', () => {
    const paper = [readSentence('Bone density declined less quickly in swimmers than in runners.')];
    expect(comparisonConflict(readSentence('Bone density fell more slowly in runners than in swimmers.'), paper)).toBe(
      true,
    );
    expect(comparisonConflict(readSentence('Bone density fell more slowly in swimmers than in runners.'), paper)).toBe(
      false,
    );
    // "more stable" against "more unstable", the same sides: a reversal.
    expect(
      comparisonConflict(readSentence('The variant protein was more stable than the native protein.'), [
        readSentence('The variant protein was more unstable than the native protein.'),
      ]),
    ).toBe(true);
  });

  it('reads "non-drinkers" as a side of its own, not as the drinkers', () => {
    const paper = [readSentence('Hearing declined more slowly in drinkers than in non-drinkers.')];
    expect(
      comparisonConflict(readSentence('Hearing declined less quickly in non-drinkers than in drinkers.'), paper),
    ).toBe(true);
    expect(
      comparisonConflict(readSentence('Hearing declined less quickly in drinkers than in non-drinkers.'), paper),
    ).toBe(false);
  });
});
