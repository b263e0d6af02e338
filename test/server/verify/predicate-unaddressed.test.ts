import { describe, expect, it } from 'vitest';
import { sentencesOfPaper } from '../../../server/verify/evidence-sentences.ts';
import { paperNameOf, predicateUnaddressed } from '../../../server/verify/predicate-unaddressed.ts';
import { SupportScorer } from '../../../server/verify/support-scorer.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';
import { bagOf } from '../../../server/verify/term-vectors.ts';

// A claim of four terms of equal weight, the first two the paper's name.
const claim = {
  text: 'Memory Inception outperforms TruthfulQA',
  weights: new Map([...bagOf('Memory Inception outperforms TruthfulQA').counts.keys()].map((term) => [term, 1])),
  totalWeight: 4,
};
const unaddressed = { words: ['outperforms', 'TruthfulQA'], share: 0.5, claimTerms: 4 };

describe('predicate-unaddressed', () => {
  it('reads a paper’s name before a colon, as the abbreviation in a parenthesis, or as a short title', () => {
    expect(
      paperNameOf(
        'Memory Inception: Latent-Space KV Cache Manipulation for Steering LLMs',
        'Memory Inception steers a language model.',
      ),
    ).toBe('Memory Inception');
    expect(paperNameOf('Verifier-Backed Hard Problem Generation (VHG)', 'VHG generates problems.')).toBe('VHG');
    expect(paperNameOf('POPO (Positive-Only Policy Optimization)', '')).toBe('POPO');
    expect(paperNameOf('StraTA (Strategic Trajectory Abstraction)', '')).toBe('StraTA');
    expect(paperNameOf('Dynamic Boundary Evaluation', 'Dynamic Boundary Evaluation is an approach.')).toBe(
      'Dynamic Boundary Evaluation',
    );
    expect(paperNameOf('EMO: Pretraining Mixture of Experts for Emergent Modularity', '')).toBe('EMO');
    expect(paperNameOf('GlazyBench', '')).toBe('GlazyBench');
    expect(paperNameOf('Crafting Reversible SFT Behaviors in Large Language Models', '')).toBeNull();
    expect(paperNameOf('Aspirin and the risk of colorectal cancer: a cohort study', '')).toBeNull();
  });

  it('reads a topic before a colon or a descriptive short title as no name, unless the abstract writes it as one', () => {
    expect(
      paperNameOf(
        'Obesity: Global Trends in Prevalence among Children and Adolescents',
        'The prevalence of obesity in children rose from 0.7% in 1975 to 5.6% in 2016.',
      ),
    ).toBeNull();
    expect(
      paperNameOf(
        'Sleep Deprivation: Effects on Working Memory in Young Adults',
        'Forty healthy volunteers were deprived of sleep for 24 hours.',
      ),
    ).toBeNull();
    expect(
      paperNameOf(
        'Negative Before Positive: Asymmetric Valence Processing in Large Language Models',
        'Signals for negative valence sit mostly in the early layers.',
      ),
    ).toBeNull();
    expect(
      paperNameOf('Exercise and Depression', 'Regular aerobic exercise was associated with less depression.'),
    ).toBeNull();
    // Written as a name once but in lower case elsewhere: a topic.
    expect(paperNameOf('Feather: Batching', 'Feather groups work; a feather weighs little.')).toBeNull();
    expect(paperNameOf('Feather: Batching', 'Based on this, Feather introduces a scheduler.')).toBe('Feather');
  });

  it('reads no name in a note in parentheses ("(Review)", "(the ABC trial)")', () => {
    expect(paperNameOf('Aspirin for colorectal adenomas (Review)', 'Aspirin reduced adenomas.')).toBeNull();
    expect(paperNameOf('Aspirin in older adults (the ABC trial)', 'In the ABC trial, aspirin…')).toBeNull();
  });

  it('leaves the terms of the paper’s name out of the share and the term count', () => {
    expect(claim.weights.size).toBe(4);
    expect(predicateUnaddressed(unaddressed, claim, 'Memory Inception')).toEqual({ share: 1, claimTerms: 2 });
  });

  it('keeps a term of the name that the claim also uses outside it ("Memory Inception cuts memory use")', () => {
    const text = 'Memory Inception cuts memory use';
    const memory = { text, weights: new Map([...bagOf(text).counts.keys()].map((term) => [term, 1])), totalWeight: 4 };
    expect(memory.weights.size).toBe(4);
    const cuts = { words: ['cuts', 'use'], share: 0.5, claimTerms: 4 };
    expect(predicateUnaddressed(cuts, memory, 'Memory Inception')).toEqual({ share: 2 / 3, claimTerms: 3 });
  });

  it('keeps the share and term count of a claim that does not name the paper, or says nothing but its name', () => {
    const whole = { share: 0.5, claimTerms: 4 };
    expect(predicateUnaddressed(unaddressed, claim, 'GlazyBench')).toEqual(whole);
    expect(predicateUnaddressed(unaddressed, claim, null)).toEqual(whole);
    expect(predicateUnaddressed(unaddressed, claim, 'Memory Inception outperforms TruthfulQA')).toEqual(whole);
    // The name's words, but not the name: "memory" and "inception" said of something else.
    expect(
      predicateUnaddressed(
        unaddressed,
        { ...claim, text: 'Inception of memory outperforms TruthfulQA' },
        'Memory Inception',
      ),
    ).toEqual(whole);
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
