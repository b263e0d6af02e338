// The extractive answer's settings (SELECTION_DEFAULTS, each with where its number came from) and
// how the share of key concepts a question needs falls with its length.

/**
 * Defaults. The abstention threshold (minConceptCoverage) is fitted on data:
 * `citelens eval-ask $EVAL/pubmedqa --off-topic $EVAL/cranfield $EVAL/cisi`
 * fits it per fold (k-fold by question) to answer 98% of the training questions while abstaining
 * most on the other collections' questions; the folds gave 0.354 ± 0.015. How it falls for long
 * questions (coverageLengthPivot) was chosen by a 5-fold study (bench/answer-study/). The other
 * settings were set by hand on composed examples (test/server/answer/composed-libraries.ts).
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
  /** Abstain when no source holds this share of the question's key concepts (weighted by rarity) in one passage. */
  minConceptCoverage: 0.35,
  /**
   * A question with more key concepts than this needs a share that falls with the square root of
   * their number (see `lengthAllowance`). Chosen by a 5-fold study over questions
   * (bench/answer-study/long-questions.mts), not by the eval-ask fit.
   */
  coverageLengthPivot: 8,
  /** Abstain when words no paper uses carry more than this share of the question's key-concept weight. */
  maxUnknownShare: 0.4,
  /** Sources holding less than this share of the best source's concept coverage are not quoted. */
  minRelativeSourceCoverage: 0.8,
  /** The same cut for the first retrieved source (set by hand: PubMedQA's sources the old cut left out held 0.7 of the best). */
  minRelativeFirstSourceCoverage: 0.6,
  /** Weight of the share of the question's key concepts a sentence contains, added to its relevance. */
  conceptWeight: 0.5,
  /** Weight of a sentence carrying the kind of answer the question asks for (a quantity, a date…). */
  shapeWeight: 0.4,
  /**
   * Weight of a sentence stating the relation the question asks ("encodes" for "What does the FIB gene
   * encode?", asked-relation.ts), as shapeWeight (set by hand on qa-a3's open half).
   */
  relationWeight: 0.4,
  /**
   * A "which" question whose kind of thing no paper mentions is answered only by a paper holding at
   * least this share of the question's other key concepts (set by hand, not fitted).
   */
  minCoverageBesideKind: 0.7,
  /**
   * A run of English words no paper uses, written as a part of something the question names ("Do
   * RAG systems leak their knowledge base?"), counts as one unknown word only when one paper holds
   * at least this share of the question's other key concepts (set by hand, as minCoverageBesideKind).
   */
  minCoverageBesidePhrase: 0.7,
  /**
   * An answer quoting two papers that each hold a part of the question the other lacks (at least
   * minUnconnectedPart of its key-concept weight each, minUnconnectedTogether together) says that no
   * paper connects the parts, when no source holds maxConnectedCoverage of the question. Set by hand
   * on composed examples (test/server/answer/library-gaps.test.ts); of the 755 answers to the eval
   * sets' own questions (PubMedQA 492, Cranfield 214, CISI 49) they flag one, whose source paper
   * words half the question otherwise ("Do hospitals provide lower quality care on weekends?").
   */
  maxConnectedCoverage: 0.6,
  minUnconnectedPart: 0.3,
  minUnconnectedTogether: 0.9,
  /** Closest papers listed with an abstention. */
  closestPapers: 3,
  /** Weight of the source's rank (1 for the first, 0 for the last) added to a sentence's relevance. */
  rankWeight: 1,
};
/** The settings of `selectSentences` (see SELECTION_DEFAULTS). */
export type SelectionOptions = typeof SELECTION_DEFAULTS;

/**
 * How much of `minConceptCoverage` a question of this many key concepts needs: 1 up to the pivot,
 * then √(pivot / concepts). A long question ("What problems are there in making up descriptive
 * titles? What difficulties…") asks several things and names words in passing ("presently",
 * "ordinary"), so one passage that answers part of it holds a smaller share of it; a fixed share
 * refused almost every question of over 25 key concepts. Off-topic questions of any length hold
 * far less (README, "Answers").
 */
export function lengthAllowance(concepts: number, pivot = SELECTION_DEFAULTS.coverageLengthPivot): number {
  return concepts > pivot ? Math.sqrt(pivot / concepts) : 1;
}
