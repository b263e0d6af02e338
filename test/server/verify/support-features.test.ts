import { describe, expect, it } from 'vitest';
import { sentencesOfPaper } from '../../../server/verify/evidence-sentences.ts';
import {
  profileClaim,
  RELEVANCE_FEATURES,
  relevanceInputsOf,
  supportFeatures,
} from '../../../server/verify/support-features.ts';
import { statisticsOfTexts, type TermStatistics } from '../../../server/verify/term-statistics.ts';

// A library on one topic, as Check-COVID's is: every abstract names the virus, so only the
// specific terms (the drug, the measure) say which one a claim is about.
const specific = {
  title: 'Remdesivir in hospitalized COVID-19 patients',
  abstract:
    'We enrolled 1062 hospitalized COVID-19 patients. Remdesivir shortened the time to recovery from 15 to 10 days. Adverse events were similar in both arms.',
};
const sameField = {
  title: 'Masks and COVID-19 transmission',
  abstract:
    'We surveyed 40 countries during the COVID-19 pandemic. Mask mandates were followed by slower growth of COVID-19 cases. COVID-19 patients in these countries were younger.',
};
const library = [
  specific,
  sameField,
  ...['school closures', 'vaccine hesitancy', 'ventilator supply', 'testing capacity', 'hospital staffing'].map(
    (topic) => ({ title: `COVID-19 and ${topic}`, abstract: `COVID-19 patients and ${topic} in one region.` }),
  ),
];
const statistics = statisticsOfTexts(library.map((p) => `${p.title}\n${p.abstract}`));
const featuresOf = (claim: string, paper: typeof specific, stats: TermStatistics = statistics) =>
  supportFeatures(profileClaim(claim, stats), sentencesOfPaper(paper), stats).features;

describe('support-features', () => {
  const claim = 'Remdesivir shortens recovery in COVID-19 patients.';

  it('scores the paper sharing the specific terms above one sharing only the field, by BM25 and rare-term coverage', () => {
    const onClaim = featuresOf(claim, specific);
    const onField = featuresOf(claim, sameField);
    expect(onClaim.bm25).toBeGreaterThan(onField.bm25);
    expect(onClaim.rareCoverage).toBeGreaterThan(onField.rareCoverage);
    // The field's terms are frequent, so squaring IDF makes their share smaller than plain coverage.
    expect(onField.rareCoverage).toBeLessThan(onField.documentCoverage);
    expect(onClaim.abstractCosine).toBeGreaterThan(onField.abstractCosine);
  });

  it('keeps BM25 a share between 0 and 1, and reads lengths only when the library gives a mean length', () => {
    const withLength = featuresOf(claim, specific);
    expect(withLength.bm25).toBeGreaterThan(0);
    expect(withLength.bm25).toBeLessThan(1);
    const withoutLength: TermStatistics = {
      documents: statistics.documents,
      documentFrequency: statistics.documentFrequency,
    };
    const unnormalized = featuresOf(claim, specific, withoutLength);
    expect(unnormalized.bm25).toBeGreaterThan(0);
    // This abstract is longer than the library's mean, so normalizing by length lowers its score.
    expect(unnormalized.bm25).toBeGreaterThan(withLength.bm25);
  });

  it('leaves the title out of the abstract cosine', () => {
    const titleOnly = featuresOf('Remdesivir in hospitalized patients', {
      title: 'Remdesivir in hospitalized patients',
      abstract: 'Ventilator supply in one region.',
    });
    expect(titleOnly.documentCosine).toBeGreaterThan(0.5);
    expect(titleOnly.abstractCosine).toBe(0);
  });

  it('gives the relevance model the square root of each relevance feature', () => {
    const features = featuresOf(claim, specific);
    const inputs = relevanceInputsOf(features);
    for (const name of RELEVANCE_FEATURES) expect(inputs[name]).toBeCloseTo(Math.sqrt(features[name]));
  });
  it('finds a claim’s number only in a sentence that names what it counts, not in another that holds the same number', () => {
    const suite = {
      title: 'A captcha suite',
      abstract:
        'The suite holds 30 cognitive tasks. It characterises how each task is solved through 129 features measured at the process level.',
    };
    const features = (claim: string) =>
      supportFeatures(profileClaim(claim, statistics), sentencesOfPaper(suite), statistics).features;
    expect(features('The suite characterises each task through 30 process-level features.').numbersMissing).toBe(1);
    expect(features('The suite characterises each task through 129 process-level features.').numbersMissing).toBe(0);
    expect(features('The suite holds 30 tasks.').numbersMissing).toBe(0);
  });
});
