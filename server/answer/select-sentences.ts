// The extractive answer: the scored sentences (score-sentences.ts) that answer the question and stand
// on their own, from the sources holding its key concepts; or why the passages do not answer it.
import { tfidfCosine } from '../verify/support-features.ts';
import type { TermStatistics } from '../verify/term-statistics.ts';
import type { ClosestPaper } from './answer.schema.ts';
import type { NumberedSource } from './answer-sources.ts';
import { askedQuantity, givesQuantity, mentionsCounted, missingQuantityReason } from './asked-quantity.ts';
import { askedRelation } from './asked-relation.ts';
import { expandContractions } from './contractions.ts';
import { libraryGap, unconnectedNotice, unusedPhraseNotice } from './library-gaps.ts';
import {
  answeringSources,
  limitingNames,
  ownNameGroups,
  unaddressedByNamed,
  unknownKindOfNamed,
} from './named-papers.ts';
import {
  type Concept,
  conceptCoverage,
  conceptForms,
  conceptNames,
  holds,
  questionConcepts,
} from './question-concepts.ts';
import { answerShape, asksOneRelation, questionType } from './question-type.ts';
import { type ScoredSentence, scoreSentences } from './score-sentences.ts';
import { lengthAllowance, SELECTION_DEFAULTS, type SelectionOptions } from './selection-settings.ts';
import {
  namesOfOthers,
  selfNamedTitleNames,
  sourceCoverage,
  titleNamesOf,
  unconnectedParts,
} from './source-coverage.ts';
import { standaloneProblem } from './standalone-sentence.ts';
import { withFamilyWords } from './word-family.ts';
import { withWordVariants } from './word-variants.ts';

// A negated sentence, its contractions written out ("didn't" → "did not", "can't" → "cannot").
const NEGATION = /\b(?:not|cannot|no|never|neither|nor|without|unchanged|failed to)\b/iu;
const negated = (text: string) => NEGATION.test(expandContractions(text));

/** What `selectSentences` gives: the sentences of the answer, or why there are none. */
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
  /**
   * For an answer to part of the question, what it leaves aside: a phrase no paper uses
   * (unusedPhraseNotice), or that no paper connects the parts its papers each hold (unconnectedNotice).
   */
  partial?: string;
};

// The answer's sentences from the candidates (best first): the lead, then `stating` (the best that
// states the relation the question asks, if any), then the best that match the question nearly as
// well as the best one, within the caps per answer and per source, leaving out repeats; in answer
// order (by source, then position).
function chooseSentences(
  candidates: readonly ScoredSentence[],
  settings: SelectionOptions,
  statistics: TermStatistics,
  stating?: ScoredSentence,
): ScoredSentence[] {
  const bestMatch = Math.max(0, ...candidates.map((c) => c.match));
  // The lead: the best sentence of the highest-ranked source that has one is kept even when another
  // source's sentence matches the question's words better, so the best-retrieved paper is cited.
  const lead = candidates.find((c) => c.n === Math.min(...candidates.map((x) => x.n)));
  const chosen: ScoredSentence[] = [];
  const perSource = new Map<number, number>();
  const first = [lead, stating].filter((c, i, all): c is ScoredSentence => c !== undefined && all.indexOf(c) === i);
  const ordered = [...first, ...candidates.filter((c) => !first.includes(c))];
  for (const candidate of ordered) {
    if (chosen.length >= settings.maxSentences) break;
    if (!first.includes(candidate) && candidate.match < settings.minRelativeRelevance * bestMatch) continue;
    if ((perSource.get(candidate.n) ?? 0) >= settings.maxPerSource) continue;
    if (!perSource.has(candidate.n) && perSource.size >= settings.maxSources) continue;
    // Alike sentences that disagree (one negated) are two sides, not a repeat.
    const repeats = (c: ScoredSentence) =>
      tfidfCosine(c.wording, candidate.wording, statistics) > settings.maxSimilarity &&
      negated(c.wording) === negated(candidate.wording);
    // A sentence quoted with the one before it (score-sentences.ts) and that one alone overlap, even
    // when the one before ends the passage before.
    const overlaps = (c: ScoredSentence) =>
      c.n === candidate.n && c.field === candidate.field && c.start < candidate.end && candidate.start < c.end;
    if (chosen.some((c) => repeats(c) || overlaps(c))) continue;
    chosen.push(candidate);
    perSource.set(candidate.n, (perSource.get(candidate.n) ?? 0) + 1);
  }
  chosen.sort((a, b) => a.n - b.n || a.start - b.start);
  return chosen;
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
  // A word no paper uses is read by a word of its family that papers use ("mainly" by "main"), or by
  // the same word as papers write it ("modelling" by "modeling", "deleting" by "deletion").
  const concepts = withWordVariants(
    question,
    withFamilyWords(questionConcepts(question, statistics, conceptStatistics), statistics, conceptStatistics),
    statistics,
    conceptStatistics,
  );
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
  if (gap !== null && 'reason' in gap) return abstaining(gap.reason);
  // "Is RangeGuard a scheduler for LLM serving?" is answered by RangeGuard or not at all, never by
  // Feather's scheduler, however much more of the question Feather holds.
  // A name the question sets aside ("other than RangeGuard") or a question asking which papers limits nothing.
  const limiting = limitingNames(question, titleNames);
  const ownGroups = ownNameGroups(sources, limiting);
  const own = [...new Set(ownGroups.flat())];
  const kindReason = unknownKindOfNamed(question, concepts, own);
  if (kindReason !== null) return abstaining(kindReason);
  const eligible = answeringSources(covered, limiting, ownGroups, settings);
  // Every sentence of a paper that names itself ("AgenticPrecoding coordinates…" under the title
  // "AgenticPrecoding") speaks of the names its title gives, so a name the question asks about does
  // not set one of its sentences above another: what else it asks does. In a paper that does not
  // open with its name, a name in its title ("COPI" in "The COPI complex regulates lipid storage") is
  // its topic, held only by the sentences that write it.
  const selfNamed = selfNamedTitleNames(sources, titleNames);
  const formsInPaper = (candidate: ScoredSentence) => {
    const forms = conceptForms(`${candidate.wording} ${candidate.spelledOut}`);
    for (const name of selfNamed.get(candidate.n) ?? []) forms.add(name.form);
    return forms;
  };
  const type = questionType(question);
  // "What enzyme does the FIB gene encode?": of the sentences on the FIB gene, the one that says what it encodes.
  const relation = askedRelation(question, concepts);
  // A sentence states it when it holds its word, in the first paper (its sentences on the topic lead the
  // answer) or beside another word of the question: "Viral genomes encode many short proteins", of a
  // paper further down, answers nothing about the cob gene.
  const firstPaper = Math.min(...eligible);
  const statesRelation = (candidate: ScoredSentence, asked: Concept) => {
    const forms = formsInPaper(candidate);
    if (!holds(forms, asked)) return false;
    return candidate.n === firstPaper || concepts.some((c) => c !== asked && holds(forms, c));
  };
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
    const states = relation !== null && statesRelation(candidate, relation) ? 1 : 0;
    const bonus =
      settings.conceptWeight * candidate.concepts + settings.shapeWeight * shape + settings.relationWeight * states;
    candidate.match += bonus;
    candidate.relevance += bonus;
    return true;
  });
  // "What datasets is PACZero evaluated on?": "PACZero provides zeroth-order mechanisms…" names the
  // paper and says nothing of datasets; when another of its sentences holds what else the question
  // asks ("The mechanisms are evaluated on SST-2…"), it is left out.
  const candidates = scored.filter((c) => !(onlyNames.has(c) && answersMore.has(c.n)));
  candidates.sort((a, b) => b.relevance - a.relevance);
  // "Does UE-DPO use a fixed K?": quoting what UE-DPO is, when no sentence of it holds more of the
  // question than its name, says neither yes nor no.
  if (type === 'yes_no' && candidates.length > 0) {
    const missing = covered.find((c) => c.source.n === candidates[0]!.n)?.missing ?? [];
    const unaddressed = unaddressedByNamed(
      question,
      own,
      missing,
      candidates.every((c) => onlyNames.has(c)),
    );
    if (unaddressed !== null) return abstaining(unaddressed);
  }
  // A count or a measure asked for: only the sentences that give it answer ("How many languages…?"
  // is not answered by "1,000 hours of recorded audio"), and none giving it is no answer, unless a
  // sentence names what is counted, which may count it as a list or in words ("on the MATH-500, AIME
  // and OlympiadBench benchmarks"). A figure of no named measure ("How far…", "How much does it
  // cost?", which old collections ask of papers that discuss it in words), such a count, or a date
  // asked for and found: only the sentences that carry one.
  const quantity = type === 'quantity' ? askedQuantity(question) : null;
  const giving =
    quantity && quantity.kind !== 'figure' ? candidates.filter((c) => givesQuantity(quantity, c.wording)) : [];
  if (giving.length > 0) candidates.splice(0, candidates.length, ...giving);
  else if (
    quantity &&
    quantity.kind !== 'figure' &&
    candidates.length > 0 &&
    !candidates.some((c) => mentionsCounted(quantity, question, c.wording))
  )
    return abstaining(missingQuantityReason(quantity));
  else if ((type === 'quantity' || type === 'time') && candidates.some((c) => answerShape(type, c.wording) === 1)) {
    const shaped = candidates.filter((c) => answerShape(type, c.wording) === 1);
    candidates.splice(0, candidates.length, ...shaped);
  }
  // "What does the FIB gene encode?" is answered by the sentence that says what it encodes, however
  // many more of the question's words the paper's other sentences repeat.
  const stating = relation ? candidates.find((c) => statesRelation(c, relation)) : undefined;
  const chosen = chooseSentences(candidates, settings, statistics, stating);
  if (chosen.length === 0) {
    return abstaining(
      'No sentence of the closest papers both addresses the question and stands on its own (the candidates were questions, fragments or sentences that lean on the one before).',
    );
  }
  // Papers named by their titles ("Compare EMO and SoftSAE") each answer for their own name, and a
  // question that asks two things ("What is X, and what is Y?") is answered part by part.
  const parts =
    othersNames.size === 0 && asksOneRelation(question)
      ? unconnectedParts(concepts, covered, new Set(chosen.map((c) => c.n)), settings)
      : null;
  const partial = gap ? unusedPhraseNotice(gap.unused) : parts ? unconnectedNotice(parts) : undefined;
  return {
    sentences: chosen,
    abstainReason: null,
    conceptCoverage: best,
    conceptCount,
    closest,
    ...(partial ? { partial } : {}),
  };
}
