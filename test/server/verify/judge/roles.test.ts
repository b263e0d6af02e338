import { describe, expect, it } from 'vitest';
import { partsSwapped, rolesSwapped } from '../../../../server/verify/judge/roles.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

const swapped = (claim: string, evidence: string) => rolesSwapped(readSentence(claim), [readSentence(evidence)]);

describe('roles', () => {
  it('reads a relation whose subject and object are exchanged as swapped, and a passive that keeps them as not', () => {
    const evidence = 'Kinase PKX inhibits MRK2 through direct phosphorylation.';
    expect(swapped('MRK2 inhibits PKX in liver cells.', evidence)).toBe(true);
    expect(swapped('PKX inhibits MRK2 in liver cells.', evidence)).toBe(false);
    expect(swapped('MRK2 is inhibited by PKX in liver cells.', evidence)).toBe(false);
  });

  it('reads no swap in a paper that states the relation both ways round (a mutual relation)', () => {
    const both = ['PKX inhibits MRK2 through direct phosphorylation.', 'In turn, MRK2 inhibits PKX in the cytoplasm.'];
    expect(rolesSwapped(readSentence('PKX inhibits MRK2 in liver cells.'), both.map(readSentence))).toBe(false);
    expect(rolesSwapped(readSentence('MRK2 inhibits PKX in liver cells.'), both.map(readSentence))).toBe(false);
  });

  it('reads no role in a relation without an agent ("associated with", "binds") or in a plural noun', () => {
    expect(swapped('Obesity is associated with diabetes.', 'Diabetes is associated with obesity.')).toBe(false);
    expect(swapped('PKX binds MRK2 in liver cells.', 'MRK2 binds PKX tightly.')).toBe(false);
    expect(swapped('Clinicians treat patients with fever.', 'Fever patients are clinicians’ concern.')).toBe(false);
  });

  it('reads two parallel parts pairing the same terms the other way round as swapped, a reordered paraphrase as not', () => {
    const evidence = 'Negative valence is processed late and positive valence early.';
    expect(swapped('Negative valence is processed early and positive valence late.', evidence)).toBe(true);
    expect(swapped('Positive valence is processed early and negative valence late.', evidence)).toBe(false);
    expect(swapped('Negative valence is processed late, while positive valence is processed early.', evidence)).toBe(
      false,
    );
    const frozen = 'During adaptation the encoder is frozen and the decoder trained on accented speech.';
    expect(swapped('During adaptation the decoder is frozen and the encoder trained.', frozen)).toBe(true);
    expect(swapped('During adaptation the encoder is frozen and the decoder is trained.', frozen)).toBe(false);
  });

  it('does not read parts that a sentence pairs by position or sets against each other', () => {
    expect(
      swapped(
        'Negative valence is processed early and positive valence late.',
        'Negative and positive valence are processed late and early, respectively.',
      ),
    ).toBe(false);
    expect(
      swapped(
        'Surveillance depends on test frequency and turnaround rather than on test sensitivity.',
        'Test sensitivity is secondary to frequency and turnaround for screening.',
      ),
    ).toBe(false);
  });

  it('reads parts whose subjects trade places, with the parts in either order, as swapped; the same pairs reordered as not', () => {
    const evidence =
      'Speaker identity is encoded mostly in the lower layers, whereas phoneme content peaks in the upper layers.';
    expect(
      swapped(
        'Phoneme content is encoded mostly in the lower layers, whereas speaker identity peaks in the upper layers.',
        evidence,
      ),
    ).toBe(true);
    expect(
      swapped(
        'Phoneme content peaks in the upper layers, whereas speaker identity is encoded mostly in the lower layers.',
        evidence,
      ),
    ).toBe(false);
    // A paper that also pairs them as the claim does (in another sentence) does not contradict it.
    const both = [evidence, 'In the smallest model, phoneme content is encoded mostly in the lower layers.'];
    expect(
      partsSwapped(
        readSentence(
          'Phoneme content is encoded mostly in the lower layers, whereas speaker identity peaks in the upper layers.',
        ),
        both.map(readSentence),
      ),
    ).toBe(false);
  });

  it('does not count a conjunction that starts a part as a term of it, so a paraphrase keeping the pairs is not swapped', () => {
    const evidence = readSentence(
      'Across 30 models, accuracy improves with scale, whereas calibration degrades on harder tasks.',
    );
    expect(
      partsSwapped(readSentence('Calibration degrades on harder tasks as models scale, whereas accuracy improves.'), [
        evidence,
      ]),
    ).toBe(false);
  });
});
