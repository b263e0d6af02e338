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
});
