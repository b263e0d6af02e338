import { describe, expect, it } from 'vitest';
import { lossWrittenAlike } from '../../../server/answer/small-loss.ts';

const asked = 'EMO run a subset of its experts without losing much performance';

describe('small-loss', () => {
  it('writes every small or absent loss of a sentence as the question writes it', () => {
    for (const sentence of [
      'A deployment runs a subset of experts while losing very little performance.',
      'A deployment runs a subset of experts with only a small drop in performance.',
      'A deployment runs a subset of experts without sacrificing performance.',
      'A deployment runs a subset of experts with no significant loss of performance.',
    ])
      expect(lossWrittenAlike(asked, sentence).sentence, sentence).toBe(
        'A deployment runs a subset of experts without losing much performance.',
      );
    expect(lossWrittenAlike('EMO keeps its performance with negligible degradation in accuracy', '').claim).toBe(
      'EMO keeps its performance without losing much accuracy',
    );
  });

  it('writes a large loss as one, which a small one denies', () => {
    expect(
      lossWrittenAlike(asked, 'A deployment runs a subset of experts at the cost of a large drop in performance.')
        .sentence,
    ).toBe('A deployment runs a subset of experts at the cost of losing much performance.');
  });

  it('leaves both sides as they are when the claim speaks of no small loss, where a small decrease is a direction', () => {
    const claim = 'aspirin increase mortality';
    const sentence = 'Aspirin led to a small decrease in mortality and a significant reduction in stroke.';
    expect(lossWrittenAlike(claim, sentence)).toEqual({ claim, sentence });
  });
});
