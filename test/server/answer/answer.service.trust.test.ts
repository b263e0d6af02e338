import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AskEvent, type AskRequest, zAskRequest } from '../../../server/answer/answer.schema.ts';
import { answerQuestion } from '../../../server/answer/answer.service.ts';
import { buildFixtureIndex, type FixtureIndex } from '../verify/fixture-library.ts';
import { MEDICAL_PAPERS, ML_PAPERS } from './composed-libraries.ts';

let medical: FixtureIndex;
let ml: FixtureIndex;
beforeAll(async () => {
  [medical, ml] = await Promise.all([buildFixtureIndex(MEDICAL_PAPERS), buildFixtureIndex(ML_PAPERS)]);
});
afterAll(() => {
  medical.close();
  ml.close();
});

const ask = (
  library: FixtureIndex,
  question: string,
  extra: Partial<AskRequest> = {},
  onEvent?: (e: AskEvent) => void,
) =>
  answerQuestion(
    library.reader,
    zAskRequest.parse({ question, generate: false, ...extra }),
    onEvent ? { onEvent } : {},
  );
const citedPapers = (response: Awaited<ReturnType<typeof ask>>) =>
  response.answer.sentences.flatMap((s) => s.citations.map((c) => c.paperId));

describe('answer.service: answers you can trust', () => {
  it('abstains on a transformer question asked of a medical library, though "transformational" and "head" occur in it', async () => {
    const response = await ask(medical, 'How do transformer attention heads work in large language models?');
    expect(response.abstained).toBe(true);
    expect(response.reason).toMatch(/^The library holds no answer: .*\(.*"transformer".*\)/);
    expect(citedPapers(response)).toEqual([]);
    expect(response.closest!.length).toBeGreaterThan(0);
    for (const paper of response.closest!) {
      expect(paper.score).toBeGreaterThanOrEqual(0);
      expect(paper.score).toBeLessThan(0.5);
      expect(paper.missing).toContain('transformer');
    }
  });

  it('answers the same question from a library on the subject', async () => {
    const response = await ask(ml, 'How do transformer attention heads work in large language models?');
    expect(response.abstained).toBe(false);
    expect(new Set(citedPapers(response))).toEqual(new Set(['attention-heads']));
  });

  it('abstains on an aerodynamics question asked of a medical library', async () => {
    const response = await ask(
      medical,
      'What are the structural and aeroelastic problems associated with flight of high speed aircraft?',
    );
    expect(response.abstained).toBe(true);
    expect(response.reason).toMatch(/^The library holds no answer: .*\(.*"aeroelastic".*\)/);
    expect(response.closest![0]).toMatchObject({ paperId: 'flight-hypoxia' });
  });

  it('answers a how-much question with the sentence that carries the quantity, not the first sentence', async () => {
    const response = await ask(ml, 'How much audio was TextPro-SLM trained on?');
    expect(response.abstained).toBe(false);
    expect(response.answer.sentences[0]!.text).toBe(
      'The model was trained on roughly 1,000 hours of transcribed English audio.',
    );
  });

  it("quotes no fragment, no sentence leaning on the one before and no question, and unmarks a paper's own [7]", async () => {
    const response = await ask(ml, 'What do attention heads do in transformer language models?', { maxSentences: 10 });
    const texts = response.answer.sentences.map((s) => s.text);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.some((t) => t.startsWith('Offers a mechanistic account'))).toBe(false);
    expect(texts.some((t) => t.startsWith('It explains'))).toBe(false);
    expect(texts.some((t) => t.endsWith('?'))).toBe(false);
    expect(texts).toContain(
      'Pruning half of the attention heads of a transformer language model barely changes its perplexity [7].',
    );
    expect(response.answer.text).toContain('barely changes its perplexity (ref. 7) [1].');
    expect(response.answer.text).not.toContain('[7]');
  });

  it('does not quote a question a paper quotes', async () => {
    const response = await ask(ml, 'Why should teachers teach young adult literature?');
    expect(response.answer.sentences.map((s) => s.text).some((t) => t.includes('?'))).toBe(false);
  });

  it('numbers sources 1…n in order of first citation, without gaps, in the answer, its stream and its sources', async () => {
    for (const question of [
      'Does low-dose aspirin reduce the risk of ischemic stroke?',
      'What reduces hospital admissions for pneumonia in older adults?',
      'What happens to attention and headaches after mild head injury?',
    ]) {
      const events: AskEvent[] = [];
      const response = await ask(medical, question, {}, (e) => {
        events.push(e);
      });
      const order = [...new Set(response.answer.sentences.flatMap((s) => s.citations.map((c) => c.n)))];
      expect(order).toEqual(order.map((_, i) => i + 1));
      expect(response.sources.map((s) => s.n)).toEqual(response.sources.map((_, i) => i + 1));
      expect(response.sources.filter((s) => s.cited).map((s) => s.n)).toEqual(order);
      for (const sentence of response.answer.sentences)
        for (const c of sentence.citations) expect(response.sources[c.n - 1]!.paper.id).toBe(c.paperId);
      const streamed = events.find((e) => e.event === 'sources');
      expect(streamed?.event === 'sources' && streamed.data.sources.map((s) => s.paper.id)).toEqual(
        response.sources.map((s) => s.paper.id),
      );
      const markers = [...response.answer.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
      expect([...new Set(markers)]).toEqual(order);
    }
  });

  it('gives a yes/no question a bottom line with the papers on each side', async () => {
    const response = await ask(medical, 'Does low-dose aspirin reduce the risk of ischemic stroke?');
    expect(response.abstained).toBe(false);
    const numberOf = (id: string) => response.sources.find((s) => s.paper.id === id)!.n;
    expect(response.bottomLine).toEqual({
      verdict: 'mixed',
      claim: 'low-dose aspirin reduce the risk of ischemic stroke',
      yes: [numberOf('aspirin-stroke-trial')],
      no: [numberOf('aspirin-stroke-cohort')],
    });
  });

  it('reads a negative question with a contraction as the positive one, claim and bottom line alike', async () => {
    for (const question of [
      "Doesn't low-dose aspirin reduce the risk of ischemic stroke?",
      'Doesn’t low-dose aspirin reduce the risk of ischemic stroke?',
    ]) {
      const response = await ask(medical, question);
      expect(response.abstained, question).toBe(false);
      const numberOf = (id: string) => response.sources.find((s) => s.paper.id === id)!.n;
      expect(response.bottomLine, question).toEqual({
        verdict: 'mixed',
        claim: 'low-dose aspirin reduce the risk of ischemic stroke',
        yes: [numberOf('aspirin-stroke-trial')],
        no: [numberOf('aspirin-stroke-cohort')],
      });
    }
  });

  it('gives no bottom line to a question that is not yes/no', async () => {
    const response = await ask(ml, 'How much audio was TextPro-SLM trained on?');
    expect(response.bottomLine).toBeUndefined();
  });
});
