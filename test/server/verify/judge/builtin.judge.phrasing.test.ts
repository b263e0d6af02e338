import { describe, expect, it } from 'vitest';
import { sentencesOfPaper } from '../../../../server/verify/evidence-sentences.ts';
import { createBuiltinJudge } from '../../../../server/verify/judge/builtin.judge.ts';
import { statisticsOfTexts } from '../../../../server/verify/term-statistics.ts';

// Abstracts written for these tests: the same finding worded differently by a citing sentence
// (as a chat tool writes related work) and by the paper.
const registers = {
  title: 'High-norm tokens in vision transformers',
  abstract:
    'We study the high-norm register tokens of vision transformers. These tokens are without any semantic content and only store global information. Removing them hurts dense prediction.',
};
const registerOutputs = {
  title: 'What register outputs store',
  abstract:
    'Vision transformers use register tokens to hold global information. We study the high-norm outputs of these register tokens in vision transformers across twelve models. The stored values are without any semantic content. Removing them hurts dense prediction.',
};
const exercise = {
  title: 'Supervised exercise for adults with depression',
  abstract:
    'We randomized 400 adults with depression to supervised exercise or stretching for 12 weeks. The exercise program produced no benefit on depressive symptoms compared with stretching. Adherence was high in both arms.',
};
const compoundX = {
  title: 'Compound X against breast tumour cells',
  abstract:
    'Compound X killed breast tumour cells in vitro at micromolar concentrations. Its effect in animal models remains to be tested.',
};
const survey = {
  title: 'Retrieval-augmented generation for question answering: a survey',
  abstract:
    'We survey retrieval-augmented generation for question answering. Hybrid retrieval is studied in depth, comparing sparse and dense retrievers on six benchmarks. We close with open problems.',
};
const papers = [registers, registerOutputs, exercise, compoundX, survey];
const fillers = ['soil nitrogen cycles', 'ion channel gating', 'graph coloring bounds', 'coral reef bleaching'].map(
  (topic) => ({ title: topic, abstract: `A study of ${topic} and how it changes over time.` }),
);
const statistics = statisticsOfTexts([...papers, ...fillers].map((p) => `${p.title}\n${p.abstract}`));
const judge = createBuiltinJudge(statistics);
const judgePaper = (claim: string, paper: { title: string; abstract: string }) =>
  judge.judgeNow(claim, sentencesOfPaper(paper));

describe('builtin.judge, on how a claim and a paper word the same finding', () => {
  it('judges "carry no semantic content" against "without any semantic content" as supported: both lack the same phrase', () => {
    const result = judgePaper('Register tokens carry no semantic content.', registers);
    expect(result.verdict).toBe('supported');
    expect(result.conflicts).toEqual([]);
    expect(judgePaper('Register tokens carry semantic content.', registers).verdict).toBe('contradicted');
  });

  it('quotes the sentence that says the phrase is lacking, not the best-aligned introduction', () => {
    const result = judgePaper('Register tokens in vision transformers carry clear semantic content.', registerOutputs);
    expect(result.verdict).toBe('contradicted');
    expect(result.evidence?.text).toBe('The stored values are without any semantic content.');
    expect(registerOutputs.abstract.slice(result.evidence!.start, result.evidence!.end)).toBe(result.evidence!.text);
  });

  it('judges "little effect" and "negligible effect" against "no benefit" as supported, "substantial benefit" as contradicted', () => {
    expect(judgePaper('Exercise had little effect on depressive symptoms.', exercise).verdict).toBe('supported');
    expect(judgePaper('Exercise had negligible effect on depressive symptoms.', exercise).verdict).toBe('supported');
    expect(judgePaper('Exercise had a substantial benefit on depressive symptoms.', exercise).verdict).toBe(
      'contradicted',
    );
  });

  it('judges a finding in vivo against one in vitro as partially supported with a scope conflict, the same scope as supported', () => {
    const result = judgePaper('Compound X kills breast tumour cells in vivo.', compoundX);
    expect(result.verdict).toBe('partially_supported');
    expect(result.conflicts).toContain('scope');
    expect(judgePaper('Compound X kills breast tumour cells in vitro.', compoundX).verdict).toBe('supported');
  });

  it('judges "mentions hybrid retrieval only briefly" against "studied in depth" as contradicted, "in depth" as supported', () => {
    const result = judgePaper('The survey mentions hybrid retrieval only briefly.', survey);
    expect(result.verdict).toBe('contradicted');
    expect(judgePaper('The survey studies hybrid retrieval in depth.', survey).verdict).toBe('supported');
  });
});
