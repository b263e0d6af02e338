import { describe, expect, it } from 'vitest';
import { terms } from '../../../indexer/text/analyze.ts';
import { clausesOf, EvidenceProfile } from '../../../server/verify/evidence-profile.ts';
import { sentencesOfPaper } from '../../../server/verify/evidence-sentences.ts';
import { STANCE_MAX_CHARS, VOTE_MAX_SENTENCES, voteSentencesOf } from '../../../server/verify/judge/stance-features.ts';
import { profileClaim, supportFeatures, supportFeaturesOf } from '../../../server/verify/support-features.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';

const paper = {
  title: 'Caffeine and working memory in adults',
  abstract:
    'We ran a randomized trial with 240 adults. Caffeine intake increased short-term memory recall by 12% compared with placebo, whereas sleep quality was unchanged. Memory gains faded within two days.',
};
const statistics = statisticsOfTexts([
  `${paper.title}\n${paper.abstract}`,
  'Glacier melt rates in the Alps\nHeat waves drive melt.',
  'Soil nitrogen cycles\nA study of soil nitrogen.',
]);

describe('evidence-profile', () => {
  it('gives every claim compared with one analyzed list the features a fresh analysis gives it', () => {
    const sentences = sentencesOfPaper(paper);
    const shared = new EvidenceProfile(sentences, statistics);
    const claims = [
      'Caffeine increases short-term memory recall by 12%.',
      'Caffeine does not change sleep quality.',
      'Memory gains from caffeine last for weeks.',
      'Glacier melt accelerates in heat waves.',
    ];
    for (const claim of [...claims, ...claims]) {
      const profile = profileClaim(claim, statistics);
      expect(supportFeaturesOf(profile, shared), claim).toEqual(
        supportFeatures(profileClaim(claim, statistics), sentencesOfPaper(paper), statistics),
      );
    }
  });

  it('counts the whole text and the text without its title apart', () => {
    const profile = new EvidenceProfile(sentencesOfPaper(paper), statistics);
    expect(profile.titleIndex).toBe(0);
    const all = terms(`${paper.title} ${paper.abstract}`);
    expect(profile.length).toBe(all.length);
    expect(profile.counts.get('caffein')).toBe(2);
    expect(profile.abstractVector.has('work')).toBe(false);
    expect(profile.vector.has('work')).toBe(true);
    // "two days": a number written in words is one the paper states too.
    expect(profile.numbers).toEqual(['240', '12%', '2']);
  });

  it('gives the vote the text sentences cut as voteSentencesOf cuts them, with their terms', () => {
    const long = `Caffeine raised recall ${'and more words '.repeat(200)}while heat lowered melt.`;
    expect(long.length).toBeGreaterThan(STANCE_MAX_CHARS);
    const many = Array.from({ length: VOTE_MAX_SENTENCES + 5 }, (_, i) => `Sentence ${i} raised recall.`);
    const sentences = [
      { field: 'title' as const, start: 0, end: 5, text: 'Title' },
      ...[long, ...many].map((text) => ({ field: 'abstract' as const, start: 0, end: text.length, text })),
    ];
    const voters = new EvidenceProfile(sentences, statistics).voteSentences;
    const expected = voteSentencesOf([long, ...many]);
    expect(voters.map((v) => v.text)).toEqual(expected.map((v) => v.text));
    expect(voters).toHaveLength(VOTE_MAX_SENTENCES);
    // "melt" lies past the cut of the long sentence: the vote does not see it.
    expect(voters[0]!.terms.has('melt')).toBe(false);
    expect(voters[0]!.terms.has('recal')).toBe(true);
    expect(voters[1]!.terms.has('sentenc')).toBe(true);
  });

  it('splits a sentence into its clauses, each with its terms', () => {
    expect(clausesOf('Caffeine raised recall, whereas sleep was unchanged; memory faded.')).toEqual([
      { text: 'Caffeine raised recall', terms: new Set(['caffein', 'rais', 'recal']) },
      { text: 'sleep was unchanged', terms: new Set(['sleep', 'unchang']) },
      { text: 'memory faded.', terms: new Set(['memori', 'fade']) },
    ]);
  });
});
