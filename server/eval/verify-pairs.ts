// The (claim, document) pairs of a claim-verification collection: each cited document and seeded
// random ones, with the judge's features, what its verdict rules read, and the TF-IDF baseline
// computed once per pair.
import { createSeededRandom } from '../../core/seeded-random.ts';
import type { EvidenceSentence } from '../verify/evidence-sentences.ts';
import { RELEVANCE_FEATURES, relevanceInputsOf, tfidfCosine } from '../verify/support-features.ts';
import { STANCE_INPUTS, SupportScorer } from '../verify/support-scorer.ts';
import { statisticsOfTexts, type TermStatistics } from '../verify/term-statistics.ts';
import { checkQuote, type QuoteCheck } from './evidence-quotes.ts';
import { type PairReading, readingOf } from './product-verdicts.ts';
import { VERIFY_EVAL_DEFAULTS } from './verify-eval-defaults.ts';
import type { PairKind } from './verify-figures.ts';
import type { SetDocument, VerifySet } from './verify-sets.ts';

/** One pair's features, computed once. */
export type EvalPair = {
  group: string;
  kind: PairKind;
  /** The document of the pair (which claims of a group share it). */
  docId: string;
  relevance: number[];
  stance: number[];
  /** What the judge's verdict rules read besides its scores (conflicts, unmentioned words). */
  reading: PairReading;
  /** TF-IDF cosine of the claim (its context, when it has one) and the abstract: the baseline. */
  baseline: number;
  /** For evidence with annotated sentences: whether the judge's quote, and TF-IDF's best sentence, is one of them. */
  quoted?: QuoteCheck;
};

/** Whether a pair's document is annotated evidence for its claim (supporting or contradicting). */
export const isEvidence = (pair: EvalPair): boolean => pair.kind === 'support' || pair.kind === 'contradict';

/** One (claim, cited or random document) pair of a collection, before any features; `context` as in SetClaim. */
export type PairRef = {
  claim: string;
  context?: string;
  /** As in SetClaim: other works cited in the judged citation's group. */
  cocited?: number;
  group: string;
  docId: string;
  kind: PairKind;
  rationale?: number[];
};

/** Every pair of a collection: each cited document, plus random documents per claim (seeded). */
export function pairRefsOf(set: VerifySet, options: Partial<typeof VERIFY_EVAL_DEFAULTS> = {}): PairRef[] {
  const { randomPerClaim, seed } = { ...VERIFY_EVAL_DEFAULTS, ...options };
  const random = createSeededRandom(seed).uniform;
  const ids = [...set.documents.keys()].sort();
  const refs: PairRef[] = [];
  for (const claim of set.claims) {
    const cited = claim.cited.filter((c) => set.documents.has(c.docId));
    if (cited.length === 0) continue;
    const read = {
      claim: claim.claim,
      ...(claim.context !== undefined ? { context: claim.context } : {}),
      ...(claim.cocited !== undefined ? { cocited: claim.cocited } : {}),
    };
    for (const { docId, label, rationale } of cited)
      refs.push({ ...read, group: claim.group, docId, kind: label, ...(rationale ? { rationale } : {}) });
    const citedIds = new Set(claim.cited.map((c) => c.docId));
    for (let i = 0; i < randomPerClaim && ids.length > citedIds.size; i++) {
      let docId = ids[Math.floor(random() * ids.length)]!;
      while (citedIds.has(docId)) docId = ids[Math.floor(random() * ids.length)]!;
      refs.push({ ...read, group: claim.group, docId, kind: 'random' });
    }
  }
  return refs;
}

/** The candidate sentences of a collection document: its title, then its abstract sentences. */
export function sentencesOf(document: SetDocument): EvidenceSentence[] {
  const title: EvidenceSentence[] = document.title
    ? [{ field: 'title', start: 0, end: document.title.length, text: document.title }]
    : [];
  return [...title, ...document.sentences];
}

/** Term statistics of a collection's documents (title and abstract). */
export function statisticsOfSet(set: VerifySet): TermStatistics {
  return statisticsOfTexts([...set.documents.values()].map((d) => `${d.title}\n${d.abstract}`));
}

/** Every pair of a collection with its features, computed once. */
export function pairsOf(set: VerifySet, options: Partial<typeof VERIFY_EVAL_DEFAULTS> = {}): EvalPair[] {
  const statistics = statisticsOfSet(set);
  const scorer = new SupportScorer(statistics);
  return pairRefsOf(set, options).map(({ claim, context, cocited, group, docId, kind, rationale }) => {
    const document = set.documents.get(docId)!;
    // One list for both reads, so the scorer analyzes the document once.
    const sentences = sentencesOf(document);
    const result = scorer.score(claim, sentences, context, cocited);
    const evidence = kind === 'support' || kind === 'contradict';
    return {
      group,
      kind,
      docId,
      relevance: ((inputs) => RELEVANCE_FEATURES.map((name) => inputs[name]))(
        relevanceInputsOf(result.relevanceFeatures),
      ),
      stance: STANCE_INPUTS.map((name) => ({ ...result.features, ...result.stance })[name]),
      // Read at any score: a refitted relevance threshold may rank the pair relevant where the shipped one did not.
      reading: readingOf(result, result.score > 0 ? scorer.unaddressed(claim, sentences) : result.unaddressed),
      baseline: tfidfCosine(context ?? claim, document.abstract, statistics),
      ...(evidence && rationale ? { quoted: checkQuote(claim, document, rationale, result.evidence, statistics) } : {}),
    };
  });
}
