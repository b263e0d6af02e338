import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sentencesOfPaper } from '../../../server/verify/evidence-sentences.ts';
import { createBuiltinJudge } from '../../../server/verify/judge/builtin.judge.ts';
import {
  emptyStanceFeatures,
  STANCE_FEATURE_NAMES,
  type StanceFeatures,
} from '../../../server/verify/judge/stance-features.ts';
import { FEATURE_NAMES, type SupportFeatures } from '../../../server/verify/support-features.ts';
import {
  conflictsOf,
  contradictionProbability,
  JUDGE_THRESHOLDS,
  judgeVerdictOf,
  STANCE_INPUTS,
  STANCE_MODEL,
  UNADDRESSED,
  unmentionedOf,
} from '../../../server/verify/support-verdicts.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';

const noFeatures = () =>
  Object.fromEntries(
    [...FEATURE_NAMES, 'abstractCosine', 'bm25', 'rareCoverage', 'numbersMissing', 'directionMismatch'].map((n) => [
      n,
      0,
    ]),
  ) as SupportFeatures;
const evidence = { field: 'abstract' as const, start: 0, end: 4, text: 'Text' };

const recommender = {
  title: 'MobiRec: on-device recommendation with a small language model',
  abstract:
    'MobiRec runs a small language model on the user’s phone and infers user intent for recommendations in the Mobile Taobao app. Running on the device keeps browsing histories private and cuts server costs. In online tests MobiRec raised the number of orders placed through its recommendations.',
};
const library = [
  recommender,
  ...['soil nitrogen cycles', 'glacier melt rates', 'ion channel gating', 'graph coloring bounds', 'river deltas'].map(
    (t) => ({ title: t, abstract: `A study of ${t} with language models.` }),
  ),
];
const judge = createBuiltinJudge(statisticsOfTexts(library.map((p) => `${p.title}\n${p.abstract}`)));

// The sample library that ships with the project, judged as `citelens verify` judges it.
const sample = fs
  .readFileSync(new URL('../../../data/papers.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; title: string; abstract: string });
const sampleJudge = createBuiltinJudge(statisticsOfTexts(sample.map((p) => `${p.title}\n${p.abstract}`)));
const sampleJudged = (id: string, claim: string, context?: string) =>
  sampleJudge.judgeNow(claim, sentencesOfPaper(sample.find((p) => p.id === id)!), context);

describe('support-verdicts', () => {
  it('weighs the stance inputs exactly as logistic weights over one record of the relevance and stance features', () => {
    const values = (names: readonly string[], offset: number) =>
      Object.fromEntries(names.map((name, i) => [name, ((i * 7 + offset) % 11) / 10]));
    const features = values(FEATURE_NAMES, 3) as Parameters<typeof contradictionProbability>[1];
    const stance = values(STANCE_FEATURE_NAMES, 5) as Parameters<typeof contradictionProbability>[0];
    const merged: Record<string, number> = { ...features, ...stance };
    let z = STANCE_MODEL.bias;
    for (const name of STANCE_INPUTS) z += STANCE_MODEL.weights[name] * merged[name]!;
    expect(contradictionProbability(stance, features)).toBe(1 / (1 + Math.exp(-z)));
  });

  it('gives a verdict by the thresholds: not bearing, contradicted, supported, and partial when a conflict remains', () => {
    const { relevant, supported, contradicted } = JUDGE_THRESHOLDS;
    const verdict = (score: number, contradicting: number, conflicts: ReturnType<typeof conflictsOf> = []) =>
      judgeVerdictOf({
        score,
        support: score * (1 - contradicting),
        contradiction: score * contradicting,
        conflicts,
        evidence,
      });
    expect(verdict(relevant / 2, 0)).toBe('not_supported');
    expect(verdict(Math.max(supported, relevant) + 0.01, contradicted + 0.01, ['direction'])).toBe('contradicted');
    expect(verdict(Math.max(supported, relevant) + 0.01, 0)).toBe('supported');
    expect(verdict(Math.max(supported, relevant) + 0.01, 0, ['scope'])).toBe('partially_supported');
    expect(judgeVerdictOf({ score: 1, support: 1, contradiction: 0, conflicts: [], evidence: null })).toBe(
      'not_supported',
    );
  });

  it('contradicts only where a cue shows the conflict, not by the stance model bias and overlap alone', () => {
    const { supported, relevant, contradicted } = JUDGE_THRESHOLDS;
    const score = Math.max(supported, relevant) + 0.01;
    const contradicting = Math.min(1, contradicted + 0.05);
    const result = {
      score,
      support: score * (1 - contradicting),
      contradiction: score * contradicting,
      evidence,
      stance: emptyStanceFeatures(),
    };
    expect(judgeVerdictOf({ ...result, conflicts: [] })).toBe('supported');
    expect(judgeVerdictOf({ ...result, conflicts: ['negation'] })).toBe('contradicted');
    // A model judge's combined reading (no built-in stance features) needs no cue.
    const { stance: _, ...combined } = result;
    expect(judgeVerdictOf({ ...combined, conflicts: [] })).toBe('contradicted');
  });

  it('contradicts a claim for a quantity the evidence states otherwise, never for a number the paper does not state', () => {
    const { supported, relevant, contradicted } = JUDGE_THRESHOLDS;
    const score = Math.max(supported, relevant) + 0.01;
    const contradicting = Math.min(1, contradicted + 0.05);
    const verdict = (features: SupportFeatures, stance: StanceFeatures) =>
      judgeVerdictOf({
        score,
        support: score * (1 - contradicting),
        contradiction: score * contradicting,
        conflicts: conflictsOf(features, stance),
        evidence,
        stance,
      });
    const unstated = { ...noFeatures(), numbersMissing: 1 };
    // The reader still sees the number the paper does not state, and it keeps the claim from support.
    expect(conflictsOf(unstated, emptyStanceFeatures())).toEqual(['numbers']);
    expect(verdict(unstated, emptyStanceFeatures())).toBe('partially_supported');
    expect(verdict(noFeatures(), { ...emptyStanceFeatures(), quantityConflict: 1 })).toBe('contradicted');
    expect(verdict(unstated, { ...emptyStanceFeatures(), negationMismatch: 1 })).toBe('contradicted');
  });

  it('never contradicts a claim only because the grouped-citation prior pushes the evidence past the threshold', () => {
    const { supported, relevant, contradicted } = JUDGE_THRESHOLDS;
    const score = Math.max(supported, relevant) + 0.01;
    const grouped = {
      score,
      support: score * (1 - contradicted - 0.05),
      contradiction: score * (contradicted + 0.05),
      conflicts: ['negation' as const],
      evidence,
      stance: { ...emptyStanceFeatures(), negationMismatch: 1, groupedCitation: 1 },
    };
    // Read without the prior the evidence contradicts less than the threshold: partial, as alone.
    expect(judgeVerdictOf({ ...grouped, priorFreeContradiction: score * (contradicted - 0.05) })).toBe(
      'partially_supported',
    );
    // Where the reading without the prior contradicts too, the group changes nothing.
    expect(judgeVerdictOf({ ...grouped, priorFreeContradiction: score * (contradicted + 0.01) })).toBe('contradicted');
    expect(judgeVerdictOf(grouped)).toBe('contradicted');
  });

  it('judges a sentence of a sample paper cited in a group as it judges it cited alone, with less support', () => {
    const paper = sample.find((p) => p.id === 'attention-sink-structural-origin')!;
    const claim =
      'The authors conclude that the sink carries no semantic meaning; it is a structural artefact whose root cause is a discrepancy in variance, with super neurons and disparity across dimensions also implicated.';
    const sentences = sentencesOfPaper(paper);
    const alone = sampleJudge.judgeNow(claim, sentences);
    const grouped = sampleJudge.judgeNow(claim, sentences, undefined, 1);
    expect(alone.verdict).toBe('partially_supported');
    expect(grouped.verdict).toBe('partially_supported');
    expect(grouped.support).toBeLessThan(alone.support);
    expect(grouped.score).toBe(alone.score);
  });

  it('reads the unmentioned share on what the claim says of the paper, its name left out', () => {
    const result = { score: 0.9, support: 0.9, contradiction: 0, conflicts: [], evidence };
    const { share, claimTerms } = UNADDRESSED;
    // The paper's name holds half the claim's weight: the words it never mentions are nearly all the rest.
    const named = { words: ['TruthfulQA'], share: share - 0.05, claimTerms: claimTerms + 1 };
    expect(judgeVerdictOf({ ...result, unaddressed: named })).toBe('partially_supported');
    expect(judgeVerdictOf({ ...result, unaddressed: { ...named, predicate: { share: 0.9, claimTerms: 3 } } })).toBe(
      'not_supported',
    );
    expect(
      judgeVerdictOf({ ...result, unaddressed: { ...named, predicate: { share: 0.9, claimTerms: claimTerms + 1 } } }),
    ).toBe('partially_supported');
  });

  it('does not contradict a claim for a number an abstract without any number never states', () => {
    const unstated = sampleJudged(
      'recgpt-mobile',
      'RecGPT-Mobile increased click-through rate by 5% in an online A/B test.',
    );
    expect(unstated).toMatchObject({ verdict: 'not_supported', evidence: null, conflicts: [] });
  });

  it('reads claims a paper of the sample library does not address, beyond its name, as not supported', () => {
    expect(
      sampleJudged('memory-inception-kv-steering', 'Memory Inception outperforms activation steering on TruthfulQA.')
        .verdict,
    ).toBe('not_supported');
    expect(
      sampleJudged(
        'dynamic-boundary-evaluation',
        'and Dynamic Boundary Evaluation prevents test-set contamination.',
        'Schema-1 outperforms XGBoost on tabular classification benchmarks, and Dynamic Boundary Evaluation prevents test-set contamination.',
      ).verdict,
    ).toBe('not_supported');
  });

  it('reads no name in a topic title of the sample library, nor leaves out a name word the claim also uses', () => {
    // "Negative Before Positive" heads a descriptive title; "memory" is said of the method's cost too.
    expect(sampleJudged('negative-before-positive-valence', 'Positive valence peaks in deeper layers.').verdict).toBe(
      'partially_supported',
    );
    expect(
      sampleJudged(
        'memory-inception-kv-steering',
        'Memory Inception cuts memory use compared with competing steering methods.',
      ).verdict,
    ).toBe('partially_supported');
  });

  it('lists the unmentioned words only where they decide the verdict, not where a conflict does', () => {
    const deployed = { words: ['deployed'], share: 0.4, predicate: { share: 0.6, claimTerms: 3 } };
    expect(unmentionedOf('partially_supported', deployed, [])).toEqual(['deployed']);
    expect(unmentionedOf('partially_supported', deployed, ['numbers'])).toBeUndefined();
    // Partial support is kept from support by the whole claim's share, not by what it says of the paper.
    expect(unmentionedOf('partially_supported', { ...deployed, share: 0.2 }, [])).toBeUndefined();
    expect(unmentionedOf('not_supported', { ...deployed, share: 0.2 }, [])).toEqual(['deployed']);
  });

  it('still supports claims that state what a paper of the sample library says of itself', () => {
    expect(
      sampleJudged(
        'recgpt-mobile',
        'An on-device LLM that infers user intent has been deployed in the Mobile Taobao app.',
      ).verdict,
    ).toBe('supported');
    expect(
      sampleJudged(
        'memory-inception-kv-steering',
        'Inserting text-conditioned latent key/value banks into selected attention layers lets a model switch behaviour mid-conversation.',
      ).verdict,
    ).toBe('supported');
    expect(
      sampleJudged(
        'dynamic-boundary-evaluation',
        'Dynamic Boundary Evaluation benchmarks LLMs dynamically,',
        'Dynamic Boundary Evaluation benchmarks LLMs dynamically, and CuBridge adapts CUDA attention kernels via CuIR.',
      ).verdict,
    ).toBe('supported');
  });

  it('does not call a paper support that never names the words the claim rests on, and gives partial support when only a detail is missing', () => {
    const unaddressed = (share: number, claimTerms: number) => ({ words: ['Whisper'], share, claimTerms });
    const result = { score: 0.9, support: 0.9, contradiction: 0, conflicts: [], evidence };
    const { share, claimTerms } = UNADDRESSED;
    expect(judgeVerdictOf({ ...result, unaddressed: unaddressed(share, claimTerms) })).toBe('not_supported');
    expect(judgeVerdictOf({ ...result, unaddressed: unaddressed(UNADDRESSED.detail, claimTerms) })).toBe(
      'partially_supported',
    );
    expect(judgeVerdictOf({ ...result, unaddressed: unaddressed(UNADDRESSED.detail / 2, claimTerms) })).toBe(
      'supported',
    );
    expect(judgeVerdictOf({ ...result, unaddressed: unaddressed(share, claimTerms + 1) })).toBe('partially_supported');
    expect(judgeVerdictOf({ ...result, unaddressed: { words: [], share: 0, claimTerms } })).toBe('supported');
  });

  it('reads a paper on the topic that never mentions the measured quantity as not addressing the claim, without evidence', () => {
    const judgement = judge.judgeNow(
      'MobiRec recommendations raise click-through rates',
      sentencesOfPaper(recommender),
    );
    expect(judgement.verdict).toBe('not_supported');
    expect(judgement.evidence).toBeNull();
  });

  it('gives partial support to a claim that adds a detail the paper never mentions, and full support when it adds none', () => {
    const sentences = sentencesOfPaper(recommender);
    expect(judge.judgeNow('MobiRec raises click-through rates in the Mobile Taobao app', sentences).verdict).toBe(
      'partially_supported',
    );
    expect(
      judge.judgeNow(
        'MobiRec infers user intent on the user’s phone for recommendations in the Mobile Taobao app',
        sentences,
      ).verdict,
    ).toBe('supported');
  });

  it('supports a claim that names the authors of the paper it cites', () => {
    const sentences = sentencesOfPaper(recommender);
    for (const claim of [
      'Lin et al. found that MobiRec infers user intent',
      'According to Lin and colleagues, MobiRec infers user intent',
    ])
      expect(judge.judgeNow(claim, sentences).verdict).toBe('supported');
  });

  it('shows a word negated by "un-" or "non-" as a negation conflict', () => {
    const prefixed = { ...emptyStanceFeatures(), prefixAntonym: 1 };
    expect(
      conflictsOf(noFeatures(), prefixed, {
        claim: 'Unaligned models leak more',
        evidence: ['Aligned models leak more'],
      }),
    ).toEqual(['negation']);
    expect(
      conflictsOf(noFeatures(), prefixed, {
        claim: 'Non-private training helps',
        evidence: ['Private training helps'],
      }),
    ).toEqual(['negation']);
  });

  it('shows no conflict for a word that only begins like a negating prefix', () => {
    const prefixed = { ...emptyStanceFeatures(), prefixAntonym: 1 };
    for (const [claim, text] of [
      ['Exhausted T cells play a role in tumours', 'Exhausted T cells display a role in tumours'],
      ['Patients with disability after stroke', 'Patients with ability after stroke'],
      ['Impaired associate learning in mice', 'Paired associate learning in mice'],
    ] as const)
      expect(conflictsOf(noFeatures(), prefixed, { claim, evidence: [text] })).toEqual([]);
  });

  it('shows another species or another named kind as a scope conflict', () => {
    expect(conflictsOf(noFeatures(), emptyStanceFeatures())).toEqual([]);
    expect(conflictsOf(noFeatures(), { ...emptyStanceFeatures(), speciesMismatch: 1 })).toEqual(['scope']);
    expect(conflictsOf(noFeatures(), { ...emptyStanceFeatures(), kindMismatch: 1 })).toEqual(['scope']);
  });

  it('contradicts below the relevance threshold only on a hard conflict the stance model is nearly sure of', () => {
    const { relevant } = JUDGE_THRESHOLDS;
    // Just under the threshold, as "cuts the memory footprint by only about 1.4x" against "14x lower memory".
    const score = relevant - 0.02;
    const quantity = { ...emptyStanceFeatures(), quantityConflict: 1 };
    const verdict = (contradicting: number, stance = quantity, at = score) =>
      judgeVerdictOf({
        score: at,
        support: at * (1 - contradicting),
        contradiction: at * contradicting,
        conflicts: ['numbers'],
        evidence,
        stance,
      });
    expect(verdict(0.93)).toBe('contradicted');
    expect(verdict(0.93, { ...emptyStanceFeatures(), deniedAlternative: 1 })).toBe('contradicted');
    expect(verdict(0.6)).toBe('not_supported');
    // A number the paper never states is no hard conflict, and far below the threshold nothing bears on the claim.
    expect(verdict(0.93, emptyStanceFeatures())).toBe('not_supported');
    expect(verdict(0.93, quantity, relevant / 3)).toBe('not_supported');
    // Nor is a negation the evidence does not share: below the threshold its sentence is mostly about
    // something else ("no association with blood lipids" against "negatively associated with breast cancer").
    expect(verdict(0.93, { ...emptyStanceFeatures(), negationMismatch: 1 })).toBe('not_supported');
  });

  it('contradicts a claim that copies its evidence sentence but for an opposite word, and not a faithful paraphrase', () => {
    const valence = {
      title: 'Negative before positive: valence in language models',
      abstract:
        'We probe twelve language models for emotional valence. Signals for negative valence sit mostly in the early layers, whereas positive valence is spread across the network.',
    };
    const papers = [valence, ...library.slice(1)];
    const valenceJudge = createBuiltinJudge(statisticsOfTexts(papers.map((p) => `${p.title}\n${p.abstract}`)));
    const sentences = sentencesOfPaper(valence);
    const swapped = valenceJudge.judgeNow('Signals for negative valence sit mostly in the late layers.', sentences);
    expect(swapped).toMatchObject({ verdict: 'contradicted', conflicts: ['direction'] });
    for (const faithful of [
      'Signals for negative valence sit mostly in the early layers.',
      'Negative valence signals sit mostly in early layers, whereas positive valence is spread across the network.',
    ])
      expect(valenceJudge.judgeNow(faithful, sentences).verdict, faithful).not.toBe('contradicted');
  });

  it('contradicts a loose paraphrase below the relevance threshold that misstates a quantity the paper states', () => {
    const kernels = {
      title: 'Kilnspark: ternary language models on consumer CPUs',
      abstract:
        'Kilnspark runs ternary neural networks on consumer CPUs with custom SIMD kernels. Exploiting the ternary weights, it delivers 52x higher throughput and 14x lower memory use for BitNet. This brings language model inference to consumer devices.',
    };
    const papers = [kernels, ...library.slice(1)];
    const kernelJudge = createBuiltinJudge(statisticsOfTexts(papers.map((p) => `${p.title}\n${p.abstract}`)));
    const result = kernelJudge.judgeNow(
      'Kilnspark cuts the memory footprint of BitNet by only about 1.4x.',
      sentencesOfPaper(kernels),
    );
    expect(result.score).toBeLessThan(JUDGE_THRESHOLDS.relevant);
    expect(result).toMatchObject({ verdict: 'contradicted', conflicts: ['numbers'] });
  });

  it('does not contradict a claim by an opposite word in the sentence beside the one it restates', () => {
    const quill = {
      title: 'Quill: compressing the KV cache',
      abstract:
        'Quill compresses the KV cache fourfold while keeping accuracy. Earlier compression methods lose accuracy when they compress the KV cache fourfold.',
    };
    const papers = [quill, ...library.slice(1)];
    const quillJudge = createBuiltinJudge(statisticsOfTexts(papers.map((p) => `${p.title}\n${p.abstract}`)));
    const claim = 'Quill keeps accuracy when compressing the KV cache.';
    expect(quillJudge.judgeNow(claim, sentencesOfPaper(quill)).verdict).not.toBe('contradicted');
  });

  it('reads the antonym rule on the coverage of the sentence the opposite word was read on', () => {
    const result = (antonymCoverage: number) => {
      // Another sentence of the text restates the claim whole: that alone decides nothing.
      const read = {
        score: 0.9,
        support: 0.8,
        contradiction: 0.1,
        conflicts: ['direction' as const],
        evidence,
        stance: { ...emptyStanceFeatures(), antonymConflict: 1 },
        features: { ...noFeatures(), sentenceCoverage: 1 },
        antonymCoverage,
      };
      return judgeVerdictOf(read);
    };
    expect(result(0.9)).toBe('contradicted');
    expect(result(0.5)).not.toBe('contradicted');
  });
});
