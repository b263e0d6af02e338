import { describe, expect, it } from 'vitest';
import { sentencesOfPaper } from '../../../server/verify/evidence-sentences.ts';
import { paperNameOf, predicateUnaddressed } from '../../../server/verify/predicate-unaddressed.ts';
import { SupportScorer } from '../../../server/verify/support-scorer.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';
import { bagOf } from '../../../server/verify/term-vectors.ts';

// A claim of four terms of equal weight, the first two the paper's name.
const claim = {
  weights: new Map([...bagOf('Memory Inception outperforms TruthfulQA').counts.keys()].map((term) => [term, 1])),
  totalWeight: 4,
};
const unaddressed = { words: ['outperforms', 'TruthfulQA'], share: 0.5, claimTerms: 4 };

describe('predicate-unaddressed', () => {
  it('reads a paper’s name before a colon, as the shorter form of a parenthesis, or as a short title', () => {
    expect(paperNameOf('Memory Inception: Latent-Space KV Cache Manipulation for Steering LLMs')).toBe(
      'Memory Inception',
    );
    expect(paperNameOf('Verifier-Backed Hard Problem Generation (VHG)')).toBe('VHG');
    expect(paperNameOf('POPO (Positive-Only Policy Optimization)')).toBe('POPO');
    expect(paperNameOf('Dynamic Boundary Evaluation')).toBe('Dynamic Boundary Evaluation');
    expect(paperNameOf('Crafting Reversible SFT Behaviors in Large Language Models')).toBeNull();
    expect(paperNameOf('Aspirin and the risk of colorectal cancer: a cohort study')).toBeNull();
  });

  it('leaves the terms of the paper’s name out of the share and the term count', () => {
    expect(claim.weights.size).toBe(4);
    expect(predicateUnaddressed(unaddressed, claim, 'Memory Inception')).toEqual({ share: 1, claimTerms: 2 });
  });

  it('keeps the share and term count of a claim that does not name the paper, or says nothing but its name', () => {
    const whole = { share: 0.5, claimTerms: 4 };
    expect(predicateUnaddressed(unaddressed, claim, 'GlazyBench')).toEqual(whole);
    expect(predicateUnaddressed(unaddressed, claim, null)).toEqual(whole);
    expect(predicateUnaddressed(unaddressed, claim, 'Memory Inception outperforms TruthfulQA')).toEqual(whole);
  });

  it('is read by the scorer on the name in the paper’s title, beside the share of the whole claim', () => {
    const paper = {
      title: 'Memory Inception: steering language models through their key-value cache',
      abstract: 'Memory Inception steers a language model without training by editing its key-value cache.',
    };
    const others = ['soil nitrogen cycles', 'glacier melt rates', 'ion channel gating', 'river deltas'].map((t) => ({
      title: t,
      abstract: `A study of ${t} with language models.`,
    }));
    const statistics = statisticsOfTexts([paper, ...others].map((p) => `${p.title}\n${p.abstract}`));
    const read = new SupportScorer(statistics).unaddressed(
      'Memory Inception outperforms activation steering on TruthfulQA',
      sentencesOfPaper(paper),
    );
    expect(read.words).toEqual(expect.arrayContaining(['outperforms', 'TruthfulQA']));
    expect(read.predicate!.share).toBeGreaterThan(read.share);
    expect(read.predicate!.claimTerms).toBe(read.claimTerms - 2);
  });
});
