// What the support scorer reads from a claim and its candidate evidence sentences: term coverage
// weighted by IDF, TF-IDF cosines, BM25, phrase (bigram) overlap, numbers, negation and direction of effect.
import { terms } from '../../indexer/text/analyze.ts';
import { type Cues, cuesOf, missingNumbers, numbersOf } from './claim-cues.ts';
import type { EvidenceSentence } from './evidence-sentences.ts';
import { inverseDocumentFrequency, type TermStatistics } from './term-statistics.ts';

/** The features of one claim against one set of candidate sentences (a paper, or cited passages). */
export type SupportFeatures = {
  /** Best share of the claim's IDF weight found in one sentence. */
  sentenceCoverage: number;
  /** Best share found in two adjacent sentences (claims often join two findings). */
  windowCoverage: number;
  /** Best TF-IDF cosine between the claim and one sentence. */
  sentenceCosine: number;
  /** Share of the claim's adjacent term pairs that occur adjacent in the best sentence. */
  bigramCoverage: number;
  /** Share of the claim's IDF weight found anywhere in the candidates. */
  documentCoverage: number;
  /** TF-IDF cosine between the claim and all candidates together (the topic-overlap baseline). */
  documentCosine: number;
  /** Share of the claim's IDF weight found in the title. */
  titleCoverage: number;
  /** IDF of the rarest claim term missing from all candidates, over the IDF of the rarest claim term. */
  rareMissing: number;
  /** Share of the weight of the claim's three rarest terms (what it is about) found in the candidates. */
  keyCoverage: number;
  /** documentCoverage where a term also counts when a candidate term shares its first five letters. */
  softCoverage: number;
  /** TF-IDF cosine between the claim and the text sentences without the title. */
  abstractCosine: number;
  /** BM25 of the claim against all candidates (the library's IDF and mean length), over the most it could score. */
  bm25: number;
  /** documentCoverage weighting each term by its squared IDF (rare, specific terms count most). */
  rareCoverage: number;
  /** Share of the claim's numbers found nowhere in the candidates (0 when the claim has none). */
  numbersMissing: number;
  /** 1 when the best sentence is negated and the claim is not, or the other way round. */
  negationMismatch: number;
  /** 1 when the claim and the best sentence assert opposite directions of effect. */
  directionMismatch: number;
};

/**
 * The overlap features the stance model weighs beside its cues (a citation that misquotes or
 * oversimplifies its source overlaps it less than one that restates it); the relevance model reads
 * RELEVANCE_FEATURES. The cue features here (numbers, negation, direction) are left to the verdict
 * rules: they do not separate evidence from non-evidence, and a contradicting paper is still the
 * paper that bears on the claim.
 */
export const FEATURE_NAMES = [
  'sentenceCoverage',
  'windowCoverage',
  'sentenceCosine',
  'bigramCoverage',
  'documentCoverage',
  'documentCosine',
  'titleCoverage',
  'rareMissing',
  'softCoverage',
  'keyCoverage',
] as const satisfies ReadonlyArray<keyof SupportFeatures>;

/**
 * What the relevance model reads, each through its square root: the topic overlaps that hold across
 * collections (TF-IDF cosines of the whole text, the text without its title and the best sentence;
 * BM25 with the library's statistics; coverage weighted towards rare terms and by word stems). The
 * root lets a logistic model weigh the first shared specific terms more than the last, which is
 * what separates a paper on the claim from one merely on its field. Fewer, transferable inputs:
 * the coverage and title features fitted on one collection misjudged the others (README).
 */
export const RELEVANCE_FEATURES = [
  'abstractCosine',
  'documentCosine',
  'sentenceCosine',
  'bm25',
  'rareCoverage',
  'softCoverage',
] as const satisfies ReadonlyArray<keyof SupportFeatures>;

export type RelevanceFeature = (typeof RELEVANCE_FEATURES)[number];

/** The relevance model's inputs: the square root of each relevance feature, in RELEVANCE_FEATURES order. */
export function relevanceInputsOf(features: SupportFeatures): Record<RelevanceFeature, number> {
  const inputs = {} as Record<RelevanceFeature, number>;
  for (const name of RELEVANCE_FEATURES) inputs[name] = Math.sqrt(Math.max(0, features[name]));
  return inputs;
}

/** BM25's parameters (Lucene's defaults, as keyword search uses). */
const BM25 = { k1: 1.2, b: 0.75 } as const;

/**
 * BM25 of the claim's terms against a bag of terms (length-normalized by the library's mean paper
 * length when the statistics have it), over the most the same terms could score, each at
 * saturation: 0–1, comparable across claims of different lengths.
 */
function bm25Share(
  claim: ClaimProfile,
  counts: Map<string, number>,
  length: number,
  statistics: TermStatistics,
): number {
  const lengthRatio = statistics.averageLength ? length / statistics.averageLength : 1;
  const norm = BM25.k1 * (1 - BM25.b + BM25.b * lengthRatio);
  let score = 0;
  let most = 0;
  for (const [term, weight] of claim.weights) {
    const tf = counts.get(term) ?? 0;
    score += (weight * tf * (BM25.k1 + 1)) / (tf + norm);
    most += weight * (BM25.k1 + 1);
  }
  return most > 0 ? score / most : 0;
}

/** How the best evidence sentence is chosen: a blend of IDF-weighted coverage and TF-IDF cosine. */
export const SENTENCE_BLEND = { coverage: 0.6, cosine: 0.4 } as const;

type Bag = { counts: Map<string, number>; bigrams: Set<string> };

function bagOf(text: string): Bag {
  const list = terms(text);
  const counts = new Map<string, number>();
  for (const term of list) counts.set(term, (counts.get(term) ?? 0) + 1);
  const bigrams = new Set<string>();
  for (let i = 1; i < list.length; i++) bigrams.add(`${list[i - 1]} ${list[i]}`);
  return { counts, bigrams };
}

/** A claim analyzed once, then compared with many candidates. */
export type ClaimProfile = {
  text: string;
  /** IDF of each distinct content term of the claim. */
  weights: Map<string, number>;
  totalWeight: number;
  /** TF-IDF vector of the claim, unit length. */
  vector: Map<string, number>;
  bigrams: Set<string>;
  cues: Cues;
};

function tfidf(counts: Map<string, number>, statistics: TermStatistics): Map<string, number> {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * inverseDocumentFrequency(statistics, term);
    vector.set(term, weight);
    norm += weight * weight;
  }
  if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / Math.sqrt(norm));
  return vector;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/** Plain TF-IDF cosine of two texts (sublinear tf, the library's IDF): the topic-overlap baseline. */
export function tfidfCosine(a: string, b: string, statistics: TermStatistics): number {
  return cosine(tfidf(bagOf(a).counts, statistics), tfidf(bagOf(b).counts, statistics));
}

/** Analyzes a claim against the library's term statistics. */
export function profileClaim(text: string, statistics: TermStatistics): ClaimProfile {
  const bag = bagOf(text);
  const weights = new Map<string, number>();
  let totalWeight = 0;
  for (const term of bag.counts.keys()) {
    const weight = inverseDocumentFrequency(statistics, term);
    weights.set(term, weight);
    totalWeight += weight;
  }
  return {
    text,
    weights,
    totalWeight,
    vector: tfidf(bag.counts, statistics),
    bigrams: bag.bigrams,
    cues: cuesOf(text),
  };
}

function coverage(claim: ClaimProfile, present: (term: string) => boolean): number {
  if (claim.totalWeight === 0) return 0;
  let found = 0;
  for (const [term, weight] of claim.weights) if (present(term)) found += weight;
  return found / claim.totalWeight;
}

// Clauses of a sentence: "X has no effect on Y, whereas Z raises W" holds two findings.
const CLAUSE_BREAK =
  /[;:]\s+|,?\s+(?:whereas|while|but|although|though|yet|however)\s+|,\s+(?:so|thus|hence|which means)\s+/giu;

/** The clause of an evidence sentence that shares the most of the claim's weight (where its cues are read). */
export function focusClause(claim: ClaimProfile, sentence: string): string {
  const clauses = sentence.split(CLAUSE_BREAK).filter((c) => c.trim());
  if (clauses.length <= 1) return sentence;
  let best = sentence;
  let bestCoverage = -1;
  for (const clause of clauses) {
    const present = new Set(terms(clause));
    const covered = coverage(claim, (term) => present.has(term));
    if (covered > bestCoverage) {
      best = clause;
      bestCoverage = covered;
    }
  }
  return best;
}

/** The features, and the index of the best evidence sentence (-1 when no candidate is a text sentence). */
export type FeatureResult = { features: SupportFeatures; best: number; sentenceScores: number[] };

/** Compares a claim with candidate sentences (all from one paper, or from the passages it is cited to). */
export function supportFeatures(
  claim: ClaimProfile,
  sentences: readonly EvidenceSentence[],
  statistics: TermStatistics,
): FeatureResult {
  const bags = sentences.map((s) => bagOf(s.text));
  const sentenceScores: number[] = [];
  const features: SupportFeatures = {
    sentenceCoverage: 0,
    windowCoverage: 0,
    sentenceCosine: 0,
    bigramCoverage: 0,
    documentCoverage: 0,
    documentCosine: 0,
    titleCoverage: 0,
    rareMissing: 0,
    softCoverage: 0,
    keyCoverage: 0,
    abstractCosine: 0,
    bm25: 0,
    rareCoverage: 0,
    numbersMissing: 0,
    negationMismatch: 0,
    directionMismatch: 0,
  };
  let best = -1;
  bags.forEach((bag, i) => {
    const covered = coverage(claim, (term) => bag.counts.has(term));
    const next = bags[i + 1];
    const window = next ? coverage(claim, (term) => bag.counts.has(term) || next.counts.has(term)) : covered;
    const cos = cosine(claim.vector, tfidf(bag.counts, statistics));
    features.sentenceCoverage = Math.max(features.sentenceCoverage, covered);
    features.windowCoverage = Math.max(features.windowCoverage, window);
    features.sentenceCosine = Math.max(features.sentenceCosine, cos);
    const blended = SENTENCE_BLEND.coverage * covered + SENTENCE_BLEND.cosine * cos;
    sentenceScores.push(blended);
    // Evidence is a sentence of the text, never the title: the title only adds to the coverage features.
    if (sentences[i]!.field !== 'title' && (best < 0 || blended > sentenceScores[best]!)) best = i;
  });
  if (best < 0) return { features, best, sentenceScores };

  const bestBag = bags[best]!;
  const bestSentence = sentences[best]!;
  if (claim.bigrams.size > 0) {
    let shared = 0;
    for (const bigram of claim.bigrams) if (bestBag.bigrams.has(bigram)) shared++;
    features.bigramCoverage = shared / claim.bigrams.size;
  }
  const allCounts = new Map<string, number>();
  for (const bag of bags)
    for (const [term, count] of bag.counts) allCounts.set(term, (allCounts.get(term) ?? 0) + count);
  features.documentCoverage = coverage(claim, (term) => allCounts.has(term));
  features.documentCosine = cosine(claim.vector, tfidf(allCounts, statistics));
  const titleIndex = sentences.findIndex((s) => s.field === 'title');
  if (titleIndex >= 0) features.titleCoverage = coverage(claim, (term) => bags[titleIndex]!.counts.has(term));
  let rarest = 0;
  let rarestMissing = 0;
  for (const [term, weight] of claim.weights) {
    rarest = Math.max(rarest, weight);
    if (!allCounts.has(term)) rarestMissing = Math.max(rarestMissing, weight);
  }
  features.rareMissing = rarest > 0 ? rarestMissing / rarest : 0;
  const key = [...claim.weights].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const keyWeight = key.reduce((sum, [, weight]) => sum + weight, 0);
  const keyFound = key.reduce((sum, [term, weight]) => sum + (allCounts.has(term) ? weight : 0), 0);
  features.keyCoverage = keyWeight > 0 ? keyFound / keyWeight : 0;
  const prefixes = new Set<string>();
  for (const term of allCounts.keys()) if (term.length >= 5) prefixes.add(term.slice(0, 5));
  features.softCoverage = coverage(
    claim,
    (term) => allCounts.has(term) || (term.length >= 5 && prefixes.has(term.slice(0, 5))),
  );
  if (claim.cues.numbers.length > 0) {
    const everywhere = sentences.flatMap((s) => numbersOf(s.text));
    features.numbersMissing = missingNumbers(claim.cues.numbers, everywhere).length / claim.cues.numbers.length;
  }
  const abstractCounts = new Map<string, number>();
  let length = 0;
  bags.forEach((bag, i) => {
    if (sentences[i]!.field === 'title') return;
    for (const [term, count] of bag.counts) abstractCounts.set(term, (abstractCounts.get(term) ?? 0) + count);
  });
  for (const count of allCounts.values()) length += count;
  features.abstractCosine = cosine(claim.vector, tfidf(abstractCounts, statistics));
  features.bm25 = bm25Share(claim, allCounts, length, statistics);
  let rareTotal = 0;
  let rareFound = 0;
  for (const [term, weight] of claim.weights) {
    rareTotal += weight * weight;
    if (allCounts.has(term)) rareFound += weight * weight;
  }
  features.rareCoverage = rareTotal > 0 ? rareFound / rareTotal : 0;
  const evidenceCues = cuesOf(focusClause(claim, bestSentence.text));
  features.negationMismatch = evidenceCues.negated !== claim.cues.negated ? 1 : 0;
  features.directionMismatch =
    claim.cues.direction !== 0 && evidenceCues.direction !== 0 && claim.cues.direction !== evidenceCues.direction
      ? 1
      : 0;
  return { features, best, sentenceScores };
}
