import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type JudgeFit, predict } from '../../../server/eval/judge-fit.ts';
import { productVerdictOf } from '../../../server/eval/product-verdicts.ts';
import { pairRefsOf, pairsOf, sentencesOf, statisticsOfSet } from '../../../server/eval/verify-pairs.ts';
import { loadVerifySet } from '../../../server/eval/verify-sets.ts';
import { createBuiltinJudge } from '../../../server/verify/judge/builtin.judge.ts';
import { RELEVANCE_FEATURES } from '../../../server/verify/support-features.ts';
import { STANCE_INPUTS } from '../../../server/verify/support-scorer.ts';
import { JUDGE_THRESHOLDS, STANCE_MODEL, SUPPORT_MODEL } from '../../../server/verify/support-verdicts.ts';
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
});
