import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerJudge } from '../../../server/answer/answer-judge.ts';
import { type NumberedSource, numberSources } from '../../../server/answer/answer-sources.ts';
import { checkGenerated } from '../../../server/answer/check-generated.ts';
import { statisticsOfIndex } from '../../../server/verify/term-statistics.ts';
import { buildFixtureIndex, type FixtureIndex } from '../verify/fixture-library.ts';

let fixture: FixtureIndex;
let sources: NumberedSource[];
beforeAll(async () => {
  fixture = await buildFixtureIndex();
  sources = numberSources(
    ['caffeine-memory-trial', 'attention-sinks'].flatMap((id) => {
      const paper = fixture.reader.getPaper(id)!.paper;
      return fixture.reader.passagesOfPaper(id).map((passage) => ({ passage, paper, score: 1 }));
    }),
  );
});
afterAll(() => fixture.close());

const check = (text: string, unsupported: 'flag' | 'drop' = 'flag') =>
  checkGenerated(text, sources, answerJudge(statisticsOfIndex(fixture.reader)), unsupported);

describe('check-generated', async () => {
  it('strips the markers, keeps citations to given sources and points each at the passage span it rests on', async () => {
    const { sentences, unknownCitations } = await check(
      'Caffeine raised short-term memory recall by 12% in adults [1]. Attention sinks come from a variance discrepancy [2].',
    );
    expect(unknownCitations).toEqual([]);
    expect(sentences.map((s) => [s.text, s.supported, s.citations.map((c) => c.n)])).toEqual([
      ['Caffeine raised short-term memory recall by 12% in adults.', true, [1]],
      ['Attention sinks come from a variance discrepancy.', true, [2]],
    ]);
    const citation = sentences[0]!.citations[0]!;
    const abstract = fixture.reader.getPaper(citation.paperId)!.paper.abstract;
    expect(abstract.slice(citation.start, citation.end)).toBe(
      'Caffeine intake increased short-term memory recall by 12% compared with placebo.',
    );
    expect(fixture.reader.getPassage(citation.passageId)?.paperId).toBe('caffeine-memory-trial');
  });

  it('removes citations to sources that were not given and reports their numbers', async () => {
    const { sentences, unknownCitations } = await check('Caffeine raised short-term memory recall [1, 9].');
    expect(unknownCitations).toEqual([9]);
    expect(sentences[0]!.citations.map((c) => c.n)).toEqual([1]);
  });

  it('flags a sentence its cited passages do not support, and one that cites nothing', async () => {
    const { sentences } = await check('Caffeine cures glacier melt in the Alps [1]. Everyone agrees on this.');
    expect(sentences.map((s) => s.supported)).toEqual([false, false]);
    expect(sentences[1]!.support).toBe(0);
  });

  it('drops unsupported sentences when asked to, counting them', async () => {
    const checked = await check(
      'Caffeine raised short-term memory recall [1]. Caffeine cures glacier melt [1].',
      'drop',
    );
    expect(checked.sentences.map((s) => s.text)).toEqual(['Caffeine raised short-term memory recall.']);
    expect(checked.dropped).toBe(1);
  });

  it('attaches a marker written after the full stop to the sentence before it', async () => {
    const { sentences } = await check('Sink tokens carry no semantic content. [2] Caffeine raised memory recall. [1]');
    expect(sentences.map((s) => [s.text, s.citations.map((c) => c.n)])).toEqual([
      ['Sink tokens carry no semantic content.', [2]],
      ['Caffeine raised memory recall.', [1]],
    ]);
  });

  it('judges every citation on its own clause: a supported [1] does not carry an unrelated claim cited to [2]', async () => {
    const text =
      'Caffeine raised short-term memory recall by 12% compared with placebo [1], while vaccines cause autism [2].';
    const flagged = (await check(text)).sentences;
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.supported).toBe(false);
    expect(flagged[0]!.citations.map((c) => c.n)).toEqual([1, 2]);
    expect(await check(text, 'drop')).toMatchObject({ sentences: [], dropped: 1 });
    // The same sentence with a claim [2] does back stands.
    const backed = (
      await check(
        'Caffeine raised short-term memory recall by 12% compared with placebo [1], while the sink token carries no semantic content [2].',
      )
    ).sentences;
    expect(backed.map((s) => s.supported)).toEqual([true]);
  });

  it('splits sentences joined by ";" or run on with a lower-case start before judging', async () => {
    const joined = (
      await check(
        'Caffeine raised short-term memory recall by 12% compared with placebo; caffeine cures glacier melt in the Alps [1].',
      )
    ).sentences;
    expect(joined.map((s) => s.supported)).toEqual([false]);
    const runOn = (
      await check('Caffeine raised short-term memory recall [1]. while caffeine cures glacier melt in the Alps [1].')
    ).sentences;
    expect(runOn.every((s) => s.supported)).toBe(false);
    const fine = (
      await check('Caffeine raised short-term memory recall [1]; the sink token carries no semantic content [2].')
    ).sentences;
    expect(fine.map((s) => s.supported)).toEqual([true]);
  });

  it('reads the no-answer reply as an abstention', async () => {
    expect((await check('NO_ANSWER')).noAnswer).toBe(true);
    expect((await check('   ')).noAnswer).toBe(false);
  });
});
