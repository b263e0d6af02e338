import { describe, expect, it } from 'vitest';
import { onlyVersusMulti } from '../../../../server/verify/judge/only-versus-multi.ts';

describe('only-versus-multi', () => {
  it('reads "<x>-only" against "multi-<x>" and a modality against "multimodal" as opposites, either way round', () => {
    expect(onlyVersusMulti('A text-only benchmark.', 'A multimodal benchmark of images and captions.')).toBe(true);
    expect(
      onlyVersusMulti('The model answers over multimodal inputs.', 'The model answers over image-only inputs.'),
    ).toBe(true);
    expect(onlyVersusMulti('Retrieval is query-only.', 'Retrieval is multi-query.')).toBe(true);
  });

  it('reads no opposite when the kinds differ or a side states both', () => {
    expect(onlyVersusMulti('A text-only benchmark.', 'A multi-task benchmark.')).toBe(false);
    expect(onlyVersusMulti('A text-only and multimodal suite.', 'A multimodal suite.')).toBe(false);
    expect(onlyVersusMulti('A text-only benchmark.', 'A text-only benchmark.')).toBe(false);
  });
});
