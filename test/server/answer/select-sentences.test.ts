import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NumberedSource, numberSources } from '../../../server/answer/answer-sources.ts';
import { questionTopic, selectSentences } from '../../../server/answer/select-sentences.ts';
import { statisticsOfIndex } from '../../../server/verify/term-statistics.ts';
import { buildFixtureIndex, type FixtureIndex } from '../verify/fixture-library.ts';

let fixture: FixtureIndex;
beforeAll(async () => {
  fixture = await buildFixtureIndex();
});
afterAll(() => fixture.close());

const sourcesOf = (...ids: string[]): NumberedSource[] =>
  numberSources(
    ids.flatMap((id) => {
      const paper = fixture.reader.getPaper(id)!.paper;
      return fixture.reader.passagesOfPaper(id).map((passage) => ({ passage, paper, score: 1 }));
    }),
  );
const select = (question: string, sources: NumberedSource[], options = {}) =>
  selectSentences(question, sources, statisticsOfIndex(fixture.reader), options);

describe('select-sentences', () => {
  it('strips question words, keeping what the question is about', () => {
    expect(questionTopic('What do we know about how attention sinks appear?')).toBe('attention sinks appear?');
  });

  it('picks the sentences that answer the question and orders them by source, then by position', () => {
    const { sentences, abstainReason } = select(
      'What explains faster glacier melt, and what slows it?',
      sourcesOf('glacier-melt'),
    );
    expect(abstainReason).toBeNull();
    // The best-matching sentence ("slows melt") comes second: answers keep the paper's order.
    expect(sentences.map((s) => s.text)).toEqual([
      'Alpine glaciers lost mass faster between 2000 and 2020 than in any earlier record.',
      'Debris cover slows melt on the lower tongues.',
    ]);
    expect(sentences[1]!.match).toBeGreaterThan(sentences[0]!.match);
    const starts = sentences.map((s) => s.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('leaves out a sentence that repeats one already chosen', () => {
    const [source] = sourcesOf('caffeine-memory-trial');
    const passage = source!.passages[0]!;
    const repeated = 'Caffeine intake increased short-term memory recall by 12% compared with placebo.';
    const text = `${repeated} ${repeated.replace('increased', 'raised')}`;
    const doubled: NumberedSource = { ...source!, passages: [{ ...passage, text, end: passage.start + text.length }] };
    const { sentences } = select('What does caffeine do to short-term memory recall?', [doubled]);
    expect(sentences).toHaveLength(1);
  });

  it('cites at most the configured number of sources', () => {
    const { sentences } = select(
      'Caffeine memory attention glaciers?',
      sourcesOf('caffeine-memory-trial', 'attention-sinks', 'glacier-melt'),
      {
        maxSources: 2,
        minRelativeRelevance: 0,
      },
    );
    expect(new Set(sentences.map((s) => s.n)).size).toBeLessThanOrEqual(2);
  });

  it('abstains when the question is about words the library never uses', () => {
    const { abstainReason, sentences } = select('How do I bake sourdough bread?', sourcesOf('caffeine-history'));
    expect(sentences).toEqual([]);
    expect(abstainReason).toMatch(/"bake", "sourdough", "bread"/);
  });

  it('abstains when the retrieved passages share almost nothing with the question, naming what they lack', () => {
    const { abstainReason, closest } = select('What does caffeine do to memory recall?', sourcesOf('wing-loads'));
    expect(abstainReason).toMatch(/lacks what the question asks about \("caffeine", "recall", "memory"\); it holds 0%/);
    expect(closest).toEqual([
      { paperId: 'wing-loads', title: expect.any(String), score: 0, missing: ['caffeine', 'recall', 'memory'] },
    ]);
  });

  it('abstains when there is nothing to look for or nothing retrieved', () => {
    expect(select('What is it?', sourcesOf('glacier-melt')).abstainReason).toMatch(/no words to look for/);
    expect(select('Why do glaciers melt?', []).abstainReason).toMatch(/No passage/);
  });
});
