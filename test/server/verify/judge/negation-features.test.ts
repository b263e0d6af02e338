import { describe, expect, it } from 'vitest';
import { voteSentencesOf } from '../../../../server/verify/judge/direction-vote.ts';
import { negationFeatures } from '../../../../server/verify/judge/negation-features.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

// The negation features of a claim against an evidence sentence that is the whole paper.
const featuresOf = (claim: string, evidence: string) =>
  negationFeatures(readSentence(claim), readSentence(evidence), voteSentencesOf([evidence]));

describe('negation-features', () => {
  it('reads a negated word against its opposite stated plainly as one finding ("not needed", "dispensable")', () => {
    expect(
      featuresOf('Vitamin C is not needed for collagen repair.', 'Vitamin C is dispensable for collagen repair.'),
    ).toMatchObject({ negationMismatch: 0, scopedNegation: 0 });
    // The other side states the word itself too: its opposite may be about something else.
    expect(
      featuresOf(
        'Drug A was not effective against the infection.',
        'Drug A was effective against the infection, while drug B was ineffective.',
      ).negationMismatch,
    ).toBe(1);
  });

  it('reads two sides that each negate only things, and the same things, as no mismatch', () => {
    expect(
      featuresOf('The method requires no labelled data.', 'The method learns without any labelled data.'),
    ).toMatchObject({ negationMismatch: 0, scopedNegation: 0 });
    expect(featuresOf('The approach needs no GPU.', 'The approach runs without a GPU.')).toMatchObject({
      negationMismatch: 0,
      scopedNegation: 0,
    });
  });

  it('keeps a claim that negates a finding at odds with an affirmative sentence that does without something else', () => {
    for (const [claim, evidence] of [
      ['The vaccine offered no protection.', 'The vaccine offered strong protection, with no serious adverse events.'],
      ['No patients experienced relapse.', 'Most patients experienced relapse without treatment.'],
      ['The model lacks robustness to noise.', 'The model is robust to noise without any data augmentation.'],
      ['Reading lacks any effect on memory.', 'Reading improves memory without any cost.'],
    ] as const) {
      const features = featuresOf(claim, evidence);
      expect(features.negationMismatch, `${claim} / ${evidence}`).toBe(1);
      expect(features.negatesUnnamed).toBe(false);
    }
  });

  it('applies the never-named rule to a claim that negates a finding, whatever thing the evidence does without', () => {
    const claim =
      'SteerX adapts large language models to new tasks at inference time and leaves general accuracy unchanged.';
    for (const evidence of [
      'SteerX adapts large language models to new tasks at inference time and is training-free.',
      'SteerX adapts large language models to new tasks at inference time, and it lacks any trainable parameters.',
    ]) {
      expect(featuresOf(claim, evidence), evidence).toMatchObject({ negatesUnnamed: true, negationMismatch: 0 });
    }
  });

  it('reads "stay untouched" and "left unaltered" as negating what "left unchanged" does', () => {
    for (const claim of ['The model weights stay untouched.', 'The model weights are left unaltered.'])
      expect(featuresOf(claim, 'The model weights are left unchanged.'), claim).toMatchObject({
        negationMismatch: 0,
        nullFindingMismatch: 0,
      });
    expect(featuresOf('The method modifies the model weights.', 'The model weights stay untouched.')).toMatchObject({
      negationMismatch: 1,
    });
  });

  it('keeps a claim that negates only things from the never-named rule when the evidence negates a thing', () => {
    const features = featuresOf(
      'Memory Inception steers models with no fine-tuning.',
      'Memory Inception steers a language model without any training of its weights.',
    );
    expect(features).toMatchObject({ negatesUnnamed: false, negationMismatch: 0 });
  });

  it('keeps a claim\'s "A but not B" negated when the evidence states B of the finding, and not when it states only A', () => {
    const claim = 'Plasma lactate predicted readmission in crude but not in adjusted models.';
    expect(featuresOf(claim, 'Plasma lactate independently predicted readmission in adjusted models.')).toMatchObject({
      negationMismatch: 1,
    });
    expect(featuresOf(claim, 'Plasma lactate predicted readmission in crude models.')).toMatchObject({
      negationMismatch: 0,
    });
  });
});
