import { describe, expect, it } from 'vitest';
import { sentencesOfPaper } from '../../../server/verify/evidence-sentences.ts';
import { SupportScorer } from '../../../server/verify/support-scorer.ts';
import { verdictOf } from '../../../server/verify/support-verdicts.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';

const backing = {
  title: 'Caffeine and working memory in adults',
  abstract:
    'We ran a randomized trial with 240 adults. Caffeine intake increased short-term memory recall by 12% compared with placebo. Sleep quality was unchanged.',
};
const topical = {
  title: 'A history of caffeine consumption',
  abstract:
    'We review how coffee and tea spread across countries. Caffeine consumption patterns changed with trade routes. Memory of these routes survives in old recipes.',
};
const unrelated = {
  title: 'Wing loads at supersonic speed',
  abstract:
    'Pressure distributions were measured on a swept wing in a wind tunnel. Shock position moved aft with Mach number.',
};
const library = [
  backing,
  topical,
  unrelated,
  ...['soil nitrogen cycles', 'glacier melt rates', 'ion channel gating', 'graph coloring bounds'].map((t) => ({
    title: t,
    abstract: `A study of ${t}.`,
  })),
];
const scorer = new SupportScorer(statisticsOfTexts(library.map((p) => `${p.title}\n${p.abstract}`)));

describe('support-scorer', () => {
  it('scores the paper that backs a claim above one that only discusses its topic, and both above an unrelated one', () => {
    const claim = 'Caffeine increases short-term memory recall.';
    const backed = scorer.scorePaper(claim, backing);
    const onTopic = scorer.scorePaper(claim, topical);
    const offTopic = scorer.scorePaper(claim, unrelated);
    expect(backed.score).toBeGreaterThan(onTopic.score);
    expect(onTopic.score).toBeGreaterThan(offTopic.score);
    expect(verdictOf(backed)).toBe('supported');
    expect(verdictOf(onTopic)).toBe('not_supported');
  });

  it('points at the sentence that backs the claim, with its exact offsets in the abstract', () => {
    const { evidence } = scorer.scorePaper('Caffeine increases short-term memory recall.', backing);
    expect(evidence?.field).toBe('abstract');
    expect(evidence?.text).toBe('Caffeine intake increased short-term memory recall by 12% compared with placebo.');
    expect(backing.abstract.slice(evidence!.start, evidence!.end)).toBe(evidence!.text);
  });

  it('reports a reversed direction of effect and lowers the verdict to partial support', () => {
    const result = scorer.scorePaper('Caffeine decreases short-term memory recall.', backing);
    expect(result.conflicts).toContain('direction');
    expect(verdictOf(result)).not.toBe('supported');
  });

  it('reports a number the evidence never states', () => {
    const result = scorer.scorePaper('Caffeine increases short-term memory recall by 30%.', backing);
    expect(result.conflicts).toContain('numbers');
    expect(verdictOf(result)).not.toBe('supported');
    expect(scorer.scorePaper('Caffeine increases short-term memory recall by 12%.', backing).conflicts).toEqual([]);
  });

  it('reports a negation the evidence does not share', () => {
    const result = scorer.scorePaper('Caffeine does not change short-term memory recall.', backing);
    expect(result.conflicts).toContain('negation');
  });

  it('reads negation and direction in the clause that matches the claim, not in a neighbouring one', () => {
    const mixed = {
      title: 'Caffeine, sleep and memory',
      abstract: 'Caffeine did not change sleep quality; it increased short-term memory recall in adults.',
    };
    expect(scorer.scorePaper('Caffeine increases short-term memory recall.', mixed).conflicts).toEqual([]);
    const negated = scorer.scorePaper('Caffeine does not increase short-term memory recall.', mixed);
    expect(negated.conflicts).toContain('negation');
    expect(negated.contradiction).toBeGreaterThan(negated.support);
  });

  it('reads a context that is the claim itself exactly as no context, and relevance on a wider context', () => {
    const sentences = sentencesOfPaper(backing);
    const claim = 'Caffeine increases short-term memory recall.';
    expect(scorer.score(claim, sentences, claim)).toEqual(scorer.score(claim, sentences));
    // A clause too short to say what it is about bears on the paper through its sentence.
    const clause = 'it increased recall by 12%';
    const sentence = `Caffeine intake improves short-term memory in adults, and ${clause}.`;
    expect(scorer.relevance(clause, sentences, sentence)).toBeGreaterThan(scorer.relevance(clause, sentences));
  });

  it('reads a citation cited beside other works as grouped, a prior that lowers support and names no conflict', () => {
    const claim = 'Caffeine increases short-term memory recall.';
    const sentences = sentencesOfPaper(backing);
    const alone = scorer.score(claim, sentences);
    const grouped = scorer.score(claim, sentences, undefined, 2);
    expect(alone.stance.groupedCitation).toBe(0);
    expect(grouped.stance.groupedCitation).toBe(1);
    expect(grouped.score).toBe(alone.score);
    expect(grouped.support).toBeLessThan(alone.support);
    expect(grouped.conflicts).toEqual(alone.conflicts);
    expect(scorer.score(claim, sentences, undefined, 0)).toEqual(alone);
  });

  it('carries the contradiction of a grouped citation as read without the prior, the same citation alone', () => {
    const claim = 'Caffeine does not increase short-term memory recall.';
    const sentences = sentencesOfPaper(backing);
    const alone = scorer.score(claim, sentences);
    const grouped = scorer.score(claim, sentences, undefined, 2);
    expect(alone.priorFreeContradiction).toBeUndefined();
    expect(grouped.priorFreeContradiction).toBeCloseTo(alone.contradiction, 12);
    expect(grouped.contradiction).toBeGreaterThan(alone.contradiction);
  });

  it('gives no support and no evidence when there is nothing to compare', () => {
    expect(scorer.score('Caffeine increases recall.', [])).toMatchObject({ score: 0, evidence: null });
    expect(scorer.scorePaper('the of and', backing).score).toBe(0);
  });

  it('does not count evidence that contradicts a sentence as support of it (the verdict answers read)', () => {
    const result = scorer.scorePaper('Caffeine decreases short-term memory recall.', backing);
    expect(result.contradiction).toBeGreaterThan(result.support);
    expect(verdictOf(result)).toBe('not_supported');
    expect(verdictOf({ score: result.score, conflicts: result.conflicts })).toBe('partially_supported');
  });

  it('scores a claim the same whether the scorer has just scored other claims against the same sentence list or not', () => {
    const claims = [
      'Caffeine increases short-term memory recall.',
      'Caffeine decreases short-term memory recall by 40%.',
      'Sleep quality was not changed by caffeine.',
    ];
    const sentences = sentencesOfPaper(backing);
    const statistics = statisticsOfTexts(library.map((p) => `${p.title}\n${p.abstract}`));
    const shared = new SupportScorer(statistics);
    for (const claim of [...claims, ...claims.toReversed()]) {
      const result = shared.score(claim, sentences);
      expect(result, claim).toEqual(new SupportScorer(statistics).score(claim, sentencesOfPaper(backing)));
      expect(shared.relevance(claim, sentences)).toBe(result.score);
    }
    expect(shared.relevance('Caffeine increases recall.', [])).toBe(0);
  });

  it('never lowers the relevance of a clause by the sentence it is part of, when that sentence cites another paper too', () => {
    const sentences = sentencesOfPaper(backing);
    const clause = 'Caffeine intake increased short-term memory recall by 12% compared with placebo [1],';
    const sentence = `${clause} while glacier melt rates doubled along the coast and river deltas shrank [2].`;
    const alone = scorer.score(clause, sentences);
    expect(scorer.score(clause, sentences, sentence).score).toBe(alone.score);
    expect(scorer.relevance(clause, sentences, sentence)).toBe(alone.score);
  });

  it('reads the stance on the sentence that says what the claim says of the paper, not the one that names it', () => {
    const kiln = {
      title: 'Tilebridge: adapting kiln schedules with a language model',
      abstract:
        'Tilebridge is a framework in which a language model adapts kiln firing schedules to new clays. It lowers firing defects on four clays. No public code is listed for it.',
    };
    // As in a real library, code is often public; the paper's name is the claim's rarest word.
    const others = ['soil nitrogen cycles', 'glacier melt rates', 'ion channel gating', 'graph coloring bounds'].map(
      (t) => `A study of ${t}. Its code is public and available.`,
    );
    const scorer = new SupportScorer(statisticsOfTexts([`${kiln.title}\n${kiln.abstract}`, ...others]));
    const result = scorer.scorePaper("Tilebridge's code is publicly available.", kiln);
    expect(result.evidence?.text).toBe('No public code is listed for it.');
    expect(result.conflicts).toContain('negation');
    // A claim about what the naming sentence says is still read there.
    expect(scorer.scorePaper('Tilebridge adapts kiln firing schedules to new clays.', kiln)).toMatchObject({
      conflicts: [],
      evidence: {
        text: 'Tilebridge is a framework in which a language model adapts kiln firing schedules to new clays.',
      },
    });
  });
});
