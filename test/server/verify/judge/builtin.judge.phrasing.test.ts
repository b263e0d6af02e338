import { describe, expect, it } from 'vitest';
import { judgeOverLibrary } from './judge-library.ts';

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
const tabula = {
  title: 'Tabula: pretraining on spreadsheets',
  abstract:
    'We present Tabula, a Data Language Model that reads and writes spreadsheet tables. Tabula is pretrained on 40 million public tables. It answers questions about tables more accurately than general chat models.',
};
const sparseRank = {
  title: 'Sparse rerankers for biomedical search',
  abstract:
    'We compare SparseRank with dense cross-encoders on twelve biomedical retrieval benchmarks. SparseRank outperforms dense cross-encoders by a wide margin on every benchmark. It also runs four times faster on a CPU.',
};
const hearingAids = {
  title: 'Hearing aids and cognition in older people',
  abstract:
    'We followed 900 older people for six years. In people with hearing loss, hearing aids did not slow cognitive decline. Hearing aid use was low.',
};
const walking = {
  title: 'Walking programmes after a heart attack',
  abstract:
    'We randomized 300 adults to a walking programme or usual care after a heart attack. The walking programme did not improve quality of life at one year. Most adults kept walking after the trial.',
};
const papers = [registers, registerOutputs, exercise, compoundX, survey, tabula, sparseRank, hearingAids, walking];
const { judgePaper } = judgeOverLibrary(papers);

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

  it('judges "minimal benefit" and "minimal improvement" against "did not improve" as supported: a weak null finding is a null finding', () => {
    for (const claim of [
      'The walking programme had minimal benefit on quality of life.',
      'The walking programme brought minimal improvement in quality of life.',
    ]) {
      const result = judgePaper(claim, walking);
      expect(result.verdict, claim).toBe('supported');
      expect(result.conflicts, claim).toEqual([]);
    }
    expect(judgePaper('The walking programme improved quality of life.', walking).verdict).toBe('contradicted');
  });

  it('reads "hearing loss" in "people with hearing loss" as who the finding is about, not as a decrease nor as negated', () => {
    const result = judgePaper(
      'Hearing aids failed to slow cognitive decline in people with hearing loss.',
      hearingAids,
    );
    expect(result.verdict).toBe('supported');
    expect(result.conflicts).toEqual([]);
    expect(judgePaper('Hearing aids slowed cognitive decline in people with hearing loss.', hearingAids).verdict).toBe(
      'contradicted',
    );
  });

  it('judges "performs comparably" against "outperforms by a wide margin" as contradicted, quoting that finding rather than the sentence announcing the comparison', () => {
    const result = judgePaper(
      'SparseRank performs comparably to dense cross-encoders on biomedical retrieval benchmarks.',
      sparseRank,
    );
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('direction');
    expect(result.evidence?.text).toBe(
      'SparseRank outperforms dense cross-encoders by a wide margin on every benchmark.',
    );
    expect(
      judgePaper('SparseRank outperforms dense cross-encoders on biomedical retrieval benchmarks.', sparseRank).verdict,
    ).toBe('supported');
  });

  it('judges "a vision-language model" against "a Data Language Model" as partially supported with a scope conflict, "a data language model" as supported', () => {
    const result = judgePaper('Tabula is a vision-language model that reads spreadsheet tables.', tabula);
    expect(result.verdict).toBe('partially_supported');
    expect(result.conflicts).toContain('scope');
    const same = judgePaper('Tabula is a data language model that reads spreadsheet tables.', tabula);
    expect(same.verdict).toBe('supported');
    expect(same.conflicts).toEqual([]);
  });

  it('judges "the new language model" and "this small language model" against "a Data Language Model" as supported, with no scope conflict', () => {
    for (const claim of [
      'The new language model reads and writes spreadsheet tables.',
      'This small language model reads and writes spreadsheet tables.',
    ]) {
      const result = judgePaper(claim, tabula);
      expect(result.verdict).toBe('supported');
      expect(result.conflicts).toEqual([]);
    }
  });

  it('judges "mentions hybrid retrieval only briefly" against "studied in depth" as contradicted, "in depth" as supported', () => {
    const result = judgePaper('The survey mentions hybrid retrieval only briefly.', survey);
    expect(result.verdict).toBe('contradicted');
    expect(judgePaper('The survey studies hybrid retrieval in depth.', survey).verdict).toBe('supported');
  });
});
