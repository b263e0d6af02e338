// The extractive answer: picks the passage sentences that answer the question (IDF-weighted
// coverage of its words and TF-IDF cosine), drops near-repeats, and orders them by source and position.
// It also decides when the passages do not answer the question at all.
import { terms, tokenize } from '../../indexer/text/analyze.ts';
import { type EvidenceSentence, sentencesOfPassages } from '../verify/evidence-sentences.ts';
import { profileClaim, supportFeatures, tfidfCosine } from '../verify/support-features.ts';
import { inverseDocumentFrequency, type TermStatistics } from '../verify/term-statistics.ts';
import type { NumberedSource } from './answer-sources.ts';

/**
 * Defaults measured with `citelens eval-verify <scifact> --ask <cranfield> <cisi>`: the abstention
 * thresholds keep in-domain abstention near 5–8% while abstaining on about 80% of the other
 * collection's questions; a strong rank weight keeps citations as precise as the top search results.
 */
export const SELECTION_DEFAULTS = {
  maxSentences: 4,
  maxPerSource: 2,
  /** Most distinct sources one answer cites. */
  maxSources: 3,
  /** A sentence whose words match the question less than this share of the best sentence's is left out. */
  minRelativeRelevance: 0.55,
  /** Two sentences more alike than this (TF-IDF cosine) say the same thing; the second is left out. */
  maxSimilarity: 0.6,
  /** Abstain when no passage holds this share of the question's IDF weight. */
  minEvidenceCoverage: 0.1,
  /** Abstain when the words of the question the library knows at all carry less than this share of its IDF weight. */
  minKnownShare: 0.6,
  /** Weight of the source's rank (1 for the first, 0 for the last) added to a sentence's relevance. */
  rankWeight: 1,
};
export type SelectionOptions = typeof SELECTION_DEFAULTS;

// Words that shape a question but say nothing about its topic.
const QUESTION_WORDS =
  /\b(?:what|which|who|whom|whose|when|where|why|how|do|does|did|done|can|could|would|should|may|might|must|shall|much|many|any|some|have|has|had|been|being|know|known|tell|me|us|we|you|i|please|explain|describe|give|show|list|find|there|about|between|other|anything|something|paper|papers|study|studies|article|articles|work|works|research|researchers|authors|proposed|propose|proposes|often|actually|really|exactly|known|kind|kinds|way|ways)\b/giu;

/** The question without its question words: what the evidence must be about. */
export function questionTopic(question: string): string {
  return question.replace(QUESTION_WORDS, ' ').replace(/\s+/gu, ' ').trim();
}

export type ScoredSentence = EvidenceSentence & {
  n: number;
  paperId: string;
  passageId: number;
  /** How well its words match the question: IDF-weighted coverage and TF-IDF cosine. */
  match: number;
  /** match plus the bonus of its source's retrieval rank. */
  relevance: number;
  coverage: number;
};

export type Selection = {
  /** The chosen sentences, in answer order. */
  sentences: ScoredSentence[];
  /** Why the passages do not answer the question, when they do not. */
  abstainReason: string | null;
  /** Best share of the question's IDF weight held by one passage. */
  evidenceCoverage: number;
};

/** Scores every abstract sentence of the sources against the question, best first. */
export function scoreSentences(
  question: string,
  sources: readonly NumberedSource[],
  statistics: TermStatistics,
  options: Pick<SelectionOptions, 'rankWeight'> = SELECTION_DEFAULTS,
): ScoredSentence[] {
  const profile = profileClaim(questionTopic(question) || question, statistics);
  const scored: ScoredSentence[] = [];
  sources.forEach((source, rank) => {
    const rankBonus = sources.length > 1 ? options.rankWeight * (1 - rank / (sources.length - 1)) : options.rankWeight;
    for (const passage of source.passages) {
      if (passage.field !== 'abstract') continue;
      const sentences = sentencesOfPassages([passage]);
      for (const sentence of sentences) {
        const { features } = supportFeatures(profile, [sentence], statistics);
        const match = 0.6 * features.sentenceCoverage + 0.4 * features.sentenceCosine;
        scored.push({
          ...sentence,
          n: source.n,
          paperId: source.paper.id,
          passageId: passage.id,
          coverage: features.sentenceCoverage,
          match,
          relevance: match + rankBonus,
        });
      }
    }
  });
  return scored.sort((a, b) => b.relevance - a.relevance);
}

/** Share of the question's IDF weight carried by words that occur somewhere in the library. */
export function knownShare(question: string, statistics: TermStatistics): { share: number; unknown: string[] } {
  const words = new Map<string, string>();
  for (const token of tokenize(questionTopic(question) || question))
    if (token.term && !words.has(token.term)) words.set(token.term, token.word);
  let total = 0;
  let known = 0;
  const unknown: string[] = [];
  for (const [term, word] of words) {
    const weight = inverseDocumentFrequency(statistics, term);
    total += weight;
    if (statistics.documentFrequency(term) > 0) known += weight;
    else unknown.push(word);
  }
  return { share: total > 0 ? known / total : 0, unknown };
}

/** Best share of the question's IDF weight that one passage (title included) holds. */
export function evidenceCoverage(
  question: string,
  sources: readonly NumberedSource[],
  statistics: TermStatistics,
): number {
  const profile = profileClaim(questionTopic(question) || question, statistics);
  let best = 0;
  for (const source of sources) {
    for (const passage of source.passages) {
      const text = passage.field === 'abstract' ? `${source.paper.title}\n${passage.text}` : passage.text;
      const { features } = supportFeatures(
        profile,
        [{ field: passage.field, start: 0, end: text.length, text }],
        statistics,
      );
      best = Math.max(best, features.sentenceCoverage);
    }
  }
  return best;
}

/** Chooses the sentences of an extractive answer, or explains why there is none. */
export function selectSentences(
  question: string,
  sources: readonly NumberedSource[],
  statistics: TermStatistics,
  options: Partial<SelectionOptions> = {},
): Selection {
  const settings = { ...SELECTION_DEFAULTS, ...options };
  const topicTerms = terms(questionTopic(question) || question);
  const coverage = evidenceCoverage(question, sources, statistics);
  if (topicTerms.length === 0) {
    return {
      sentences: [],
      abstainReason: 'The question has no words to look for (only question and stop words).',
      evidenceCoverage: 0,
    };
  }
  if (sources.length === 0) {
    return { sentences: [], abstainReason: 'No passage in the library matches the question.', evidenceCoverage: 0 };
  }
  const vocabulary = knownShare(question, statistics);
  if (vocabulary.share < settings.minKnownShare) {
    const examples = vocabulary.unknown
      .slice(0, 3)
      .map((w) => `"${w}"`)
      .join(', ');
    return {
      sentences: [],
      abstainReason: `The library holds no answer: much of what the question asks about (${examples}) occurs in none of its papers.`,
      evidenceCoverage: coverage,
    };
  }
  if (coverage < settings.minEvidenceCoverage) {
    return {
      sentences: [],
      abstainReason: `The library holds no answer: the closest passages share almost none of the question's words (${Math.round(coverage * 100)}% of their weight; at least ${Math.round(settings.minEvidenceCoverage * 100)}% is needed).`,
      evidenceCoverage: coverage,
    };
  }
  const candidates = scoreSentences(question, sources, statistics, settings);
  const bestMatch = Math.max(0, ...candidates.map((c) => c.match));
  const chosen: ScoredSentence[] = [];
  const perSource = new Map<number, number>();
  for (const candidate of candidates) {
    if (chosen.length >= settings.maxSentences) break;
    if (candidate.match < settings.minRelativeRelevance * bestMatch) continue;
    if ((perSource.get(candidate.n) ?? 0) >= settings.maxPerSource) continue;
    if (!perSource.has(candidate.n) && perSource.size >= settings.maxSources) continue;
    if (candidate.coverage === 0) continue;
    if (chosen.some((c) => tfidfCosine(c.text, candidate.text, statistics) > settings.maxSimilarity)) continue;
    chosen.push(candidate);
    perSource.set(candidate.n, (perSource.get(candidate.n) ?? 0) + 1);
  }
  chosen.sort((a, b) => a.n - b.n || a.start - b.start);
  return { sentences: chosen, abstainReason: null, evidenceCoverage: coverage };
}
