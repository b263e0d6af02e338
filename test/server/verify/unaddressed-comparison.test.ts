import { describe, expect, it } from 'vitest';
import { EvidenceProfile } from '../../../server/verify/evidence-profile.ts';
import { sentencesOfPaper } from '../../../server/verify/evidence-sentences.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';
import { assertedComparisonOf, unaddressedComparison } from '../../../server/verify/unaddressed-comparison.ts';

const describing = {
  title: 'SoftSAE: sparse autoencoders with a dynamic top-K',
  abstract:
    'SoftSAE is a sparse autoencoder that picks its top-K active features dynamically instead of using a fixed K. The features are read on Gemma activations.',
};
const comparing = {
  title: 'Memory Inception: steering language models through the KV cache',
  abstract:
    'Memory Inception steers a language model without training by editing its KV cache. It beats activation steering on toxicity reduction benchmarks and needs less memory than alternatives.',
};
const titled = {
  title: 'Memory Inception: steering language models through the KV cache',
  abstract:
    'Memory Inception steers a language model without training by editing its KV cache. The method needs considerably less memory than alternatives.',
};
const effect = {
  title: 'Active Ly49Q induces neutrophil polarization',
  abstract: 'We study the receptor Ly49Q in neutrophils. Active Ly49Q increases neutrophil polarization in mice.',
};
const library = [describing, comparing, effect];
const statistics = statisticsOfTexts(library.map((p) => `${p.title}\n${p.abstract}`));
const profileOf = (paper: typeof describing) => new EvidenceProfile(sentencesOfPaper(paper), statistics);

describe('unaddressed-comparison', () => {
  it('reads a comparison, a multiple and a change by an amount as asserted, and a description as none', () => {
    expect(
      assertedComparisonOf('SoftSAE features are more interpretable than those of TopK autoencoders'),
    ).toMatchObject({ words: ['more', 'interpretable', 'those', 'TopK', 'autoencoders'], directionOnly: false });
    expect(assertedComparisonOf('Kernels adapted by CuBridge run twice as fast as FlashAttention').words).toContain(
      'FlashAttention',
    );
    expect(assertedComparisonOf('RecGPT-Mobile cuts recommendation latency by 40%').words).toEqual(['by 40%']);
    expect(assertedComparisonOf('Feather reduces memory fragmentation').directionOnly).toBe(true);
    expect(assertedComparisonOf('SoftSAE picks its top-K active features dynamically').words).toEqual([]);
    expect(assertedComparisonOf('Litespark runs on consumer CPUs rather than GPUs').words).toEqual([]);
  });

  it('finds a comparison unaddressed when the paper only describes its subject', () => {
    expect(
      unaddressedComparison('SoftSAE features are more interpretable than those of TopK autoencoders', [
        profileOf(describing),
      ]),
    ).toEqual(['more', 'interpretable', 'those', 'TopK', 'autoencoders']);
  });

  it('reads a comparison as addressed by a sentence that compares the side it is set against', () => {
    const paper = [profileOf(comparing)];
    expect(
      unaddressedComparison('Memory Inception outperforms activation steering on toxicity reduction benchmarks', paper),
    ).toEqual([]);
    expect(unaddressedComparison('Memory Inception needs less memory than alternatives', paper)).toEqual([]);
  });

  it('does not tie a comparison to a sentence by the words of the paper title', () => {
    // "needs less memory than alternatives" shares only "memory" (of "Memory Inception") with the claim.
    expect(
      unaddressedComparison('Memory Inception outperforms activation steering on toxicity benchmarks by 5%', [
        profileOf(titled),
      ]),
    ).not.toEqual([]);
    expect(unaddressedComparison('Memory Inception cuts memory use by 40%', [profileOf(titled)])).toEqual(['by 40%']);
  });

  it('reads a change as addressed by a sentence stating a direction on a word of the claim, title words included', () => {
    expect(unaddressedComparison('Active Ly49Q induces neutrophil polarization', [profileOf(effect)])).toEqual([]);
    expect(unaddressedComparison('Feather reduces memory fragmentation', [profileOf(describing)])).toEqual(['reduces']);
  });
});
