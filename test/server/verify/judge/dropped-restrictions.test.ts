import { describe, expect, it } from 'vitest';
import { voteSentencesOf } from '../../../../server/verify/judge/direction-vote.ts';
import { restrictionDropped, restrictionDroppedIn } from '../../../../server/verify/judge/dropped-restrictions.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

const dropped = (claim: string, evidence: string) => restrictionDropped(readSentence(claim), readSentence(evidence));

describe('dropped-restrictions', () => {
  it('reads "regardless of" against "only in", and "every" against "only on specific", as a dropped limit', () => {
    expect(dropped('The drug lowers fever regardless of age.', 'The drug lowered fever, but only in children.')).toBe(
      true,
    );
    expect(dropped('The drug lowers fever regardless of age.', 'The drug lowered fever in children.')).toBe(false);
    expect(dropped('The dye binds every tissue.', 'The dye binds only in certain tissues.')).toBe(true);
    expect(dropped('The dye binds every tissue.', 'The dye binds not only in certain tissues.')).toBe(false);
  });

  it('reads "monotonically" against a rise that turns into a fall on the same terms as a dropped limit', () => {
    expect(
      dropped(
        'Lift rises monotonically with angle of attack.',
        'Lift increases with angle of attack at first, but at high angles the lift is reduced.',
      ),
    ).toBe(true);
    expect(dropped('Lift rises monotonically with angle of attack.', 'Lift increases with angle of attack.')).toBe(
      false,
    );
  });

  it('finds the limit in another clause of a read sentence, or in another sentence naming the finding', () => {
    const claim = readSentence('Activating the pathway carries positive valence regardless of hunger.');
    const voters = voteSentencesOf([
      'We traced the pathway in mice.',
      'Activation of the pathway encodes positive valence, but only in hungry mice.',
    ]);
    expect(restrictionDroppedIn(claim, ['Activation of the pathway encodes positive valence'], voters)).toBe(true);
    expect(restrictionDroppedIn(claim, ['We traced the pathway in mice.'], voters)).toBe(true);
    expect(restrictionDroppedIn(claim, ['We traced the pathway in mice.'], voters.slice(0, 1))).toBe(false);
  });

  it('finds no dropped limit where a read sentence on the finding states the same whole itself', () => {
    const abstract = [
      'Ketamine reduced postoperative pain scores at 24 hours, regardless of patient age.',
      'The reduction in postoperative pain was seen only in patients with chronic pain before surgery.',
    ];
    const voters = voteSentencesOf(abstract);
    const claim = readSentence('Ketamine reduced postoperative pain regardless of patient age.');
    expect(restrictionDroppedIn(claim, [abstract[0]!], voters)).toBe(false);
    const distilled = [
      'Distillation improved accuracy across all student model sizes.',
      'The accuracy gains from distillation appear only on specific reasoning benchmarks.',
    ];
    const sizes = readSentence('Distillation improved accuracy across all student model sizes.');
    expect(restrictionDroppedIn(sizes, [distilled[0]!], voteSentencesOf(distilled))).toBe(false);
    // A whole over another scope is still limited.
    const benchmarks = readSentence('Distillation improved accuracy on all benchmarks.');
    expect(restrictionDroppedIn(benchmarks, [distilled[0]!], voteSentencesOf(distilled))).toBe(true);
  });

  it('reads an "only in" limit the claim states itself as no dropped limit', () => {
    const limit = 'The reduction in postoperative pain was seen only in patients with chronic pain before surgery.';
    expect(
      dropped('Ketamine reduced postoperative pain in patients with chronic pain, regardless of patient age.', limit),
    ).toBe(false);
    expect(dropped('Ketamine reduced postoperative pain regardless of chronic pain.', limit)).toBe(true);
  });

  it('takes a later turn only in a clause on what the claim says the direction of', () => {
    const claim = 'Test loss decreases monotonically with training compute.';
    expect(
      dropped(
        claim,
        'Test loss decreased with compute in every run, while training instability increased with compute.',
      ),
    ).toBe(false);
    expect(
      dropped(claim, 'Test loss decreased with compute at first, but at the largest scale test loss increased.'),
    ).toBe(true);
  });

  it("takes a limit from another sentence only when it is about the claim's predicate or outcome", () => {
    const abstract = [
      'We followed heart failure outpatients for 12 weeks.',
      'Oral iron raised hemoglobin only in a subset of patients with low ferritin.',
    ];
    const voters = voteSentencesOf(abstract);
    const measured = readSentence('Serum ferritin was measured in all patients at baseline and at 12 weeks.');
    expect(restrictionDroppedIn(measured, [abstract[0]!], voters)).toBe(false);
    const raised = readSentence('Oral iron raised hemoglobin in all patients with low ferritin.');
    expect(restrictionDroppedIn(raised, [abstract[0]!], voters)).toBe(true);
  });
});
