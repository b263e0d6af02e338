// Citation checking: parse claims and citations, resolve them to library papers, and score how
// well each cited paper backs its claim. The support scorer is shared with answers.
export { cuesOf, directionOf, missingNumbers, numbersOf } from './claim-cues.ts';
export { claimText } from './claim-sentences.ts';
export { type EvidenceSentence, sentencesOfPaper, sentencesOfPassages } from './evidence-sentences.ts';
export { bibliographyNames } from './front-matter.ts';
export { type Library, libraryOfIndex, normalizeName, surnameOf } from './library.ts';
export { type CitationTarget, type ParsedCitation, parseCitations } from './parse-citations.ts';
export { parseReferenceEntries, type ReferenceEntry, splitReferences } from './reference-list.ts';
export { resolveCitation } from './resolve-citation.ts';
export { type Resolution, resolveReference } from './resolve-reference.ts';
export { FEATURE_NAMES, type SupportFeatures, tfidfCosine } from './support-features.ts';
export { SupportScorer } from './support-scorer.ts';
export {
  JUDGE_THRESHOLDS,
  type JudgeVerdict,
  judgeVerdictOf,
  SUPPORT_MODEL,
  SUPPORT_THRESHOLDS,
  type SupportConflict,
  type SupportModel,
  type SupportResult,
  supportProbability,
  type Verdict,
  verdictOf,
} from './support-verdicts.ts';
export {
  inverseDocumentFrequency,
  statisticsOfIndex,
  statisticsOfTexts,
  type TermStatistics,
} from './term-statistics.ts';
export * from './verify.schema.ts';
export { verifyText, verifyTextWith } from './verify.service.ts';
export { VERIFY_DEFAULTS } from './verify-plan.ts';
