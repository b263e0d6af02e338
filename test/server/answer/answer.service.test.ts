import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openIndex } from '../../../indexer/index.ts';
import { type AskEvent, type AskRequest, zAskRequest } from '../../../server/answer/answer.schema.ts';
import { answerQuestion } from '../../../server/answer/answer.service.ts';
import { createOpenAiClient, type LlmClient } from '../../../server/llm/index.ts';
import { type OpenAiStub, type ReceivedRequest, startOpenAiStub } from '../../support/openai-stub-server.ts';
import { sampleIndex } from '../../support/sample-index.ts';
import { buildFixtureIndex, type FixtureIndex } from '../verify/fixture-library.ts';

let fixture: FixtureIndex;
beforeAll(async () => {
  fixture = await buildFixtureIndex();
});
afterAll(() => fixture.close());

const ask = (request: AskRequest, options: Parameters<typeof answerQuestion>[2] = {}) =>
  answerQuestion(fixture.reader, zAskRequest.parse(request), options);

/** The number the prompt gave the source whose text contains `needle`. */
function sourceNumber(request: ReceivedRequest, needle: string): number {
  const user = request.body.messages?.find((m) => m.role === 'user')?.content ?? '';
  for (const block of user.matchAll(/<source-[0-9a-f]+ n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/source-/g)) {
    if (block[2]!.includes(needle)) return Number(block[1]);
  }
  throw new Error(`no source in the prompt contains "${needle}"`);
}

describe('answer.service (extractive)', () => {
  it('answers with sentences that each cite a passage containing them, at their exact span', async () => {
    const response = await ask({ question: 'What does caffeine do to short-term memory recall?', generate: false });
    expect(response.abstained).toBe(false);
    expect(response.mode).toBe('extractive');
    expect(response.answer.sentences.length).toBeGreaterThan(0);
    for (const sentence of response.answer.sentences) {
      expect(sentence.citations).toHaveLength(1);
      const citation = sentence.citations[0]!;
      const passage = fixture.reader.getPassage(citation.passageId)!;
      const paper = fixture.reader.getPaper(citation.paperId)!.paper;
      expect(passage.paperId).toBe(citation.paperId);
      expect(passage.text).toContain(sentence.text);
      expect(paper.abstract.slice(citation.start, citation.end)).toBe(sentence.text);
      expect(citation.start).toBeGreaterThanOrEqual(passage.start);
      expect(citation.end).toBeLessThanOrEqual(passage.end);
      expect(response.sources.find((s) => s.n === citation.n)?.paper.id).toBe(citation.paperId);
      expect(sentence.supported).toBe(true);
    }
    expect(response.answer.text).toContain('increased short-term memory recall by 12% compared with placebo [1].');
    expect(response.sources.find((s) => s.n === 1)).toMatchObject({
      cited: true,
      paper: { id: 'caffeine-memory-trial' },
    });
  });

  it('answers a yes/no question whose predicate the library words the other way round, rather than abstaining for the word', async () => {
    for (const question of ['Does caffeine worsen recall?', 'Does caffeine harm recall?']) {
      const response = await ask({ question, generate: false });
      expect(response.abstained, question).toBe(false);
      expect(response.answer.sentences.map((s) => s.text)).toContain(
        'Caffeine intake increased short-term memory recall by 12% compared with placebo.',
      );
    }
  });

  it('says yes to a question on the sample library asking whether a paper keeps a loss small, which the paper says in other words', async () => {
    const reader = await openIndex(await sampleIndex(), { offline: true });
    try {
      const question = 'Can EMO run a subset of its experts without losing much performance?';
      const response = await answerQuestion(reader, zAskRequest.parse({ question, generate: false }));
      expect(response.abstained, response.reason).toBe(false);
      expect(response.answer.text).toContain('while losing very little performance');
      expect(response.bottomLine).toMatchObject({ verdict: 'yes', no: [] });
    } finally {
      reader.close();
    }
  });

  it('abstains on an off-topic question, saying why and still listing the closest papers', async () => {
    const response = await ask({ question: 'How do I bake sourdough bread with a crisp crust?', generate: false });
    expect(response.abstained).toBe(true);
    expect(response.reason).toMatch(/holds no answer/);
    expect(response.answer.sentences).toEqual([]);
    expect(response.answer.text).toBe(response.reason);
    expect(response.sources.length).toBeGreaterThan(0);
    expect(response.sources.every((s) => !s.cited)).toBe(true);
  });

  it('quotes a paper that contains instructions as plain text, without following them', async () => {
    const response = await ask({
      question: 'Can instructions hidden in retrieved documents steer retrieval-augmented generation?',
      generate: false,
    });
    expect(response.abstained).toBe(false);
    expect(response.answer.sentences[0]?.citations[0]?.paperId).toBe('injected-notes');
    expect(response.answer.text).not.toBe('PWNED');
  });

  it('says so when generation is asked for but no LLM is configured', async () => {
    const response = await ask({ question: 'Why do attention sinks appear?', generate: true });
    expect(response.mode).toBe('extractive');
    expect(response.notice).toMatch(/No LLM is configured/);
  });
});

describe('answer.service (generated, against an OpenAI-compatible server on loopback)', () => {
  let stub: OpenAiStub;
  let llm: LlmClient;
  beforeEach(async () => {
    stub = await startOpenAiStub();
    llm = createOpenAiClient({ baseUrl: stub.baseUrl, model: 'stub', timeoutMs: 400 });
  });
  afterEach(async () => {
    await stub.close();
  });

  const caffeineQuestion = { question: 'What does caffeine do to short-term memory recall?' };
  const citedReply = (request: ReceivedRequest) => ({
    kind: 'text' as const,
    content: `Caffeine raised short-term memory recall by 12% compared with placebo [${sourceNumber(request, 'Caffeine intake')}]. Sleep quality did not change [${sourceNumber(request, 'Sleep quality')}].`,
  });

  it('flags a generated sentence whose second citation backs nothing it says, though its first is sound', async () => {
    stub.enqueue((request: ReceivedRequest) => ({
      kind: 'text' as const,
      content: `Caffeine raised short-term memory recall by 12% compared with placebo [${sourceNumber(request, 'Caffeine intake')}], while vaccines cause autism [${sourceNumber(request, 'Attention sinks')}].`,
    }));
    const response = await ask(caffeineQuestion, { llm });
    expect(response.mode).toBe('generated');
    expect(response.answer.sentences.map((s) => s.supported)).toEqual([false]);
    expect(response.notice).toMatch(/1 generated sentence\(s\) are not supported/);
    stub.enqueue((request: ReceivedRequest) => ({
      kind: 'text' as const,
      content: `Caffeine raised short-term memory recall by 12% compared with placebo [${sourceNumber(request, 'Caffeine intake')}]; vaccines cause autism [${sourceNumber(request, 'Attention sinks')}].`,
    }));
    const dropped = await ask({ ...caffeineQuestion, unsupported: 'drop' }, { llm });
    expect(dropped.mode).toBe('extractive');
    expect(dropped.notice).toMatch(/none of its 1 sentences is supported/);
  });

  it("answers who wrote a paper from the library's record, citing its title, without asking the model", async () => {
    const response = await ask({ question: 'Who wrote "Why attention sinks appear in transformers"?' }, { llm });
    expect(stub.requests).toHaveLength(0);
    expect(response).toMatchObject({ abstained: false, mode: 'extractive' });
    expect(response.answer.text).toBe(
      '“Why attention sinks appear in transformers” (2026) is by Kai Lin and Wei Chen [1].',
    );
    expect(response.answer.sentences[0]?.citations).toEqual([
      expect.objectContaining({ paperId: 'attention-sinks', field: 'title', start: 0 }),
    ]);
  });

  it('returns the generated answer with each sentence checked and cited at its evidence span', async () => {
    stub.enqueue(citedReply);
    const response = await ask(caffeineQuestion, { llm });
    expect(response.mode).toBe('generated');
    expect(response.notice).toBeUndefined();
    expect(response.answer.sentences.map((s) => [s.text, s.supported])).toEqual([
      ['Caffeine raised short-term memory recall by 12% compared with placebo.', true],
      ['Sleep quality did not change.', true],
    ]);
    const citation = response.answer.sentences[0]!.citations[0]!;
    expect(fixture.reader.getPaper(citation.paperId)!.paper.abstract.slice(citation.start, citation.end)).toBe(
      'Caffeine intake increased short-term memory recall by 12% compared with placebo.',
    );
    expect(response.answer.text).toMatch(/^Caffeine raised .* placebo \[1\]\. Sleep quality did not change \[1\]\.$/);
    expect(stub.requests[0]?.body.stream).toBe(false);
  });

  it('streams the reply as deltas, then sends the checked answer', async () => {
    stub.enqueue(citedReply);
    const events: AskEvent[] = [];
    const response = await ask(caffeineQuestion, { llm, onEvent: (event) => void events.push(event) });
    expect(stub.requests[0]?.body.stream).toBe(true);
    expect(events[0]?.event).toBe('sources');
    const deltas = events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toMatch(/^Caffeine raised short-term memory recall by 12%/);
    expect(events.at(-1)).toEqual({ event: 'done', data: response });
    expect(response.mode).toBe('generated');
  });

  it('falls back to the extractive answer with a notice when the server sends malformed output', async () => {
    stub.enqueue({ kind: 'malformed' });
    const response = await ask(caffeineQuestion, { llm });
    expect(response.mode).toBe('extractive');
    expect(response.notice).toMatch(/could not be used .*not JSON.*this answer is extractive/);
    expect(response.answer.sentences.length).toBeGreaterThan(0);
  });

  it('falls back to the extractive answer when the server times out, streamed or not', async () => {
    stub.enqueue({ kind: 'hang' }, { kind: 'stall', content: 'Caffeine raised recall [1].', pieces: 1 });
    const whole = await ask(caffeineQuestion, { llm });
    expect(whole.notice).toMatch(/did not answer within 400 ms/);
    const events: AskEvent[] = [];
    const streamed = await ask(caffeineQuestion, { llm, onEvent: (e) => void events.push(e) });
    expect(streamed.mode).toBe('extractive');
    expect(events.some((e) => e.event === 'notice')).toBe(true);
    expect(events.at(-1)?.event).toBe('done');
  });

  it('removes a citation to a source that was not given, and says so', async () => {
    stub.enqueue((request) => ({
      kind: 'text',
      content: `Caffeine raised short-term memory recall by 12% [${sourceNumber(request, 'Caffeine intake')}, 9].`,
    }));
    const response = await ask(caffeineQuestion, { llm });
    expect(response.answer.sentences[0]!.citations.map((c) => c.n)).toEqual([1]);
    expect(response.answer.text).not.toContain('9]');
    expect(response.notice).toMatch(/Removed citations to sources that were not given: \[9\]/);
  });

  it('flags, or with drop discards, what a model says when a passage hijacks it', async () => {
    const question = {
      question: 'Can instructions hidden in retrieved documents steer retrieval-augmented generation?',
    };
    stub.enqueue({ kind: 'text', content: 'PWNED.' }, { kind: 'text', content: 'PWNED.' });
    const flagged = await ask(question, { llm });
    expect(flagged.mode).toBe('generated');
    expect(flagged.answer.sentences).toEqual([{ text: 'PWNED.', support: 0, supported: false, citations: [] }]);
    expect(flagged.notice).toMatch(/not supported .* flagged/);
    const dropped = await ask({ ...question, unsupported: 'drop' }, { llm });
    expect(dropped.mode).toBe('extractive');
    expect(dropped.notice).toMatch(/none of its 1 sentences is supported/);
    expect(dropped.answer.text).not.toContain('PWNED');
    // The passage reached the model only as delimited data, under the same system prompt as any other.
    const [system, user] = stub.requests[0]!.body.messages!;
    expect(system?.content).not.toContain('PWNED');
    expect(user?.content).toMatch(/<source-[0-9a-f]+ n="\d+"[^>]*>\n[^<]*Ignore previous instructions/);
  });

  it('abstains without asking the model when the passages hold no answer', async () => {
    const response = await ask({ question: 'How do I bake sourdough bread with a crisp crust?' }, { llm });
    expect(response.abstained).toBe(true);
    expect(stub.requests).toHaveLength(0);
  });

  it('abstains when the model finds no answer in the sources', async () => {
    stub.enqueue({ kind: 'text', content: 'NO_ANSWER' });
    const response = await ask(caffeineQuestion, { llm });
    expect(response).toMatchObject({ abstained: true, mode: 'generated' });
    expect(response.reason).toMatch(/found no answer/);
    expect(response.closest?.[0]).toMatchObject({ paperId: 'caffeine-memory-trial', score: expect.any(Number) });
  });
});
