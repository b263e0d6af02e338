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

  it('reads no opposite when the two phrases describe different nouns', () => {
    const paper = 'The method curbs hallucinations in multimodal LLMs.';
    expect(
      onlyVersusMulti('The method curbs hallucinations that text-only preference optimization leaves.', paper),
    ).toBe(false);
    expect(onlyVersusMulti('The method curbs hallucinations in text-only LLMs.', paper)).toBe(true);
    expect(onlyVersusMulti('The method curbs hallucinations in text-only models.', paper)).toBe(true);
  });

  it('reads no opposite for a phrase after "beyond", "earlier", "prior" and the like, which speaks of other work', () => {
    const paper = 'The benchmark measures continual unlearning in multimodal models.';
    expect(onlyVersusMulti('The benchmark measures continual unlearning beyond text-only models.', paper)).toBe(false);
    expect(onlyVersusMulti('The benchmark measures continual unlearning in text-only models.', paper)).toBe(true);
    expect(onlyVersusMulti('Earlier benchmarks were text-only.', 'The benchmarks are multimodal.')).toBe(false);
    expect(onlyVersusMulti('The benchmarks are text-only.', 'The benchmarks are multimodal.')).toBe(true);
  });

  it('reads "<x>-only" against "multi-<x>" on any nouns for a kind counted in steps, and a modality where a side says what the thing is', () => {
    expect(
      onlyVersusMulti(
        'It evaluates safety in turn-only settings.',
        'It evaluates safety over multi-turn conversations.',
      ),
    ).toBe(true);
    expect(onlyVersusMulti('It follows a path-only design.', 'Its design follows a multi-path architecture.')).toBe(
      true,
    );
    const benchmark = 'The suite is a multimodal benchmark that tests models on classification tasks.';
    expect(onlyVersusMulti('The suite tests vision-only models on classification.', benchmark)).toBe(true);
    // Neither side says what the thing is: another noun is another thing.
    expect(
      onlyVersusMulti('The suite tests vision-only models.', 'The suite tests models over multimodal inputs.'),
    ).toBe(false);
  });

  it('reads no opposite between "<x>-only" and a fixed "multi-<x>" compound on other nouns', () => {
    expect(
      onlyVersusMulti(
        'Head-only fine-tuning lets vision transformers transfer to new tasks.',
        'Vision transformers with multi-head attention transfer to new tasks.',
      ),
    ).toBe(false);
    expect(
      onlyVersusMulti(
        'ScaleTrain trains language models on a GPU-only single node.',
        'ScaleTrain uses multi-GPU data parallelism on a single node.',
      ),
    ).toBe(false);
    expect(onlyVersusMulti('It runs a CPU-only inference path.', 'It targets multi-CPU servers.')).toBe(false);
    // The same noun on both sides is still one setting against another.
    expect(onlyVersusMulti('It is a GPU-only training setup.', 'It is a multi-GPU training setup.')).toBe(true);
  });
});
