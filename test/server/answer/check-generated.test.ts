import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  checkGenerated(text, sources, statisticsOfIndex(fixture.reader), unsupported);

describe('check-generated', () => {
  it('strips the markers, keeps citations to given sources and points each at the passage span it rests on', () => {
    const { sentences, unknownCitations } = check(
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

  it('removes citations to sources that were not given and reports their numbers', () => {
    const { sentences, unknownCitations } = check('Caffeine raised short-term memory recall [1, 9].');
    expect(unknownCitations).toEqual([9]);
    expect(sentences[0]!.citations.map((c) => c.n)).toEqual([1]);
  });

  it('flags a sentence its cited passages do not support, and one that cites nothing', () => {
    const { sentences } = check('Caffeine cures glacier melt in the Alps [1]. Everyone agrees on this.');
    expect(sentences.map((s) => s.supported)).toEqual([false, false]);
    expect(sentences[1]!.support).toBe(0);
  });

  it('drops unsupported sentences when asked to, counting them', () => {
    const checked = check('Caffeine raised short-term memory recall [1]. Caffeine cures glacier melt [1].', 'drop');
    expect(checked.sentences.map((s) => s.text)).toEqual(['Caffeine raised short-term memory recall.']);
    expect(checked.dropped).toBe(1);
  });

  it('attaches a marker written after the full stop to the sentence before it', () => {
    const { sentences } = check('Sink tokens carry no semantic content. [2] Caffeine raised memory recall. [1]');
    expect(sentences.map((s) => [s.text, s.citations.map((c) => c.n)])).toEqual([
      ['Sink tokens carry no semantic content.', [2]],
      ['Caffeine raised memory recall.', [1]],
    ]);
  });

  it('reads the no-answer reply as an abstention', () => {
    expect(check('NO_ANSWER').noAnswer).toBe(true);
    expect(check('   ').noAnswer).toBe(false);
  });
});
