import { describe, expect, it } from 'vitest';
import { sentencesOfPaper } from '../../../../server/verify/evidence-sentences.ts';
import { createBuiltinJudge } from '../../../../server/verify/judge/builtin.judge.ts';
import { statisticsOfTexts } from '../../../../server/verify/term-statistics.ts';
import { FILLERS, judgeOverLibrary } from './judge-library.ts';

// Abstracts written for these tests, after the cases reported in issue 12.
const fefferman = {
  title: 'Conformal geometry of CR manifolds',
  abstract:
    'We study the ambient metric of strictly pseudoconvex CR manifolds. Every such manifold carries a Fefferman metric of Lorentzian signature on a circle bundle. These Fefferman metrics are never Einstein. We compute their conformal holonomy in dimension five.',
};
const leakDojo = {
  title: 'LeakDojo: a benchmark for leakage in retrieval-augmented generation',
  abstract:
    'We present LeakDojo, a benchmark that measures how often RAG systems reveal private documents from their knowledge base. Across twelve systems, making RAG more faithful to its retrieved documents brings a higher leakage risk. We release the benchmark and its attack prompts.',
};
const cuprousOxide = {
  title: 'Interface losses in cuprous oxide photovoltaics',
  abstract:
    'Cuprous oxide (Cu2O) is an earth-abundant absorber for thin-film solar cells. Despite decades of work, the power conversion efficiency of Cu2O solar cells is usually less than 1%. We trace the loss to recombination at the buffer interface.',
};
const reviews = {
  title: 'Negative publicity and book sales',
  abstract:
    'We analyse weekly sales of 240 books reviewed in a national newspaper. Contrary to common belief, negative reviews increased the sales of books by new authors by 45%. The effect reverses for established authors.',
};
const experts = {
  title: 'Pretraining a mixture of experts for modular deployment',
  abstract:
    'We pretrain a mixture-of-experts language model so that modular structure emerges among its experts. A deployment can load and run only a chosen subset of experts while losing very little performance.',
};
const steering = {
  title: 'Steering a language model through its key-value cache',
  abstract:
    'We steer a language model without any training by editing its key-value cache in latent space. The method needs less memory than fine-tuning.',
};
const velotinib = {
  title: 'A G-quadruplex ligand and replication stress in repair-deficient tumour cells',
  abstract:
    'We tested the small molecule velotinib (VTB) in cells lacking homologous recombination (HR). Treated cultures accumulated single-strand gaps (SSGs) within hours. VTB reduces proliferation of HR-deficient cells by stalling replication forks. Normal fibroblasts were spared.',
};
const feedback = {
  title: 'Mutual inhibition between two hepatic kinases',
  abstract:
    'We map a feedback loop between two kinases in hepatocytes. PKX inhibits MRK2 through direct phosphorylation of its activation loop. In turn, MRK2 inhibits PKX by holding it in the cytoplasm. The loop keeps both kinases at low activity after feeding.',
};
const glacier = {
  title: 'Glacier melt rates in the Alps',
  abstract:
    'Alpine glaciers lost mass faster between 2000 and 2020 than in any earlier record. Summer heat waves explain most of the acceleration. Debris cover slows melt on the lower tongues.',
};
const incidentalomas = {
  title: 'Histology of resected adrenal incidentalomas',
  abstract:
    'We reviewed 212 adrenal masses found incidentally on abdominal imaging between 2005 and 2015. On histology, most of the resected incidentalomas were malignant. Size on imaging was the only predictor of resection.',
};
const ternary = {
  title: 'Ternary inference on laptops',
  abstract:
    'Our runtime executes ternary neural networks on everyday consumer CPUs through hand-written SIMD kernels. It answers at interactive speed without a graphics card.',
};
const sinks = {
  title: 'Where attention sinks come from',
  abstract:
    'We trace why attention sinks form in language models. The sink token carries no semantic meaning; it is a structural artefact of a variance discrepancy across dimensions. Normalizing each head separately removes it.',
};
const filters = {
  title: 'Leakage in retrieval pipelines',
  abstract:
    'We compared tighter retrieval filters against looser ones for private document leaks in twelve systems. The tighter filters increased document leaks.',
};
const reasoning = {
  title: 'Open models on multi-step reasoning',
  abstract:
    'We compare two language models on 1,200 multi-step reasoning problems. Llama outperforms GPT-4 on every problem set, most of all on geometry. Both fail on problems longer than twenty steps.',
};
const autoencoder = {
  title: 'Sparse autoencoders that choose how many features fire',
  abstract:
    'We train a sparse autoencoder that decides for each token how many of its features are active. It picks its top-K features dynamically instead of using a fixed K. Reconstruction improves at equal sparsity.',
};
const scheduler = {
  title: 'Prefix-aware batching for language model serving',
  abstract:
    'We schedule requests that share a prompt prefix together on one server. Throughput rises by 2-10x with this prefix-aware scheduling. Latency stays within its budget.',
};
const speechModel = {
  title: 'Closing the modality gap of speech language models',
  abstract:
    'We build a speech language model on a pretrained audio encoder. It narrows the modality gap by intervening on the input side of the language model. Training draws on about 1,000 hours of recorded speech.',
};
const rewardOnly = {
  title: 'Learning to reason from correct answers alone',
  abstract:
    'We train a language model for mathematical reasoning with reinforcement learning. Its policy update is positive-only: it learns from the samples it gets right. We evaluate on four competition benchmarks.',
};
const parityCode = {
  title: 'Metadata-aware error correction for neural network weights',
  abstract:
    'Bit flips in memory corrupt the weights of deployed networks. Our error-correcting code uses the model metadata to locate faults. With only 16 parity bits it tolerates 64 or more bit errors per block.',
};
const cacheSteering = {
  title: 'Steering language models through their key-value cache',
  abstract:
    'We steer a language model without training by editing its cache. Banks of latent keys and values are inserted into a chosen subset of attention layers. The method needs little memory.',
};
const valence = {
  title: 'Timing of valence processing in the visual cortex',
  abstract:
    'We recorded scalp potentials while 40 adults viewed emotional faces. Negative valence is processed late and positive valence early. The timing did not depend on the arousal of the faces.',
};
const kinases = {
  title: 'Kinase crosstalk in hepatocytes',
  abstract:
    'We mapped signalling between two kinases in primary hepatocytes. PKX inhibits MRK2 through direct phosphorylation of its activation loop. Blocking this step restored glucose output.',
};
const accents = {
  title: 'Cheap adaptation of speech transformers',
  abstract:
    'We adapt a speech transformer to new accents at low cost. During adaptation the encoder is frozen and the decoder trained on 20 hours of accented speech. Word error rate falls by a third.',
};
const registers = {
  title: 'Register tokens in vision transformers',
  abstract:
    'We study the high-norm register tokens of vision transformers. These tokens are without any semantic content and only store global information. Removing them hurts dense prediction.',
};
const papers = [
  valence,
  kinases,
  accents,
  registers,
  cacheSteering,
  speechModel,
  rewardOnly,
  parityCode,
  scheduler,
  autoencoder,
  fefferman,
  leakDojo,
  cuprousOxide,
  reviews,
  velotinib,
  feedback,
  glacier,
  incidentalomas,
  ternary,
  sinks,
  filters,
  reasoning,
];
const { statistics, judge, judgePaper } = judgeOverLibrary(papers);

describe('builtin.judge', () => {
  it('judges "always Einstein" against an abstract saying "never Einstein" as contradicted, and "never" as supported', () => {
    const always = judgePaper('Fefferman metrics are always Einstein.', fefferman);
    expect(always.verdict).toBe('contradicted');
    expect(always.contradiction).toBeGreaterThan(always.support);
    expect(always.evidence?.text).toBe('These Fefferman metrics are never Einstein.');
    const never = judgePaper('Fefferman metrics are never Einstein.', fefferman);
    expect(never.verdict).toBe('supported');
    expect(never.support).toBeGreaterThan(never.contradiction);
  });

  it('judges "more faithful reduces leakage" against "more faithful brings a higher leakage risk" as contradicted, quoting the sentence and not the title', () => {
    const result = judgePaper('LeakDojo shows that making RAG more faithful reduces leakage.', leakDojo);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('direction');
    expect(result.evidence?.field).toBe('abstract');
    expect(result.evidence?.text).toMatch(/higher leakage risk/);
    expect(leakDojo.abstract.slice(result.evidence!.start, result.evidence!.end)).toBe(result.evidence!.text);
    expect(judgePaper('LeakDojo shows that making RAG more faithful increases leakage.', leakDojo).verdict).not.toBe(
      'contradicted',
    );
  });

  it('judges "routinely exceed 10% efficiency" against "usually less than 1%" as contradicted', () => {
    const result = judgePaper('Cu2O solar cells routinely exceed 10% efficiency.', cuprousOxide);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('numbers');
    expect(judgePaper('The efficiency of Cu2O solar cells is usually below 1%.', cuprousOxide).verdict).not.toBe(
      'contradicted',
    );
  });

  it('judges a multiple outside the range the paper reports ("30-50x" against "2-10x") as contradicted, one inside it as not', () => {
    const result = judgePaper('Prefix-aware scheduling raises throughput by 30-50x.', scheduler);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('numbers');
    expect(result.evidence?.text).toBe('Throughput rises by 2-10x with this prefix-aware scheduling.');
    expect(judgePaper('Prefix-aware scheduling raises throughput by up to 8x.', scheduler).verdict).not.toBe(
      'contradicted',
    );
  });

  it('judges "requires training" against "without any training" as contradicted, and "needs no training" as supported', () => {
    const result = judgePaper('The method requires training to steer a language model.', steering);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('negation');
    expect(judgePaper('The method steers a language model without training.', steering).verdict).toBe('supported');
  });

  it('judges "requires extensive fine-tuning" against "without any training" as contradicted: fine-tuning is training', () => {
    const result = judgePaper('Steering through the cache requires extensive fine-tuning of the model.', steering);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('negation');
  });

  it('judges "must load every expert" against "only a chosen subset of experts" as contradicted, and "a subset" as not', () => {
    const result = judgePaper('The model must load every expert to keep its performance.', experts);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('quantifier');
    expect(judgePaper('A deployment can run a subset of the experts.', experts).verdict).not.toBe('contradicted');
  });

  it('judges "negative reviews hurt every book" against a paper finding that they raised sales as contradicted', () => {
    const result = judgePaper('Negative reviews hurt the sales of every book.', reviews);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('direction');
  });

  it('judges a comparison the paper ranks the other way round as contradicted, and the same ranking as supported', () => {
    const swapped = judgePaper('GPT-4 outperforms Llama on multi-step reasoning problems.', reasoning);
    expect(swapped.verdict).toBe('contradicted');
    expect(swapped.conflicts).toContain('direction');
    expect(judgePaper('Llama outperforms GPT-4 on multi-step reasoning problems.', reasoning).verdict).toBe(
      'supported',
    );
  });

  it('judges swapped roles ("early … late" against "late … early", "B inhibits A" against "A inhibits B") as contradicted, a paraphrase as supported', () => {
    const early = judgePaper('Negative valence is processed early and positive valence late.', valence);
    expect(early.verdict).toBe('contradicted');
    expect(early.conflicts).toContain('direction');
    expect(judgePaper('Positive valence is processed early and negative valence late.', valence).verdict).toBe(
      'supported',
    );
    expect(judgePaper('MRK2 inhibits PKX in hepatocytes.', kinases).verdict).toBe('contradicted');
    expect(judgePaper('PKX inhibits MRK2 in hepatocytes.', kinases).verdict).toBe('supported');
    expect(judgePaper('MRK2 is inhibited by PKX in hepatocytes.', kinases).verdict).toBe('supported');
    expect(judgePaper('During adaptation the decoder is frozen and the encoder trained.', accents).verdict).toBe(
      'contradicted',
    );
    expect(judgePaper('During adaptation the encoder is frozen and the decoder is trained.', accents).verdict).toBe(
      'supported',
    );
  });

  it('judges "carry clear semantic content" against "without any semantic content" as contradicted', () => {
    const result = judgePaper('Register tokens in vision transformers carry clear semantic content.', registers);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('negation');
  });

  it('quotes the sentence that reverses the claim, not a better-aligned one that only sets the study up', () => {
    const result = judgePaper('Tighter retrieval filters reduce private document leaks.', filters);
    expect(result.verdict).not.toBe('supported');
    expect(result.conflicts).toContain('direction');
    expect(result.evidence?.text).toBe('The tighter filters increased document leaks.');
  });

  it('judges a claim that denies what the paper also negates ("rather than a semantic signal" against "no semantic meaning") as supported', () => {
    const result = judgePaper('Attention sinks are a structural artefact rather than a semantic signal.', sinks);
    expect(result.verdict).toBe('supported');
    expect(result.conflicts).toEqual([]);
    expect(
      judgePaper('Attention sinks are a semantic signal rather than a structural artefact.', sinks).verdict,
    ).not.toBe('supported');
  });

  it('judges "on GPUs rather than CPUs" against a paper running on CPUs as contradicted, and "on CPUs rather than GPUs" as supported', () => {
    const swapped = judgePaper('The runtime executes ternary networks on consumer GPUs rather than CPUs.', ternary);
    expect(swapped.verdict).toBe('contradicted');
    expect(swapped.conflicts).toContain('negation');
    const stated = judgePaper('The runtime executes ternary networks on consumer CPUs rather than GPUs.', ternary);
    expect(stated.verdict).toBe('supported');
  });

  it('judges a fixed number against a paper that picks it "dynamically instead of using a fixed K" as contradicted', () => {
    const fixed = judgePaper('The autoencoder activates a fixed number of features for every token.', autoencoder);
    expect(fixed.verdict).toBe('contradicted');
    expect(fixed.conflicts).toContain('negation');
    // The sentence that denies it is quoted, though another aligns with the claim better.
    expect(fixed.evidence?.text).toBe('It picks its top-K features dynamically instead of using a fixed K.');
    const dynamic = judgePaper('The autoencoder picks the number of active features dynamically.', autoencoder);
    expect(dynamic.verdict).toBe('supported');
  });

  it('judges "benign" against an abstract saying "malignant" as contradicted (an antonym from the lexicon), and "malignant" as not', () => {
    const benign = judgePaper('Most resected adrenal incidentalomas are benign.', incidentalomas);
    expect(benign.verdict).toBe('contradicted');
    expect(benign.conflicts).toContain('direction');
    expect(benign.evidence?.text).toMatch(/were malignant/);
    const malignant = judgePaper('Most resected adrenal incidentalomas are malignant.', incidentalomas);
    expect(malignant.verdict).not.toBe('contradicted');
    expect(malignant.support).toBeGreaterThan(malignant.contradiction);
  });

  it('does not call "the output side" supported by a paper that intervenes "on the input side" (an opposite WordNet lacks)', () => {
    const output = judgePaper(
      'The model narrows the modality gap by changing the output side of the language model.',
      speechModel,
    );
    expect(output.verdict).not.toBe('supported');
    expect(output.conflicts).toContain('direction');
    expect(output.evidence?.text).toMatch(/on the input side/);
    const input = judgePaper('The model narrows the modality gap by intervening on the input side.', speechModel);
    expect(input.verdict).toBe('supported');
  });

  it('judges "both positive and negative samples" against a "positive-only" update as contradicted, and "only positive samples" as supported', () => {
    const both = judgePaper('Its policy update learns from both positive and negative samples.', rewardOnly);
    expect(both.verdict).toBe('contradicted');
    expect(both.evidence?.text).toMatch(/positive-only/);
    const only = judgePaper('Its policy update learns only from positive samples.', rewardOnly);
    expect(only.verdict).not.toBe('contradicted');
    expect(only.support).toBeGreaterThan(only.contradiction);
  });

  it('judges "every attention layer" against "a chosen subset of attention layers" as contradicted, "some layers" as not', () => {
    const every = judgePaper('The method inserts latent key-value banks into every attention layer.', cacheSteering);
    expect(every.verdict).toBe('contradicted');
    expect(every.conflicts).toContain('quantifier');
    const some = judgePaper('The method inserts latent key-value banks into some attention layers.', cacheSteering);
    expect(some.verdict).not.toBe('contradicted');
  });

  it('judges swapped counts of the same thing ("64 parity bits … 16 bit errors") as contradicted, and the counts as written as supported', () => {
    const swapped = judgePaper('The code needs 64 parity bits to tolerate 16 bit errors per block.', parityCode);
    expect(swapped.verdict).toBe('contradicted');
    expect(swapped.conflicts).toContain('numbers');
    const asWritten = judgePaper(
      'With 16 parity bits the code tolerates at least 64 bit errors per block.',
      parityCode,
    );
    expect(asWritten.verdict).toBe('supported');
  });

  it('reads a paper’s abbreviations as their long forms: "velotinib encourages proliferation" against "VTB reduces proliferation" is contradicted', () => {
    const encourages = judgePaper(
      'Velotinib encourages proliferation of homologous recombination deficient cells.',
      velotinib,
    );
    expect(encourages.verdict).toBe('contradicted');
    expect(encourages.conflicts).toContain('direction');
    // The evidence is the sentence as the paper writes it, short form and all.
    expect(encourages.evidence?.text).toBe(
      'VTB reduces proliferation of HR-deficient cells by stalling replication forks.',
    );
    const reduces = judgePaper(
      'Velotinib reduces the proliferation of homologous recombination deficient cells.',
      velotinib,
    );
    expect(reduces.verdict).toBe('supported');
  });

  it('judges either half of a mutual relation ("PKX inhibits MRK2", "MRK2 inhibits PKX") as supported by a paper that states both', () => {
    for (const claim of ['PKX inhibits MRK2 in hepatocytes.', 'MRK2 inhibits PKX in hepatocytes.']) {
      const result = judgePaper(claim, feedback);
      expect(result.verdict, claim).toBe('supported');
      expect(result.conflicts, claim).toEqual([]);
    }
  });

  it('judges a cited paper on an unrelated topic as not supported, with no evidence and no conflicts', () => {
    const result = judgePaper('Making RAG more faithful reduces leakage.', glacier);
    expect(result).toMatchObject({ verdict: 'not_supported', evidence: null, conflicts: [], judge: 'builtin' });
    expect(result.support).toBeLessThan(0.3);
  });

  it('keeps support and contradiction between 0 and 1, at most the score together, the same on every call', async () => {
    const claim = 'Fefferman metrics are always Einstein.';
    const [first] = await judge.judgeMany([{ claim, sentences: sentencesOfPaper(fefferman) }]);
    expect(first).toEqual(judgePaper(claim, fefferman));
    for (const value of [first!.support, first!.contradiction]) expect(value).toBeGreaterThanOrEqual(0);
    expect(first!.support + first!.contradiction).toBeCloseTo(first!.score, 10);
  });

  it('never quotes the title as evidence, even when only the title matches', () => {
    const result = judgePaper('Conformal geometry of CR manifolds.', { title: fefferman.title, abstract: '' });
    expect(result.evidence).toBeNull();
    expect(result.verdict).toBe('not_supported');
  });

  it('judges a claim once per sentence list within a call, and the same as a fresh judge would', async () => {
    const claim = 'Negative reviews hurt the sales of every book.';
    const sentences = sentencesOfPaper(reviews);
    const [first, again] = await judge.judgeMany([
      { claim, sentences },
      { claim, sentences },
    ]);
    expect(again).toBe(first);
    expect(first).toEqual(createBuiltinJudge(statistics).judgeNow(claim, sentencesOfPaper(reviews)));
  });

  it('reads a citation in a group with less support than the same citation alone, and not from a judgement of it alone', async () => {
    const claim = 'Caffeine increases short-term memory recall.';
    const sentences = sentencesOfPaper({
      title: 'Caffeine and working memory in adults',
      abstract: 'We ran a randomized trial with 240 adults. Caffeine intake increased short-term memory recall by 12%.',
    });
    const [alone, grouped, groupedAgain] = await createBuiltinJudge(statistics).judgeMany([
      { claim, sentences },
      { claim, sentences, cocited: 3 },
      { claim, sentences, cocited: 1 },
    ]);
    expect(grouped!.support).toBeLessThan(alone!.support);
    expect(grouped!.contradiction).toBeGreaterThan(alone!.contradiction);
    expect(grouped!.score).toBe(alone!.score);
    expect(groupedAgain).toBe(grouped);
    expect(grouped).toEqual(judge.judgeNow(claim, sentences, undefined, 3));
    // A prior names no conflict: it lowers the support, not the verdict of evidence that shows none.
    expect(grouped!.verdict).toBe(alone!.verdict);
    expect(grouped!.conflicts).toEqual([]);
  });

  it('answers a suggestion candidate only when it is supported, with the judgement judgeMany gives', async () => {
    const claims = [
      'Fefferman metrics are never Einstein.',
      'Fefferman metrics are always Einstein.',
      'Most resected adrenal incidentalomas are malignant.',
      'Summer heat waves explain most of the acceleration of Alpine glacier melt.',
    ];
    const requests = claims.flatMap((claim) =>
      [...papers, ...FILLERS].map((paper) => ({ claim, sentences: sentencesOfPaper(paper) })),
    );
    const full = await createBuiltinJudge(statistics).judgeMany(requests);
    const suggested = await createBuiltinJudge(statistics).judgeSelectively(
      requests.map((r) => ({ ...r, suggestion: true })),
    );
    expect(full.some((j) => j.verdict === 'supported')).toBe(true);
    expect(full.some((j) => j.verdict === 'partially_supported' || j.verdict === 'contradicted')).toBe(true);
    expect(suggested).toEqual(full.map((j) => (j.verdict === 'supported' ? j : null)));
    // A request that is no suggestion is answered whatever its verdict.
    const [plain] = await judge.judgeSelectively([{ ...requests[1]!, suggestion: false }]);
    expect(plain).toEqual(full[1]);
  });

  it("answers only the best-scoring of a citation's alternatives, the one judgeMany's scores would choose", async () => {
    const claim = 'Most resected adrenal incidentalomas are malignant.';
    const alternatives = [glacier, incidentalomas, reviews, incidentalomas].map((paper) => ({
      claim,
      sentences: sentencesOfPaper(paper),
      alternatives: 7,
    }));
    const full = await createBuiltinJudge(statistics).judgeMany(alternatives);
    const read = await createBuiltinJudge(statistics).judgeSelectively([
      ...alternatives,
      { claim, sentences: sentencesOfPaper(glacier) },
    ]);
    // The two copies of the same abstract score alike: the first is read.
    expect(full[1]!.score).toBe(full[3]!.score);
    expect(read).toEqual([null, full[1], null, null, full[0]]);
  });

  it('does not support a claim that negates a thing the paper never names, though no sentence contradicts it', () => {
    const carriers = {
      title: 'Reversible behaviours from supervised fine-tuning',
      abstract:
        'We pack the behaviours a model learns in supervised fine-tuning (SFT) into sparse carriers that can be undone. Any behaviour can be turned off at inference time while the weights stay untouched. This gives fine control over which SFT-induced behaviours appear in generated text.',
    };
    const local = createBuiltinJudge(statisticsOfTexts([carriers, ...FILLERS].map((p) => `${p.title}\n${p.abstract}`)));
    const result = local.judgeNow('SFT-induced behaviours are not reversible.', sentencesOfPaper(carriers));
    expect(result.verdict).not.toBe('supported');
    expect(result.conflicts).toContain('negation');
  });
});
