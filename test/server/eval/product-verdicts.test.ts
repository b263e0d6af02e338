import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type JudgeFit, predict } from '../../../server/eval/judge-fit.ts';
import { productVerdictOf } from '../../../server/eval/product-verdicts.ts';
import { type EvalPair, pairRefsOf, pairsOf, sentencesOf, statisticsOfSet } from '../../../server/eval/verify-pairs.ts';
import { loadVerifySet } from '../../../server/eval/verify-sets.ts';
import { createBuiltinJudge } from '../../../server/verify/judge/builtin.judge.ts';
import { emptyStanceFeatures } from '../../../server/verify/judge/stance-features.ts';
import { RELEVANCE_FEATURES } from '../../../server/verify/support-features.ts';
import { STANCE_INPUTS } from '../../../server/verify/support-scorer.ts';
import {
  JUDGE_THRESHOLDS,
  judgeVerdictOf,
  STANCE_MODEL,
  SUPPORT_MODEL,
} from '../../../server/verify/support-verdicts.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { writeClaimCollection } from './claim-collection.ts';

// The shipped weights as a fit, so the evaluation's verdicts can be set beside the judge's own.
const SHIPPED: JudgeFit = {
  relevance: { bias: SUPPORT_MODEL.bias, weights: RELEVANCE_FEATURES.map((name) => SUPPORT_MODEL.weights[name]) },
  stance: { bias: STANCE_MODEL.bias, weights: STANCE_INPUTS.map((name) => STANCE_MODEL.weights[name]) },
  thresholds: { relevant: JUDGE_THRESHOLDS.relevant, contradicted: JUDGE_THRESHOLDS.contradicted },
};

// Claims on the collection's topics that name a setting no abstract mentions, and one with no
// content word at all, beside the collection's own.
function writeCollection(dir: string): void {
  writeClaimCollection(dir);
  const claims = [
    { id: 900, claim: 'Caffeine raised memory among Kyoto origami ceramicists.', evidence: {}, cited_doc_ids: [1] },
    { id: 901, claim: 'Exercise lowered mood in the Mobile Taobao app.', evidence: {}, cited_doc_ids: [8] },
    { id: 902, claim: 'It was so.', evidence: {}, cited_doc_ids: [2] },
  ];
  fs.appendFileSync(path.join(dir, 'claims_train.jsonl'), `${claims.map((c) => JSON.stringify(c)).join('\n')}\n`);
}

// A fold's fit whose stance model reads only the grouped-citation prior (+3) against a bias of −1,
// and finds every pair relevant.
const GROUPED = STANCE_INPUTS.indexOf('groupedCitation');
const PRIOR_FIT: JudgeFit = {
  relevance: { bias: 3, weights: RELEVANCE_FEATURES.map(() => 0) },
  stance: { bias: -1, weights: STANCE_INPUTS.map((_, i) => (i === GROUPED ? 3 : 0)) },
  thresholds: { relevant: 0.5, contradicted: 0.5 },
};
const THRESHOLDS = { relevant: 0.5, supported: 0.5, contradicted: 0.5 };

// A relevant citation, one of a group, with a conflict the judge names, leaning to contradiction by `lean`.
function groupedPair(lean = 0): EvalPair {
  return {
    group: 'g',
    kind: 'contradict',
    docId: 'd',
    relevance: RELEVANCE_FEATURES.map(() => 0),
    stance: STANCE_INPUTS.map((name, i) => (i === GROUPED ? 1 : name === 'directionConflict' ? lean : 0)),
    reading: {
      scored: true,
      evidence: { field: 'abstract', start: 0, end: 10, text: 'A finding.' },
      conflicts: ['direction'],
      unaddressed: { words: [], share: 0, claimTerms: 4 },
    },
    baseline: 0.3,
  };
}

describe('product-verdicts', () => {
  it('gives every pair the verdict the built-in judge gives it under the same weights', () => {
    const dir = tempDir();
    writeCollection(dir);
    const set = loadVerifySet(dir);
    const refs = pairRefsOf(set, { randomPerClaim: 1 });
    const pairs = pairsOf(set, { randomPerClaim: 1 });
    const judge = createBuiltinJudge(statisticsOfSet(set));
    const shipped = refs.map(({ claim, context, docId }) =>
      judge.judgeNow(claim, sentencesOf(set.documents.get(docId)!), context),
    );
    const evaluated = pairs.map((pair) => productVerdictOf(predict(SHIPPED, pair), pair.reading, JUDGE_THRESHOLDS));
    expect(evaluated).toEqual(shipped.map((judgement) => judgement.verdict));
    // The rules are at work here: a contradiction the judge names, and unmentioned words.
    expect(evaluated).toContain('contradicted');
    expect(shipped.some((judgement) => judgement.unmentioned !== undefined)).toBe(true);
  });

  it('gives every citation of a group the verdict the built-in judge gives it under the same weights', () => {
    const dir = tempDir();
    writeCollection(dir);
    const loaded = loadVerifySet(dir);
    // Every claim read as one citation of a group, so the grouped-citation prior is read.
    const set = { ...loaded, claims: loaded.claims.map((claim) => ({ ...claim, cocited: 2 })) };
    const refs = pairRefsOf(set, { randomPerClaim: 1 });
    const pairs = pairsOf(set, { randomPerClaim: 1 });
    const judge = createBuiltinJudge(statisticsOfSet(set));
    const shipped = refs.map(({ claim, context, cocited, docId }) =>
      judge.judgeNow(claim, sentencesOf(set.documents.get(docId)!), context, cocited),
    );
    const evaluated = pairs.map((pair) => productVerdictOf(predict(SHIPPED, pair), pair.reading, JUDGE_THRESHOLDS));
    expect(evaluated).toEqual(shipped.map((judgement) => judgement.verdict));
  });

  it('reads the unmentioned words of a pair below the shipped relevance threshold too, for a refitted one', () => {
    const dir = tempDir();
    writeCollection(dir);
    const set = loadVerifySet(dir);
    const scorer = createBuiltinJudge(statisticsOfSet(set)).scorer;
    const refs = pairRefsOf(set, { randomPerClaim: 1 });
    const pairs = pairsOf(set, { randomPerClaim: 1 });
    const below = refs.flatMap((ref, i) => {
      const result = scorer.score(ref.claim, sentencesOf(set.documents.get(ref.docId)!), ref.context);
      return result.score > 0 && result.score < JUDGE_THRESHOLDS.relevant ? [{ result, pair: pairs[i]! }] : [];
    });
    expect(below.length).toBeGreaterThan(0);
    for (const { result } of below) expect(result.unaddressed.words).toEqual([]);
    expect(below.some(({ pair }) => pair.reading.unaddressed.words.length > 0)).toBe(true);
  });

  it('does not count a grouped citation contradicted where only the prior carries the contradiction past the threshold', () => {
    const pair = groupedPair();
    const scores = predict(PRIOR_FIT, pair);
    // With the prior the fold's contradiction crosses the threshold; without it, it does not.
    expect(scores.contradiction / scores.relevance).toBeGreaterThan(THRESHOLDS.contradicted);
    expect(productVerdictOf(scores, pair.reading, THRESHOLDS)).not.toBe('contradicted');
  });

  it('counts a grouped citation contradicted where it contradicts without the prior too', () => {
    const fit: JudgeFit = {
      ...PRIOR_FIT,
      stance: {
        ...PRIOR_FIT.stance,
        weights: STANCE_INPUTS.map((name, i) => (i === GROUPED ? 3 : name === 'directionConflict' ? 2 : 0)),
      },
    };
    const pair = groupedPair(1);
    expect(productVerdictOf(predict(fit, pair), pair.reading, THRESHOLDS)).toBe('contradicted');
  });

  it('gives the verdict the built-in judge gives from the same scores and prior-free reading', () => {
    const pair = groupedPair();
    const scores = predict(PRIOR_FIT, pair);
    const product = judgeVerdictOf(
      {
        score: scores.relevance,
        support: scores.support,
        contradiction: scores.contradiction,
        priorFreeContradiction: scores.priorFreeContradiction!,
        conflicts: pair.reading.conflicts,
        evidence: pair.reading.evidence,
        unaddressed: pair.reading.unaddressed,
        stance: emptyStanceFeatures(),
        antonymCoverage: 0,
      },
      THRESHOLDS,
    );
    expect(productVerdictOf(scores, pair.reading, THRESHOLDS)).toBe(product);
  });
});
