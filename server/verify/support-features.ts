// What the support scorer reads from a claim and its candidate evidence sentences: term coverage
// weighted by IDF, TF-IDF cosines, BM25, phrase (bigram) overlap, numbers, negation and direction of effect.
import { type Cues, cuesOf, missingNumbers } from './claim-cues.ts';
import { countedNumbersOf, numbersCountingElsewhere } from './counted-numbers.ts';
import { clausesOf, type EvidenceClause, EvidenceProfile } from './evidence-profile.ts';
import type { EvidenceSentence } from './evidence-sentences.ts';
import { approximateNumbersOf, roundsToOneOf } from './number-forms.ts';
import { inverseDocumentFrequency, type TermStatistics } from './term-statistics.ts';
import { bagOf, bigramsOf, cosine, type TermVector, tfidf } from './term-vectors.ts';

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
  /** 1 when the claim and the best sentence assert opposite directions of effect. */
  directionMismatch: number;
};

/**
 * The overlap features the stance model weighs beside its cues (a citation that misquotes or
 * oversimplifies its source overlaps it less than one that restates it); the relevance model reads
 * RELEVANCE_FEATURES. The cue features here (numbers, direction) are left to the verdict
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

/** The features the relevance model reads. */
export type RelevanceFeatures = Pick<SupportFeatures, RelevanceFeature>;

/** The relevance model's inputs: the square root of each relevance feature, in RELEVANCE_FEATURES order. */
export function relevanceInputsOf(features: RelevanceFeatures): Record<RelevanceFeature, number> {
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
  counts: ReadonlyMap<string, number>,
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

/** A claim analyzed once, then compared with many candidates. */
export type ClaimProfile = {
  text: string;
  /** IDF of each distinct content term of the claim. */
  weights: Map<string, number>;
  totalWeight: number;
  /** The (at most) three rarest terms with their IDF, rarest first: what the claim is about. */
  keyTerms: ReadonlyArray<[string, number]>;
  /** TF-IDF vector of the claim, unit length. */
  vector: TermVector;
  bigrams: Set<string>;
  cues: Cues;
};

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
    keyTerms: [...weights].sort((a, b) => b[1] - a[1]).slice(0, 3),
    vector: tfidf(bag.counts, statistics),
    bigrams: bigramsOf(bag.terms),
    cues: cuesOf(text),
  };
}

function coverage(claim: ClaimProfile, present: (term: string) => boolean): number {
  if (claim.totalWeight === 0) return 0;
  let found = 0;
  for (const [term, weight] of claim.weights) if (present(term)) found += weight;
  return found / claim.totalWeight;
}

/** The share of the claim's term weight found in one sentence's (or text's) term counts, 0–1. */
export function coverageIn(claim: ClaimProfile, counts: ReadonlyMap<string, number>): number {
  if (claim.totalWeight === 0) return 0;
  let found = 0;
  for (const [term, weight] of claim.weights) if (counts.has(term)) found += weight;
  return found / claim.totalWeight;
}

function coverageInEither(claim: ClaimProfile, a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  if (claim.totalWeight === 0) return 0;
  let found = 0;
  for (const [term, weight] of claim.weights) if (a.has(term) || b.has(term)) found += weight;
  return found / claim.totalWeight;
}

/**
 * The clause of an evidence sentence that shares the most of the claim's weight (where its cues are
 * read); `clauses` are the sentence's clausesOf, when already split.
 */
export function focusClause(
  claim: ClaimProfile,
  sentence: string,
  clauses: readonly EvidenceClause[] = clausesOf(sentence),
): string {
  if (clauses.length <= 1) return sentence;
  let best = sentence;
  let bestCoverage = -1;
  for (const clause of clauses) {
    const covered = coverage(claim, (term) => clause.terms.has(term));
    if (covered > bestCoverage) {
      best = clause.text;
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
  return supportFeaturesOf(claim, new EvidenceProfile(sentences, statistics));
}

/** supportFeatures against candidate sentences already analyzed (the same features). */
export function supportFeaturesOf(claim: ClaimProfile, evidence: EvidenceProfile): FeatureResult {
  const { bags, vectors, sentences } = evidence;
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
    directionMismatch: 0,
  };
  let best = -1;
  for (let i = 0; i < bags.length; i++) {
    const counts = bags[i]!.counts;
    const covered = coverageIn(claim, counts);
    const next = bags[i + 1];
    const window = next ? coverageInEither(claim, counts, next.counts) : covered;
    const cos = cosine(claim.vector, vectors[i]!);
    features.sentenceCoverage = Math.max(features.sentenceCoverage, covered);
    features.windowCoverage = Math.max(features.windowCoverage, window);
    features.sentenceCosine = Math.max(features.sentenceCosine, cos);
    const blended = SENTENCE_BLEND.coverage * covered + SENTENCE_BLEND.cosine * cos;
    sentenceScores.push(blended);
    // Evidence is a sentence of the text, never the title: the title only adds to the coverage features.
    if (sentences[i]!.field !== 'title' && (best < 0 || blended > sentenceScores[best]!)) best = i;
  }
  if (best < 0) return { features, best, sentenceScores };

  const bestSentence = sentences[best]!;
  if (claim.bigrams.size > 0) {
    const bestBigrams = bigramsOf(bags[best]!.terms);
    let shared = 0;
    for (const bigram of claim.bigrams) if (bestBigrams.has(bigram)) shared++;
    features.bigramCoverage = shared / claim.bigrams.size;
  }
  const allCounts = evidence.counts;
  features.documentCoverage = coverageIn(claim, allCounts);
  Object.assign(features, wholeTextRelevance(claim, evidence));
  const titleIndex = evidence.titleIndex;
  if (titleIndex >= 0) features.titleCoverage = coverageIn(claim, bags[titleIndex]!.counts);
  let rarest = 0;
  let rarestMissing = 0;
  for (const [term, weight] of claim.weights) {
    rarest = Math.max(rarest, weight);
    if (!allCounts.has(term)) rarestMissing = Math.max(rarestMissing, weight);
  }
  features.rareMissing = rarest > 0 ? rarestMissing / rarest : 0;
  const key = claim.keyTerms;
  const keyWeight = key.reduce((sum, [, weight]) => sum + weight, 0);
  const keyFound = key.reduce((sum, [term, weight]) => sum + (allCounts.has(term) ? weight : 0), 0);
  features.keyCoverage = keyWeight > 0 ? keyFound / keyWeight : 0;
  if (claim.cues.numbers.length > 0) {
    // A number the claim says is rounded ("about 2") is found where the evidence states it unrounded (1.97).
    const rounded = approximateNumbersOf(claim.text);
    const missing = new Set(
      missingNumbers(claim.cues.numbers, evidence.numbers).filter(
        (n) => !rounded.has(n) || !roundsToOneOf(n, evidence.numbers),
      ),
    );
    // A number that counts something is found only in a sentence that names what it counts.
    const counted = countedNumbersOf(claim.text).filter(({ number }) => !missing.has(number));
    if (counted.length > 0) {
      const named = sentences.map((sentence, i) => ({
        text: sentence.text,
        names: (t: string) => bags[i]!.counts.has(t),
      }));
      for (const number of numbersCountingElsewhere(counted, named)) missing.add(number);
    }
    features.numbersMissing = claim.cues.numbers.filter((n) => missing.has(n)).length / claim.cues.numbers.length;
  }
  const evidenceCues = evidence.cues(focusClause(claim, bestSentence.text, evidence.clauses(best)));
  features.directionMismatch =
    claim.cues.direction !== 0 && evidenceCues.direction !== 0 && claim.cues.direction !== evidenceCues.direction
      ? 1
      : 0;
  return { features, best, sentenceScores };
}

// The relevance features read off the whole text (all but the best sentence's cosine).
function wholeTextRelevance(claim: ClaimProfile, evidence: EvidenceProfile): Omit<RelevanceFeatures, 'sentenceCosine'> {
  const allCounts = evidence.counts;
  const prefixes = evidence.prefixes;
  let rareTotal = 0;
  let rareFound = 0;
  for (const [term, weight] of claim.weights) {
    rareTotal += weight * weight;
    if (allCounts.has(term)) rareFound += weight * weight;
  }
  return {
    documentCosine: cosine(claim.vector, evidence.vector),
    softCoverage: coverage(
      claim,
      (term) => allCounts.has(term) || (term.length >= 5 && prefixes.has(term.slice(0, 5))),
    ),
    abstractCosine: cosine(claim.vector, evidence.abstractVector),
    bm25: bm25Share(claim, allCounts, evidence.length, evidence.statistics),
    rareCoverage: rareTotal > 0 ? rareFound / rareTotal : 0,
  };
}

/**
 * The relevance features alone, as supportFeaturesOf gives them, or null when no candidate is a
 * text sentence (then supportFeaturesOf finds no best sentence).
 */
export function relevanceFeaturesOf(claim: ClaimProfile, evidence: EvidenceProfile): RelevanceFeatures | null {
  if (evidence.sentences.every((s) => s.field === 'title')) return null;
  let sentenceCosine = 0;
  for (const vector of evidence.vectors) sentenceCosine = Math.max(sentenceCosine, cosine(claim.vector, vector));
  return { sentenceCosine, ...wholeTextRelevance(claim, evidence) };
}
