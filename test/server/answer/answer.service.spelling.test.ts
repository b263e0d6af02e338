import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperInput } from '../../../indexer/paper.schema.ts';
import { zAskRequest } from '../../../server/answer/answer.schema.ts';
import { answerQuestion } from '../../../server/answer/answer.service.ts';
import { createApp } from '../../../server/app.ts';
import { zAskLibraryOutput } from '../../../server/mcp/mcp.schema.ts';
import { askRoutes } from '../../../server/routes/ask.route.ts';
import { holderFor, testConfig } from '../../support/sample-index.ts';
import { buildFixtureIndex, type FixtureIndex } from '../verify/fixture-library.ts';
import { ML_PAPERS } from './composed-libraries.ts';

/** An information-science library that writes of morality and never of mortality. */
const ETHICS_PAPERS: PaperInput[] = [
  {
    id: 'library-ethics',
    title: 'Morality and the ethics of information services',
    authors: ['Ines Duarte'],
    year: 2016,
    abstract:
      'We surveyed 240 librarians on the morality of withholding information from patrons. Most librarians held that information ethics forbids refusing a request on moral grounds. Morality was discussed in professional codes of 31 associations.',
  },
  {
    id: 'catalogue-use',
    title: 'How readers use the subject catalogue',
    authors: ['Tom Okafor'],
    year: 2014,
    abstract:
      'Readers in three university libraries searched the subject catalogue for 12 minutes on average. Most searches began with a single word. Cross references were rarely followed.',
  },
  {
    id: 'indexing-consistency',
    title: 'Consistency of indexing between trained indexers',
    authors: ['Mei Lin'],
    year: 2019,
    abstract:
      'Two trained indexers assigned subject terms to 500 documents. They agreed on 46% of terms. Consistency rose when a controlled vocabulary was used.',
  },
];

let sinks: FixtureIndex;
let ml: FixtureIndex;
let ethics: FixtureIndex;
beforeAll(async () => {
  [sinks, ml, ethics] = await Promise.all([
    buildFixtureIndex(),
    buildFixtureIndex(ML_PAPERS),
    buildFixtureIndex(ETHICS_PAPERS),
  ]);
});
afterAll(() => {
  sinks.close();
  ml.close();
  ethics.close();
});

const ask = (library: FixtureIndex, question: string) =>
  answerQuestion(library.reader, zAskRequest.parse({ question, generate: false }));
const citedPapers = (response: Awaited<ReturnType<typeof ask>>) =>
  response.answer.sentences.flatMap((s) => s.citations.map((c) => c.paperId));

describe('answer.service: misspelt words and hyphenated names', () => {
  it('answers a question with a misspelt word as the library word it meant, and says so', async () => {
    const response = await ask(ml, 'How do transfomer attention heads work in large language models?');
    expect(response.abstained).toBe(false);
    expect(new Set(citedPapers(response))).toEqual(new Set(['attention-heads']));
    expect(response.notice).toBe('Read "transfomer" as "transformer".');
    expect(response.readings).toEqual([{ written: 'transfomer', readAs: 'transformer' }]);
    // The response keeps the question as it was asked.
    expect(response.question).toBe('How do transfomer attention heads work in large language models?');
  });

  it('answers "atention sinks" from the paper on attention sinks', async () => {
    const response = await ask(sinks, 'Why do atention sinks appear?');
    expect(response.abstained).toBe(false);
    expect(citedPapers(response)).toContain('attention-sinks');
    expect(response.readings).toEqual([{ written: 'atention', readAs: 'attention' }]);
  });

  it('carries the readings in the MCP tool output, as in the API response', async () => {
    const response = await ask(sinks, 'Why do atention sinks appear?');
    const output = zAskLibraryOutput.parse({ ...response, sources: [] });
    expect(output.readings).toEqual([{ written: 'atention', readAs: 'attention' }]);
    expect(output.notice).toMatch(/^Read "atention" as "attention"\./);
  });

  it('carries the readings in the HTTP response of POST /api/ask', async () => {
    const app = createApp({ holder: await holderFor(sinks.indexDir), config: testConfig() }).route('/api', askRoutes);
    const response = await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'Why do atention sinks appear?', generate: false }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Awaited<ReturnType<typeof ask>>;
    expect(body.question).toBe('Why do atention sinks appear?');
    expect(body.readings).toEqual([{ written: 'atention', readAs: 'attention' }]);
    expect(body.notice).toBe('Read "atention" as "attention".');
  });

  it('still abstains on a made-up word, naming it, with nothing read', async () => {
    const response = await ask(ml, 'What is zorblax?');
    expect(response.abstained).toBe(true);
    expect(response.reason).toMatch(/"zorblax"/);
    expect(response.readings).toBeUndefined();
    expect(response.notice).toBeUndefined();
  });

  it('never reads an English word the library lacks as another ("mortality" is not "morality"), and names it as missing', async () => {
    const response = await ask(ethics, 'Is mortality discussed?');
    expect(response.readings).toBeUndefined();
    expect(response.notice).toBeUndefined();
    expect(response.abstained).toBe(true);
    expect(response.reason).toMatch(/\("mortality"\)/);
    expect(response.closest!.map((paper) => paper.missing)).toContainEqual(['mortality']);
    // A question the library answers in other words is answered as written, with nothing read.
    const answered = await ask(ethics, 'How is mortality discussed in information ethics?');
    expect(answered.readings).toBeUndefined();
    expect(answered.notice ?? '').not.toMatch(/morality/);
  });

  it('reads a misspelling on the same library ("moralty" as "morality")', async () => {
    const response = await ask(ethics, 'How is moralty discussed in information ethics?');
    expect(response.readings).toEqual([{ written: 'moralty', readAs: 'morality' }]);
    expect(response.abstained).toBe(false);
    expect(citedPapers(response)).toContain('library-ethics');
  });

  it('names a hyphenated name whole when no paper mentions it, in the reason and in what the closest papers lack', async () => {
    const response = await ask(ml, 'How does GPT-4 compare with open models on attention heads?');
    expect(response.abstained).toBe(true);
    expect(response.reason).toBe(
      'The library holds no answer: no paper in it mentions "GPT-4", which the question asks about.',
    );
    expect(response.closest!.length).toBeGreaterThan(0);
    for (const paper of response.closest!) {
      expect(paper.missing).toContain('GPT-4');
      expect(paper.missing).not.toContain('GPT');
      expect(paper.missing).not.toContain('4');
    }
  });

  it('names a name joined to digits that no paper uses, as written ("Llama-3.1")', async () => {
    const response = await ask(ml, 'Does Llama-3.1 route tokens to experts?');
    expect(response.abstained).toBe(true);
    expect(response.reason).toMatch(/mentions "Llama-3\.1"/);
  });
});
