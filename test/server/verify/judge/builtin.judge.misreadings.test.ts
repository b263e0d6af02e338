import { describe, expect, it } from 'vitest';
import { sentencesOfPaper } from '../../../../server/verify/evidence-sentences.ts';
import { createBuiltinJudge } from '../../../../server/verify/judge/builtin.judge.ts';
import { statisticsOfTexts } from '../../../../server/verify/term-statistics.ts';

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
const papers = [probes, quill, assistants, rubric, drift];
const fillers = ['soil nitrogen cycles', 'ion channel gating', 'graph coloring bounds', 'coral reef bleaching'].map(
  (topic) => ({ title: topic, abstract: `A study of ${topic} and how it changes over time.` }),
);
const statistics = statisticsOfTexts([...papers, ...fillers].map((p) => `${p.title}\n${p.abstract}`));
const judge = createBuiltinJudge(statistics);
const judgePaper = (claim: string, paper: { title: string; abstract: string }) =>
  judge.judgeNow(claim, sentencesOfPaper(paper));

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
});
