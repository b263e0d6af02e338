import { describe, expect, it } from 'vitest';
import { numberSources } from '../../../server/answer/answer-sources.ts';
import { questionTopic, scoreSentences } from '../../../server/answer/score-sentences.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';
import { paperWith } from '../../support/paper.ts';

const GLACIERS = 'Debris cover slows glacier melt on the lower tongues.';
const STATISTICS = statisticsOfTexts([GLACIERS, 'Caffeine raised memory recall.', 'Wing loads grew with speed.']);

/** A retrieved one-passage paper whose passage is in `field`. */
const retrieved = (id: string, text: string, field: 'abstract' | 'title' = 'abstract') => ({
  passage: { id: id.length, paperId: id, field, ordinal: 0, start: 0, end: text.length, text },
  paper: paperWith({ id, title: '', abstract: field === 'abstract' ? text : '' }),
  score: 1,
});

describe('score-sentences', () => {
  it('strips question words, keeping what the question is about', () => {
    expect(questionTopic('What do we know about how attention sinks appear?')).toBe('attention sinks appear?');
  });

  it("adds the source's rank to a sentence's match: the whole weight for the first source, none for the last", () => {
    const sources = numberSources([retrieved('first', GLACIERS), retrieved('second', GLACIERS)]);
    const [a, b] = scoreSentences('What slows glacier melt?', sources, STATISTICS);
    expect(a!.paperId).toBe('first');
    expect(b!.paperId).toBe('second');
    expect(a!.match).toBeGreaterThan(0);
    expect(a!.match).toBeCloseTo(b!.match);
    expect(a!.relevance).toBeCloseTo(a!.match + 1);
    expect(b!.relevance).toBeCloseTo(b!.match);
  });

  it('scores only abstract passages', () => {
    const sources = numberSources([retrieved('titled', GLACIERS, 'title')]);
    expect(scoreSentences('What slows glacier melt?', sources, STATISTICS)).toEqual([]);
  });

  it('quotes a sentence that leans on the one before together with it, spanning both', () => {
    const abstract =
      'Soot deposits darken the ice surface of alpine glaciers. This darkening can be offset by fresh summer snowfall.';
    const sources = numberSources([retrieved('soot', abstract)]);
    const joined = scoreSentences('Can summer snowfall offset glacier darkening by soot?', sources, STATISTICS).find(
      (s) => s.wording.startsWith('Soot deposits') && s.wording.endsWith('snowfall.'),
    );
    expect(joined).toMatchObject({ start: 0, end: abstract.length, text: abstract, wording: abstract });
    // A sentence that stands alone is not joined to the next.
    const alone =
      'Soot deposits darken the ice surface of alpine glaciers. Fresh summer snowfall offsets the darkening.';
    const scored = scoreSentences(
      'Can summer snowfall offset glacier darkening?',
      numberSources([retrieved('alone', alone)]),
      STATISTICS,
    );
    expect(scored.map((s) => s.text).sort()).toEqual([
      'Fresh summer snowfall offsets the darkening.',
      'Soot deposits darken the ice surface of alpine glaciers.',
    ]);
  });
});

describe('score-sentences (abbreviations)', () => {
  it('reads an abbreviation its paper defines as holding its long form', () => {
    const abstract =
      'We studied chronic venous insufficiency (CVI) in older adults. The prevalence of CVI was 12.4% in women and 9.1% in men. Smoking was common in the cohort.';
    const statistics = statisticsOfTexts([abstract, GLACIERS, 'Caffeine raised memory recall.']);
    const scored = scoreSentences(
      'What is the prevalence of chronic venous insufficiency in women?',
      numberSources([retrieved('cvi', abstract)]),
      statistics,
    );
    expect(scored[0]!.text).toBe('The prevalence of CVI was 12.4% in women and 9.1% in men.');
    expect(scored[0]!.spelledOut).toBe(
      'The prevalence of chronic venous insufficiency was 12.4% in women and 9.1% in men.',
    );
  });
});
