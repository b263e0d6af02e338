import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperInput } from '../../../indexer/paper.schema.ts';
import { zAskRequest } from '../../../server/answer/answer.schema.ts';
import { answerQuestion } from '../../../server/answer/answer.service.ts';
import { buildFixtureIndex, type FixtureIndex } from '../verify/fixture-library.ts';

// Papers whose finding leans on the sentence before it ("This effect…"), so that an answer quotes
// the two together, and papers on other subjects.
const PAPERS: PaperInput[] = [
  {
    id: 'glacier-soot',
    title: 'Soot and snowfall on alpine glacier albedo',
    authors: ['Ines Albrecht'],
    year: 2021,
    abstract:
      'We measured albedo on twelve alpine glaciers over four summers. Soot deposits darken the ice surface of alpine glaciers. This darkening can be offset by fresh summer snowfall. Melt rates followed albedo closely.',
  },
  {
    id: 'aspirin-sex',
    title: 'Low-dose aspirin and stroke in men and women',
    authors: ['Nora Lind'],
    year: 2022,
    abstract:
      'We randomized 9,000 adults to low-dose aspirin or placebo for five years. Aspirin reduced stroke risk in men. This effect was absent in women. Bleeding was more common with aspirin.',
  },
  {
    id: 'sea-ice',
    title: 'Arctic sea ice thickness from satellite altimetry',
    authors: ['Olaf Dahl'],
    year: 2020,
    abstract:
      'Satellite altimetry gave sea ice thickness across the Arctic basin. Thickness fell by 0.6 m per decade since 2003. Thin first-year ice now covers most of the basin in autumn.',
  },
  {
    id: 'coral-bleaching',
    title: 'Heat stress and coral bleaching on shallow reefs',
    authors: ['Maya Cruz'],
    year: 2019,
    abstract:
      'We surveyed 40 shallow reefs during a marine heatwave. Bleaching affected 60% of colonies where heat stress exceeded eight degree heating weeks. Most bleached colonies recovered within two years.',
  },
];

let library: FixtureIndex;
beforeAll(async () => {
  library = await buildFixtureIndex(PAPERS);
});
afterAll(() => library.close());

describe('answer.service: a sentence quoted with the one before it', () => {
  it('judges the quote of both sentences by the span it cites, not by either sentence alone', async () => {
    const response = await answerQuestion(
      library.reader,
      zAskRequest.parse({ question: 'Does aspirin reduce stroke risk in women?', generate: false }),
    );
    expect(response.abstained, response.reason).toBe(false);
    const joined = response.answer.sentences.find((s) => s.text.endsWith('This effect was absent in women.'));
    expect(joined?.text).toBe('Aspirin reduced stroke risk in men. This effect was absent in women.');
    expect(joined?.supported).toBe(true);
    expect(joined?.support).toBeGreaterThan(0.5);
  });
});
