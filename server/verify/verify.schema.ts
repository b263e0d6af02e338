// The nouns of citation checking, defined once: what a verify request sends and what it returns.
// The HTTP API, the CLI and the web client all use these schemas.
import { z } from 'zod';

export const VERIFY_LIMITS = {
  maxTextChars: 100_000,
  maxReferences: 2_000,
  maxReferenceChars: 5_000,
  maxSuggestions: 10,
} as const;

export const zVerifyRequest = z.object({
  // Not trimmed: claim and citation offsets must count from the text as it was sent.
  text: z
    .string()
    .max(VERIFY_LIMITS.maxTextChars)
    .refine((text) => text.trim().length > 0, 'must not be empty'),
  /**
   * The reference list, when it is not at the end of the text: one string (a list, one entry per
   * line, numbered or not) or one string per entry (numbered by position unless they say "[n]").
   */
  references: z
    .union([
      z.string().max(VERIFY_LIMITS.maxReferences * VERIFY_LIMITS.maxReferenceChars),
      z.array(z.string().trim().min(1).max(VERIFY_LIMITS.maxReferenceChars)).max(VERIFY_LIMITS.maxReferences),
    ])
    .optional(),
  /** How many better-supporting library papers to suggest per claim. */
  suggestions: z.number().int().min(0).max(VERIFY_LIMITS.maxSuggestions).default(3),
});
export type VerifyRequest = z.input<typeof zVerifyRequest>;
export type ParsedVerifyRequest = z.output<typeof zVerifyRequest>;

/**
 * supported: the cited text states the claim; partially_supported: it bears on the claim but backs
 * only part of it (or differs in a number, a negation, a direction); contradicted: it states the
 * opposite; not_supported: it does not address the claim; not_in_library: the citation resolves to
 * no library paper.
 */
export const zVerdict = z.enum(['supported', 'partially_supported', 'contradicted', 'not_supported', 'not_in_library']);
export type VerifyVerdict = z.infer<typeof zVerdict>;

/** A sentence of a paper: offsets into the paper's title or abstract. */
export const zEvidence = z.object({
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  field: z.enum(['title', 'abstract']),
});
export type Evidence = z.infer<typeof zEvidence>;

export const zConflict = z.enum(['negation', 'direction', 'numbers', 'quantifier', 'scope']);
export const zJudgeName = z.enum(['builtin', 'nli']);
/** How a citation was matched to a library paper. */
export const zResolvedBy = z.enum(['id', 'doi', 'arxiv', 'title', 'author-year', 'url']);
export type ResolvedBy = z.infer<typeof zResolvedBy>;

export const zVerifyCitation = z.object({
  /** The cited item as written: "[3]", "Lin et al., 2026", "arXiv:2401.01234", a DOI, "[paper-id]". */
  marker: z.string(),
  kind: z.enum(['numeric', 'author-year', 'arxiv', 'doi', 'key']),
  /** Span of the citation group in the text. */
  start: z.number().int(),
  end: z.number().int(),
  /** The library paper it resolves to; null when it is not in the library. */
  paperId: z.string().nullable(),
  title: z.string().nullable(),
  verdict: zVerdict,
  /** 0–1: how strongly the cited paper's text bears on the claim, for or against (0 when not in the library). */
  score: z.number().min(0).max(1),
  /** 0–1: probability that the cited paper backs the claim. */
  support: z.number().min(0).max(1),
  /** 0–1: probability that the cited paper contradicts the claim. */
  contradiction: z.number().min(0).max(1),
  /** Which judge decided: the built-in cue model or an NLI model (null when not in the library). */
  judge: zJudgeName.nullable(),
  /** The abstract sentence that decides the verdict (never the title); null when nothing bears on the claim. */
  evidence: zEvidence.nullable(),
  /** What in the evidence disagrees with the claim: a negation, a direction of effect, a number, always/never, species. */
  conflicts: z.array(zConflict),
  resolvedBy: zResolvedBy.nullable(),
  /** The reference list entry the citation points at. */
  reference: z.string().nullable(),
  /**
   * The part of the claim this citation was judged against, when the sentence cites different
   * papers for different parts ("A runs on CPUs [1], while B needs GPUs [2]"): its text and offsets
   * into the request text. Null when the citation was judged against the whole sentence.
   */
  part: z.object({ text: z.string(), start: z.number().int(), end: z.number().int() }).nullable(),
  /** Why it is not in the library, or how an ambiguous match was chosen. */
  note: z.string().nullable(),
  /**
   * The claim's specific words the cited paper never mentions, when they are why the built-in judge
   * says not_supported or partially_supported ("click-through", "rates"). Absent otherwise.
   */
  unmentioned: z.array(z.string()).optional(),
  /**
   * When its reference resolves to no library paper: the library paper whose title the reference most
   * resembles, with the share of title words they have in common (Dice, 0–1); or, for an author–year
   * citation, the paper of that author from another year or of an author spelt nearly alike, with
   * score 1 (the note says which). Null otherwise.
   */
  closest: z.object({ paperId: z.string(), title: z.string(), score: z.number().min(0).max(1) }).nullable(),
});
export type VerifyCitation = z.infer<typeof zVerifyCitation>;

export const zSuggestion = z.object({
  paperId: z.string(),
  title: z.string(),
  score: z.number().min(0).max(1),
  evidence: zEvidence,
});
export type Suggestion = z.infer<typeof zSuggestion>;

export const zClaim = z.object({
  /** The sentence as written, citations included; start/end are offsets into the request text. */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  citations: z.array(zVerifyCitation),
  /** Library papers, not among those cited, that back the claim best. */
  suggestions: z.array(zSuggestion),
});
export type Claim = z.infer<typeof zClaim>;

export const zVerifyResponse = z.object({
  claims: z.array(zClaim),
  /** The reference list that was read, with the library paper each entry resolved to. */
  references: z.array(
    z.object({
      n: z.number().int(),
      text: z.string(),
      paperId: z.string().nullable(),
      resolvedBy: zResolvedBy.nullable(),
    }),
  ),
  tookMs: z.number(),
  /** Why the built-in judge was used when an NLI model was asked for (absent otherwise). */
  notice: z.string().optional(),
});
export type VerifyResponse = z.infer<typeof zVerifyResponse>;
