// The extractive answer: picks the passage sentences that answer the question (IDF-weighted
// coverage of its words and key concepts, TF-IDF cosine, and the kind of answer it asks for) among
// sentences that stand on their own, from the sources that hold the question's key concepts;
// drops near-repeats and orders them by source and position. It also decides when the passages do
// not answer the question at all: when no source holds enough of its key concepts.
import { type EvidenceSentence, sentencesOfPassages } from '../verify/evidence-sentences.ts';
import { profileClaim, supportFeatures, tfidfCosine } from '../verify/support-features.ts';
import type { TermStatistics } from '../verify/term-statistics.ts';
import type { ClosestPaper } from './answer.schema.ts';
import type { NumberedSource } from './answer-sources.ts';
import { libraryGap, unconnectedNotice } from './library-gaps.ts';
import { sentencesNamingPaper } from './paper-pronouns.ts';
import { conceptCoverage, conceptForms, conceptNames, questionConcepts } from './question-concepts.ts';
import { answerShape, questionType } from './question-type.ts';
import {
  namesAny,
  namesOfOthers,
  selfNamedTitleNames,
  sourceCoverage,
  titleNamesOf,
  unconnectedParts,
} from './source-coverage.ts';
import { standaloneProblem, withoutConnective } from './standalone-sentence.ts';

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
   * A "which" question whose kind of thing no paper mentions is answered only by a paper holding at
   * least this share of the question's other key concepts (set by hand, not fitted).
   */
  minCoverageBesideKind: 0.7,
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
export type SelectionOptions = typeof SELECTION_DEFAULTS;

const NEGATED = /\b(?:not|no|never|neither|nor|without|unchanged|failed to|did not|does not|was not|were not)\b/iu;

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
  /** The sentence as the answer writes it: its text, with a pronoun for its paper written as "[Name]". */
  wording: string;
  /** How well its words match the question: IDF-weighted coverage and TF-IDF cosine. */
  match: number;
  /** match plus the bonus of its source's retrieval rank. */
  relevance: number;
  coverage: number;
  /** Share of the question's key concepts (by surface form) the sentence itself contains. */
  concepts: number;
};

export type Selection = {
  /** The chosen sentences, in answer order. */
  sentences: ScoredSentence[];
  /** Why the passages do not answer the question, when they do not. */
  abstainReason: string | null;
  /** Best share of the question's key concepts (weighted by rarity) held by one passage. */
  conceptCoverage: number;
  /** How many key concepts the question has. */
  conceptCount: number;
  /** The sources closest to the question, best first, with their concept coverage. */
  closest: ClosestPaper[];
  /** For an answer quoting papers that each hold a part of the question, that no paper connects them (unconnectedNotice). */
  unconnected?: string;
};

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
    const naming = sentencesNamingPaper(source.paper);
    for (const passage of source.passages) {
      if (passage.field !== 'abstract') continue;
      const sentences = sentencesOfPassages([passage]);
      for (const sentence of sentences) {
        const wording = naming.get(sentence.start) ?? withoutConnective(sentence.text);
        const { features } = supportFeatures(profile, [{ ...sentence, text: wording }], statistics);
        const match = 0.6 * features.sentenceCoverage + 0.4 * features.sentenceCosine;
        scored.push({
          ...sentence,
          n: source.n,
          paperId: source.paper.id,
          passageId: passage.id,
          wording,
          coverage: features.sentenceCoverage,
          concepts: 0,
          match,
          relevance: match + rankBonus,
        });
      }
    }
  });
  return scored.sort((a, b) => b.relevance - a.relevance);
}

/** Chooses the sentences of an extractive answer, or explains why there is none. */
export function selectSentences(
  question: string,
  sources: readonly NumberedSource[],
  statistics: TermStatistics,
  options: Partial<SelectionOptions> = {},
  conceptStatistics?: TermStatistics,
): Selection {
  const settings = { ...SELECTION_DEFAULTS, ...options };
  const concepts = questionConcepts(question, statistics, conceptStatistics);
  const none = { sentences: [], conceptCoverage: 0, conceptCount: concepts.length, closest: [] };
  if (concepts.length === 0) {
    return { ...none, abstainReason: 'The question has no words to look for (only question and stop words).' };
  }
  if (sources.length === 0) return { ...none, abstainReason: 'No passage in the library matches the question.' };
  const titleNames = titleNamesOf(concepts, sources);
  const othersNames = namesOfOthers(titleNames);
  const covered = sourceCoverage(concepts, sources, othersNames);
  // A paper that holds none of the question's key concepts is not close to it, only retrieved.
  const closest = covered
    .filter(({ coverage }) => coverage > 0)
    .sort((a, b) => b.coverage - a.coverage)
    .slice(0, settings.closestPapers)
    .map(({ source, coverage, missing }) => ({
      paperId: source.paper.id,
      title: source.paper.title,
      score: Math.round(coverage * 1000) / 1000,
      missing: conceptNames(missing),
    }));
  const best = Math.max(...covered.map((c) => c.coverage));
  const conceptCount = concepts.length;
  const abstaining = (abstainReason: string): Selection => ({
    sentences: [],
    conceptCoverage: best,
    conceptCount,
    closest,
    abstainReason,
  });
  const needed = settings.minConceptCoverage * lengthAllowance(conceptCount, settings.coverageLengthPivot);
  const gap = libraryGap(question, concepts, covered, { ...settings, needed });
  if (gap !== null) return abstaining(gap);
  // Sources holding nearly as much of the question as the best one; the first retrieved source with
  // a looser cut: retrieval (which reads whole passages, by meaning too) ranked it first, and
  // concept coverage alone misses what a paper words differently ("contextual" for "context"). When
  // the question asks about a paper by the name its title gives ("NeWTral"), only those that name
  // it: a paper that never names NeWTral does not answer for it, however much else it shares.
  const close = covered.filter(
    (c, rank) =>
      c.coverage >= (rank === 0 ? settings.minRelativeFirstSourceCoverage : settings.minRelativeSourceCoverage) * best,
  );
  const named = [...new Set(close.flatMap((c) => titleNames.get(c.source.n) ?? []))];
  const eligible = new Set(close.filter((c) => named.length === 0 || namesAny(c.source, named)).map((c) => c.source.n));
  // Every sentence of a paper that names itself ("AgenticPrecoding coordinates…" under the title
  // "AgenticPrecoding") speaks of the names its title gives, so a name the question asks about does
  // not set one of its sentences above another: what else it asks does. In a paper that does not
  // open with its name, a name in its title ("COPI" in "The COPI complex regulates lipid storage") is
  // its topic, held only by the sentences that write it.
  const selfNamed = selfNamedTitleNames(sources, titleNames);
  const formsInPaper = (candidate: ScoredSentence) => {
    const forms = conceptForms(candidate.wording);
    for (const name of selfNamed.get(candidate.n) ?? []) forms.add(name.form);
    return forms;
  };
  const type = questionType(question);
  // Papers written all in lower case, whose sentences cannot be told from fragments by their first letter.
  const caseless = new Set(sources.filter((s) => !/\p{Lu}/u.test(s.paper.abstract)).map((s) => s.n));
  // Sentences holding nothing of the question but the name their paper's title gives, and the sources
  // with a sentence holding more of it.
  const onlyNames = new Set<ScoredSentence>();
  const answersMore = new Set<number>();
  const scored = scoreSentences(question, sources, statistics, settings).filter((candidate) => {
    if (!eligible.has(candidate.n)) return false;
    if (standaloneProblem(candidate.wording, { caseless: caseless.has(candidate.n) }) !== null) return false;
    const others = othersNames.get(candidate.n);
    const asked = others ? concepts.filter((c) => !others.has(c.form)) : concepts;
    candidate.concepts = conceptCoverage(asked, formsInPaper(candidate));
    if (candidate.concepts === 0) return false;
    const names = new Set((selfNamed.get(candidate.n) ?? []).map((c) => c.form));
    if (names.size > 0) {
      const rest = asked.filter((c) => !names.has(c.form));
      if (conceptCoverage(rest, conceptForms(candidate.wording)) > 0) answersMore.add(candidate.n);
      else onlyNames.add(candidate);
    }
    const shape = answerShape(type, candidate.wording);
    candidate.match += settings.conceptWeight * candidate.concepts + settings.shapeWeight * shape;
    candidate.relevance += settings.conceptWeight * candidate.concepts + settings.shapeWeight * shape;
    return true;
  });
  // "What datasets is PACZero evaluated on?": "PACZero provides zeroth-order mechanisms…" names the
  // paper and says nothing of datasets; when another of its sentences holds what else the question
  // asks ("The mechanisms are evaluated on SST-2…"), it is left out.
  const candidates = scored.filter((c) => !(onlyNames.has(c) && answersMore.has(c.n)));
  candidates.sort((a, b) => b.relevance - a.relevance);
  // A quantity or a date asked for and found: only the sentences that carry one answer.
  if ((type === 'quantity' || type === 'time') && candidates.some((c) => answerShape(type, c.wording) === 1)) {
    const shaped = candidates.filter((c) => answerShape(type, c.wording) === 1);
    candidates.splice(0, candidates.length, ...shaped);
  }
  const bestMatch = Math.max(0, ...candidates.map((c) => c.match));
  // The lead: the best sentence of the highest-ranked source that has one is kept even when another
  // source's sentence matches the question's words better, so the best-retrieved paper is cited.
  const lead = candidates.find((c) => c.n === Math.min(...candidates.map((x) => x.n)));
  const chosen: ScoredSentence[] = [];
  const perSource = new Map<number, number>();
  const ordered = lead ? [lead, ...candidates.filter((c) => c !== lead)] : candidates;
  for (const candidate of ordered) {
    if (chosen.length >= settings.maxSentences) break;
    if (candidate !== lead && candidate.match < settings.minRelativeRelevance * bestMatch) continue;
    if ((perSource.get(candidate.n) ?? 0) >= settings.maxPerSource) continue;
    if (!perSource.has(candidate.n) && perSource.size >= settings.maxSources) continue;
    // Alike sentences that disagree (one negated) are two sides, not a repeat.
    const repeats = (c: ScoredSentence) =>
      tfidfCosine(c.wording, candidate.wording, statistics) > settings.maxSimilarity &&
      NEGATED.test(c.wording) === NEGATED.test(candidate.wording);
    if (chosen.some(repeats)) continue;
    chosen.push(candidate);
    perSource.set(candidate.n, (perSource.get(candidate.n) ?? 0) + 1);
  }
  chosen.sort((a, b) => a.n - b.n || a.start - b.start);
  if (chosen.length === 0) {
    return abstaining(
      'No sentence of the closest papers both addresses the question and stands on its own (the candidates were questions, fragments or sentences that lean on the one before).',
    );
  }
  // Papers named by their titles ("Compare EMO and SoftSAE") each answer for their own name.
  const parts =
    othersNames.size === 0 ? unconnectedParts(concepts, covered, new Set(chosen.map((c) => c.n)), settings) : null;
  return {
    sentences: chosen,
    abstainReason: null,
    conceptCoverage: best,
    conceptCount,
    closest,
    ...(parts ? { unconnected: unconnectedNotice(parts) } : {}),
  };
}
