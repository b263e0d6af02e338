// The paper: one zod schema for every record Citelens stores, plus the field aliases that
// readers of other formats (BEIR, Semantic Scholar, reference managers) map onto it.
import { z } from 'zod';

/** Longest accepted text field, in characters: far beyond any abstract, small enough to stay fast. */
export const MAX_TEXT_CHARS = 100_000;

const zText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** Most tags one paper keeps. */
export const MAX_TAGS = 500;

export const zPaper = z.object({
  id: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters'),
  title: zText(2_000).min(1, 'must not be empty'),
  /** The summary text: an abstract, a digest entry, or notes. May be empty when only a title is known. */
  abstract: zText(MAX_TEXT_CHARS).default(''),
  authors: z.array(zText(500).min(1)).max(2_000).default([]),
  affiliations: z.array(zText(500).min(1)).max(2_000).default([]),
  year: z.number().int().min(1000).max(2100).nullable().default(null),
  venue: zText(500).nullable().default(null),
  url: zText(2_000).nullable().default(null),
  doi: zText(300).nullable().default(null),
  arxivId: zText(100).nullable().default(null),
  tags: z.array(zText(200).min(1)).max(MAX_TAGS).default([]),
  metadata: z.record(z.string(), z.unknown()).default({}),
});

/** A validated, normalized paper. */
export type Paper = z.infer<typeof zPaper>;
/** What a reader may hand over before validation (defaults not yet applied). */
export type PaperInput = z.input<typeof zPaper>;

/** Aliases accepted for each field, first match wins. Keys are compared case-insensitively. */
export const FIELD_ALIASES: Record<keyof Paper, readonly string[]> = {
  id: ['id', '_id', 'paperId', 'paper_id', 'key', 'citationKey', 'citation-key'],
  title: ['title'],
  // Zotero's own JSON (its API, Better BibTeX's JSON export) names the abstract abstractNote, the journal
  // publicationTitle and the proceedings proceedingsTitle.
  abstract: ['abstract', 'abstractNote', 'summary', 'text', 'description', 'tldr'],
  authors: ['authors', 'author', 'creators'],
  affiliations: ['affiliations', 'affiliation', 'institutions'],
  year: ['year', 'published', 'date', 'issued', 'publicationDate', 'publication_date'],
  // A publisher counts only for a kind that appears inside nothing else (record-kind.ts).
  venue: [
    'venue',
    'journal',
    'booktitle',
    'container-title',
    'containerTitle',
    'publicationTitle',
    'proceedingsTitle',
    'publisher',
  ],
  url: ['url', 'URL', 'link', 'href'],
  doi: ['doi', 'DOI'],
  arxivId: ['arxivId', 'arxiv_id', 'arxiv', 'eprint'],
  tags: ['tags', 'keywords', 'categories', 'keyword', 'subjects'],
  metadata: ['metadata'],
};

/** A passage: a run of whole sentences of one field of a paper, with exact character offsets. */
export const zPassage = z.object({
  id: z.number().int().nonnegative(),
  paperId: z.string(),
  field: z.enum(['title', 'abstract']),
  /** Position of the passage among the paper's passages, from 0. */
  ordinal: z.number().int().nonnegative(),
  /** Offsets into the field's text: text === paper[field].slice(start, end). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Passage = z.infer<typeof zPassage>;
