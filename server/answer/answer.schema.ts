// The nouns of answers, defined once: what an ask request sends, the cited answer it returns, and
// the events of a streamed answer. The HTTP API, the CLI and the web client all use these schemas.
import { z } from 'zod';
import { zPaper } from '../../indexer/paper.schema.ts';
import { zPassageHit, zSearchFilters, zSearchMode } from '../search/search.schema.ts';

export const ASK_LIMITS = {
  maxQuestionChars: 1_000,
  /** Most passages retrieved for one answer. */
  maxK: 30,
  maxSentences: 10,
} as const;

export const zAskRequest = z.object({
  question: z.string().trim().min(1, 'must not be empty').max(ASK_LIMITS.maxQuestionChars),
  /** Passages retrieved as evidence. */
  k: z.number().int().min(1).max(ASK_LIMITS.maxK).default(8),
  /** How passages are retrieved (as in search). */
  mode: zSearchMode.default('hybrid'),
  filters: zSearchFilters.default({}),
  /** Generate with the configured LLM; default: when one is configured. False keeps the answer extractive. */
  generate: z.boolean().optional(),
  /** What happens to a generated sentence its sources do not support: flagged (kept, marked) or dropped. */
  unsupported: z.enum(['flag', 'drop']).default('flag'),
  /** Longest answer, in sentences. */
  maxSentences: z.number().int().min(1).max(ASK_LIMITS.maxSentences).default(4),
});
export type AskRequest = z.input<typeof zAskRequest>;
export type ParsedAskRequest = z.output<typeof zAskRequest>;

/** Where a sentence's support lies: offsets into the paper's title or abstract. */
export const zAnswerCitation = z.object({
  /** The source number, as written in the answer text ([n]). */
  n: z.number().int().positive(),
  paperId: z.string(),
  passageId: z.number().int(),
  field: z.enum(['title', 'abstract']),
  start: z.number().int(),
  end: z.number().int(),
});
export type AnswerCitation = z.infer<typeof zAnswerCitation>;

export const zAnswerSentence = z.object({
  /**
   * The sentence. An extractive one is the quoted sentence, except that a pronoun standing for the
   * paper that names itself is written as its name in brackets ("[COGCAPTCHA30] characterises…").
   */
  text: z.string(),
  /** 0–1: how strongly the cited passages back the sentence (the verifier's score). */
  support: z.number().min(0).max(1),
  /** False when the cited passages do not back the sentence (it is flagged). */
  supported: z.boolean(),
  citations: z.array(zAnswerCitation),
});
export type AnswerSentence = z.infer<typeof zAnswerSentence>;

/** A retrieved passage of a source: a search hit without highlights (score is the retrieval score). */
export const zSourcePassage = zPassageHit.omit({ highlights: true });
export type SourcePassage = z.infer<typeof zSourcePassage>;

export const zAnswerSource = z.object({
  n: z.number().int().positive(),
  paper: zPaper,
  passages: z.array(zSourcePassage),
  /** Whether the answer cites it. */
  cited: z.boolean(),
});
export type AnswerSource = z.infer<typeof zAnswerSource>;

/** The one-line answer to a yes/no question, from the findings its cited sentences report (see bottom-line.ts). */
export const zBottomLine = z.object({
  verdict: z.enum(['yes', 'no', 'mixed', 'unclear']),
  /** The question read as a claim, as it was judged. */
  claim: z.string(),
  /** Source numbers cited for findings in favour of the claim. */
  yes: z.array(z.number().int().positive()),
  /** Source numbers cited for findings against it (null or negated findings). */
  no: z.array(z.number().int().positive()),
});
export type BottomLine = z.infer<typeof zBottomLine>;

/** A paper close to the question when the answer abstains, with how much of the question it holds. */
export const zClosestPaper = z.object({
  paperId: z.string(),
  title: z.string(),
  /** 0–1: share of the question's key concepts (weighted by rarity) the paper's best passage contains. */
  score: z.number().min(0).max(1),
  /** The question's key concepts it lacks, rarest first. */
  missing: z.array(z.string()),
});
export type ClosestPaper = z.infer<typeof zClosestPaper>;

/** A word of the question no paper uses, read as the library word it is one or two letters from. */
export const zSpellingReading = z.object({
  /** The word as the question writes it ("decodng"). */
  written: z.string(),
  /** The library word it was read as ("decoding"). */
  readAs: z.string(),
});
export type SpellingReading = z.infer<typeof zSpellingReading>;

export const zAskResponse = z.object({
  question: z.string(),
  /** True when the library holds no answer; `reason` says why, and `sources` lists the closest papers. */
  abstained: z.boolean(),
  reason: z.string().optional(),
  /** How the answer was made: sentences picked from the passages, or written by the LLM and checked. */
  mode: z.enum(['extractive', 'generated']),
  /** Something the reader should know: misspelt words read as library words, the LLM failed and the answer is extractive, citations removed… */
  notice: z.string().optional(),
  /**
   * Misspelt words of the question read as the library words they are closest to, so the answer (or
   * the abstention) is for the question as read; `notice` says so too ('Read "decodng" as "decoding".').
   */
  readings: z.array(zSpellingReading).optional(),
  answer: z.object({ text: z.string(), sentences: z.array(zAnswerSentence) }),
  /** For a yes/no question that was answered: the bottom line, shown above the answer. */
  bottomLine: zBottomLine.optional(),
  /** When the answer abstains: the closest papers, best first, with their scores. */
  closest: z.array(zClosestPaper).optional(),
  /** Sources are numbered 1…n in order of first citation in the answer; uncited ones follow. */
  sources: z.array(zAnswerSource),
  tookMs: z.number(),
});
export type AskResponse = z.infer<typeof zAskResponse>;

/**
 * The events of a streamed answer, in order: sources, then deltas (and notices), then done (or
 * error). Deltas are a preview: the model's raw text, or the extractive sentences. A notice means
 * the preview so far is abandoned (the LLM failed; extractive deltas follow). `done` carries the
 * checked answer, which is the one to keep.
 */
export type AskEvent =
  | { event: 'sources'; data: { sources: AnswerSource[] } }
  | { event: 'delta'; data: { text: string } }
  | { event: 'notice'; data: { message: string } }
  | { event: 'done'; data: AskResponse }
  | { event: 'error'; data: { code: string; message: string; hint: string } };
