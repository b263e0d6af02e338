import { describe, expect, it } from 'vitest';
import { judgeOverLibrary } from './judge-library.ts';

// Abstracts written for these tests, each with a claim a chat tool might write that misreads it the
// way verify used to take for support: swapped pairs, a multiple going the other way, "always"
// against a share, a denial past "only", a means the paper does without.
const probes = {
  title: 'Where speech models keep who speaks and what is said',
  abstract:
    'We probe six speech models for speaker identity and phoneme content. Speaker identity is encoded mostly in the early layers, whereas phoneme content peaks in the late layers. The split holds across model sizes.',
};
const quill = {
  title: 'Quill: a sparse attention kernel for long documents',
  abstract:
    'We present Quill, a sparse attention kernel for long documents. On a single GPU, Quill delivers 3x faster decoding and 6x lower memory use than dense attention. The kernel is open source.',
};
const assistants = {
  title: 'Do chat assistants cite what backs them?',
  abstract:
    'We audit 2,000 answers in which chat assistants cite their sources. The cited source backs the answer only 58% of the time. Links to retracted papers are common.',
};
const rubric = {
  title: 'Grading the reasoning process of tutoring answers',
  abstract:
    'We release a grading benchmark for tutoring answers. Each answer is rated on 40 features of its reasoning process rather than only checking outcomes. Raters agree closely.',
};
const drift = {
  title: 'Drift: accent adaptation at test time',
  abstract:
    'Drift adapts a speech recognizer to new accents without any training. It rewrites the cache of the decoder at test time. Word error rates fall on five accents.',
};
// Abstracts from a reviewer's sweep of faithful paraphrases, each of which the readings above once
// took for a contradiction.
const kite = {
  title: 'Kite: a fast inference engine',
  abstract:
    'We introduce Kite, an inference engine for transformers. Kite delivers 3x faster decoding and 5x lower memory use than vLLM. It also reduces energy per token by 2x.',
};
const sparse = {
  title: 'A sparse attention kernel',
  abstract:
    'Our sparse kernel achieves a 7x speedup over dense attention and uses 4x fewer FLOPs. Accuracy on long-document tasks is unchanged.',
};
const statins = {
  title: 'Statins and mortality',
  abstract:
    'In 40,000 patients with heart failure, the risk of death fell by 3-fold with statin use. Hospital stays were shorter.',
};
const scaling = {
  title: 'Scaling and calibration',
  abstract:
    'Across 30 models, accuracy improves with scale, whereas calibration degrades on harder tasks. Larger models are also more verbose.',
};
const implant = {
  title: 'A nerve implant for refractory migraine',
  abstract:
    'We enrolled 120 patients with refractory migraine. All patients received the implant. Only 40% of patients reported a 50% reduction in headache days at one year.',
};
const procbench = {
  title: 'ProcBench: grading the reasoning process',
  abstract:
    'We introduce ProcBench, a benchmark that grades the reasoning process rather than only the final answer. Each solution is scored on 25 process features and on final-answer correctness.',
};
const glimpse = {
  title: 'Glimpse: training-free medical segmentation',
  abstract:
    'We present Glimpse, which segments medical images without any training by prompting a pretrained vision model with anatomical descriptions. Glimpse matches supervised baselines on three organs.',
};
const editing = {
  title: 'Removing gender bias by editing neurons',
  abstract:
    'We show that gender bias in a language model can be removed by editing 12 neurons, without retraining. Editing preserves perplexity.',
};
const papers = [
  probes,
  quill,
  assistants,
  rubric,
  drift,
  kite,
  sparse,
  statins,
  scaling,
  implant,
  procbench,
  glimpse,
  editing,
];
const { judgePaper } = judgeOverLibrary(papers);

describe('builtin.judge, on claims that misread the paper', () => {
  it('judges two parallel parts whose subjects are swapped as contradicted, the same pairs in the other order as supported', () => {
    expect(
      judgePaper(
        'In speech models, phoneme content is encoded mostly in the early layers, whereas speaker identity peaks in the late layers.',
        probes,
      ).verdict,
    ).toBe('contradicted');
    expect(
      judgePaper(
        'In speech models, phoneme content peaks in the late layers, whereas speaker identity is encoded mostly in the early layers.',
        probes,
      ).verdict,
    ).toBe('supported');
  });

  it('judges a multiple going the other way ("raises memory use by 6x" against "6x lower memory use") as contradicted', () => {
    const result = judgePaper('Quill raises memory use by 6x compared with dense attention.', quill);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('numbers');
    expect(judgePaper('Quill cuts memory use by 6x compared with dense attention.', quill).verdict).toBe('supported');
  });

  it('judges "always" against "only 58% of the time" as contradicted', () => {
    const result = judgePaper('The sources that chat assistants cite always back their answers.', assistants);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('quantifier');
    expect(
      judgePaper('The sources chat assistants cite back their answers only 58% of the time.', assistants).verdict,
    ).toBe('supported');
  });

  it('judges a claim preferring what the paper denies past "only" ("rather than only checking outcomes") as contradicted', () => {
    expect(
      judgePaper('The benchmark checks only outcomes rather than rating features of the reasoning process.', rubric)
        .verdict,
    ).toBe('contradicted');
    expect(
      judgePaper('The benchmark rates features of the reasoning process rather than only checking outcomes.', rubric)
        .verdict,
    ).toBe('supported');
  });

  it('judges a method said to work "by fine-tuning" against "without any training" as contradicted', () => {
    expect(
      judgePaper('Drift adapts a speech recognizer to new accents by fine-tuning its decoder.', drift).verdict,
    ).toBe('contradicted');
    expect(
      judgePaper('Drift adapts a speech recognizer to new accents by rewriting the cache of its decoder.', drift)
        .verdict,
    ).toBe('supported');
  });

  it('judges a faithful multiple of another measure, or with its sides exchanged, as no contradiction', () => {
    for (const [claim, paper] of [
      ['Kite cuts decoding latency by 3x compared with vLLM.', kite],
      ['vLLM uses 5x more memory than Kite.', kite],
      ['The sparse kernel reduces runtime by 7x compared with dense attention.', sparse],
      ['Dense attention requires 4x more FLOPs than the sparse kernel.', sparse],
      ['Statin use was linked to a 3-fold drop in the risk of death.', statins],
      ['With statin use, the risk of death fell by 3-fold.', statins],
    ] as const)
      expect(judgePaper(claim, paper).verdict, claim).not.toBe('contradicted');
    // The same measure the other way still is one.
    expect(judgePaper('The sparse kernel uses 4x more FLOPs than dense attention.', sparse).verdict).toBe(
      'contradicted',
    );
    expect(judgePaper('Kite reduces decoding speed by 3x.', kite).verdict).toBe('contradicted');
    expect(judgePaper('With statin use, the risk of death rose by 3-fold.', statins).verdict).toBe('contradicted');
  });

  it('judges parallel parts a paraphrase keeps paired, after a conjunction, as no contradiction', () => {
    expect(
      judgePaper('Calibration degrades on harder tasks as models scale, whereas accuracy improves.', scaling).verdict,
    ).toBe('supported');
  });

  it('judges "every" with the share the paper says "only" of as no contradiction, "all" with another share as one', () => {
    expect(
      judgePaper(
        'Every patient received the implant, and 40% reported a 50% reduction in headache days at one year.',
        implant,
      ).verdict,
    ).toBe('supported');
    expect(judgePaper('All patients reported a 50% reduction in headache days at one year.', implant).verdict).toBe(
      'contradicted',
    );
  });

  it('judges "rather than only the final answer" as grading the final answer too, "grades only the final answer" as contradicted', () => {
    expect(judgePaper('ProcBench also scores whether the final answer is correct.', procbench).verdict).toBe(
      'supported',
    );
    expect(
      judgePaper('ProcBench grades the reasoning process rather than only the final answer.', procbench).verdict,
    ).toBe('supported');
    expect(
      judgePaper('ProcBench grades only the final answer rather than the reasoning process.', procbench).verdict,
    ).toBe('contradicted');
  });

  it('judges a means "by prompting" or one "rather than by retraining" as no need of training', () => {
    for (const [claim, paper] of [
      ['Glimpse segments medical images without any training by prompting a pretrained vision model.', glimpse],
      ['Glimpse works by prompting a pretrained vision model with anatomical descriptions.', glimpse],
      ['Without any training, Glimpse segments medical images by leveraging a pretrained vision model.', glimpse],
      ['Gender bias can be removed by editing a handful of neurons rather than by retraining the model.', editing],
    ] as const)
      expect(judgePaper(claim, paper).verdict, claim).toBe('supported');
    expect(judgePaper('Glimpse segments medical images by fine-tuning a vision model.', glimpse).verdict).toBe(
      'contradicted',
    );
  });
});
