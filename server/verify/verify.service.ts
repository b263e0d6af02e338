// The `verify` verb: splits a text into claims and their citations, resolves each citation to a
// library paper, and judges from the paper's sentences whether it backs the claim; suggests library
// papers that back a claim better than (or in place of) the ones cited.

import type { Paper } from '../../indexer/index.ts';
import { sentenceSpans } from '../../indexer/passages/split-passages.ts';
import { terms } from '../../indexer/text/analyze.ts';
import { citedClauses } from './cited-clauses.ts';
import { type EvidenceSentence, sentencesOfPaper } from './evidence-sentences.ts';
import { createBuiltinJudge } from './judge/builtin.judge.ts';
import type { Judge, Judgement, SelectiveRequest } from './judge/judge.ts';
import { maskLatexMarkup, plainOfLatex } from './latex-source.ts';
import type { Library } from './library.ts';
import { type ParsedCitation, parseCitations } from './parse-citations.ts';
import { parseReferenceEntries, type ReferenceEntry, referencesOfExport, splitReferences } from './reference-list.ts';
import { resolveCitation, resolveLinkedCitation, resolveReference } from './resolve-citation.ts';
import type {
  Claim,
  Evidence,
  ParsedVerifyRequest,
  Suggestion,
  VerifyCitation,
  VerifyResponse,
} from './verify.schema.ts';

export const VERIFY_DEFAULTS = {
  /** A sentence without citations is a claim only when it has at least this many content words. */
  minClaimTerms: 3,
  /** Library papers considered per claim for suggestions. */
  suggestionCandidates: 10,
  /** A sentence citing papers at more places than this is judged whole, not clause by clause. */
  maxCitedParts: 24,
};

type Sentence = { start: number; end: number; citations: ParsedCitation[] };

function givenReferences(references: ParsedVerifyRequest['references']): ReferenceEntry[] {
  if (references === undefined) return [];
  if (typeof references === 'string') return referencesOfExport(references) ?? parseReferenceEntries(references);
  // One entry per string; an entry may still say its own number ("[3] …").
  let offset = 0;
  return references.map((entry, i) => {
    const [parsed] = parseReferenceEntries(entry, offset);
    offset += entry.length + 1;
    const n = /^\s*(?:\[\^?\d+\]:?|\d+[.)])\s/u.test(entry) ? parsed!.n : i + 1;
    return { ...parsed!, n };
  });
}

// After a full stop, "\citet{lin2026} shows …" and "@lin2026 shows …" open a sentence, though a
// sentence segmenter reads their lower-case start as the same sentence going on.
const SENTENCE_END_BEFORE = /[.!?]["'”’)\]]*\s+$/u;
const ABBREVIATION_BEFORE = /\b(?:e\.g|i\.e|cf|vs|al|etc|viz|resp|see|fig|eq|no|p|pp)\.\s+$/iu;
function spansBrokenAtCommands(
  body: string,
  spans: ReadonlyArray<{ start: number; end: number }>,
  citations: readonly ParsedCitation[],
): Array<{ start: number; end: number }> {
  const breaks = citations
    .filter((c) => c.narrative && (body[c.start] === '\\' || body[c.start] === '@'))
    .map((c) => c.start)
    .filter((at) => {
      const before = body.slice(Math.max(0, at - 12), at);
      return SENTENCE_END_BEFORE.test(before) && !ABBREVIATION_BEFORE.test(before);
    });
  if (breaks.length === 0) return [...spans];
  // Spans and breaks are both in text order: one pass over each.
  const broken: Array<{ start: number; end: number }> = [];
  let next = 0;
  for (const span of spans) {
    let start = span.start;
    while (next < breaks.length && breaks[next]! <= start) next++;
    for (; next < breaks.length && breaks[next]! < span.end; next++) {
      const at = breaks[next]!;
      broken.push({ start, end: start + body.slice(start, at).trimEnd().length });
      start = at;
    }
    broken.push({ start, end: span.end });
  }
  return broken;
}

// Sentences of the body with the citations inside them. A citation that opens a sentence
// ("… in 2026. [3] The next …") belongs to the sentence before it unless it is part of the
// sentence's wording ("Lin (2026) shows …"), and a sentence break inside a
// citation ("(Lin et al. 2026)") is not a break.
function sentencesWithCitations(body: string, references: readonly ReferenceEntry[]): Sentence[] {
  // A numbered reference list may be cited "(3)" as well as "[3]".
  const numbers = references.filter((r) => r.numbered).map((r) => r.n);
  const numbered = numbers.length > 0 ? Math.max(...numbers) : undefined;
  const citations = parseCitations(body, { parenthesizedUpTo: numbered });
  const sentences: Sentence[] = [];
  // Citations are sorted by start: find the first that starts inside a sentence by binary search.
  const firstFrom = (position: number) => {
    let lo = 0;
    let hi = citations.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (citations[mid]!.start < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const crossesEnd = (sentence: { start: number; end: number }) => {
    for (let i = firstFrom(sentence.start); i < citations.length && citations[i]!.start < sentence.end; i++) {
      if (citations[i]!.end > sentence.end) return true;
    }
    return false;
  };
  for (const span of spansBrokenAtCommands(body, sentenceSpans(body), citations)) {
    const last = sentences.at(-1);
    if (last && crossesEnd(last)) {
      last.end = span.end;
    } else {
      sentences.push({ ...span, citations: [] });
    }
  }
  for (const citation of citations) {
    // Sentences stay sorted and disjoint: the last one starting at or before the citation holds it.
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.start <= citation.start) lo = mid + 1;
      else hi = mid;
    }
    const index = lo - 1;
    if (index < 0 || citation.start >= sentences[index]!.end) continue;
    const sentence = sentences[index]!;
    const previous = sentences[index - 1];
    if (previous && citation.start === sentence.start && !citation.narrative) {
      previous.citations.push(citation);
      previous.end = citation.end;
      sentence.start = citation.end + (/^\s*/u.exec(body.slice(citation.end, citation.end + 1000))?.[0].length ?? 0);
    } else {
      sentence.citations.push(citation);
    }
  }
  // A list item's bullet or number, a quote's ">" and a heading's "#" are markup, not part of the claim.
  for (const sentence of sentences) {
    const markup = LINE_MARKUP.exec(body.slice(sentence.start, Math.min(sentence.end, sentence.start + 40)));
    if (markup) sentence.start += markup[0].length;
  }
  return sentences.filter((s) => s.end > s.start);
}

const LINE_MARKUP = /^(?:[-*+•][ \t]+|\d{1,3}[.)][ \t]+|>[ \t]*|#{1,6}[ \t]+)+/u;

/**
 * The clause each citation of a sentence is judged against, when the sentence cites different
 * papers for different clauses (none when one clause holds every citation).
 */
function partsOf(
  body: string,
  sentence: Sentence,
  settings: Pick<Settings, 'minClaimTerms' | 'maxCitedParts'>,
): Map<ParsedCitation, { start: number; end: number; clean: string }> {
  const parts = new Map<ParsedCitation, { start: number; end: number; clean: string }>();
  const places = new Set(sentence.citations.map((c) => c.start)).size;
  // A sentence of more citation groups than this is no prose a reader cites clause by clause (and
  // judging each clause apart would cost as much per group as a sentence).
  if (places < 2 || places > settings.maxCitedParts) return parts;
  const clauses = citedClauses(body, sentence, sentence.citations, [], settings.minClaimTerms);
  if (clauses.length < 2) return parts;
  for (const clause of clauses) {
    const start = clause.start + (/^\s*/u.exec(body.slice(clause.start, clause.end))?.[0].length ?? 0);
    const end = start + body.slice(start, clause.end).trimEnd().length;
    const clean = claimText(body, { start, end, citations: clause.citations }).replace(/[;,]$/u, '');
    for (const citation of clause.citations) if (!parts.has(citation)) parts.set(citation, { start, end, clean });
  }
  return parts;
}

/** The claim as the scorer reads it: the sentence without its citation markers (and LaTeX formatting). */
export function claimText(body: string, sentence: Pick<Sentence, 'start' | 'end' | 'citations'>): string {
  let text = '';
  let position = sentence.start;
  for (const citation of [...sentence.citations].sort((a, b) => a.start - b.start)) {
    if (citation.start < position) continue;
    text += body.slice(position, Math.max(position, citation.start));
    position = Math.max(position, citation.end);
  }
  text += body.slice(position, sentence.end);
  return plainOfLatex(text)
    .replace(/\s+/gu, ' ')
    .replace(/\s+([.,;:!?])/gu, '$1')
    .trim();
}

function evidenceOf(judgement: Judgement): Evidence | null {
  const e = judgement.evidence;
  return e ? { text: e.text, start: e.start, end: e.end, field: e.field } : null;
}

type Settings = typeof VERIFY_DEFAULTS;
type CitationBase = Pick<
  VerifyCitation,
  'marker' | 'kind' | 'start' | 'end' | 'resolvedBy' | 'reference' | 'closest' | 'part'
>;
/** `claim`: the words it is judged against (its clause's, or the sentence's). */
type PlannedCitation = { base: CitationBase; candidates: Paper[]; note: string | null; claim: string };
type PlannedClaim = { sentence: Sentence; clean: string; citations: PlannedCitation[]; suggestionPapers: Paper[] };
type Plan = { claims: PlannedClaim[]; references: ReferenceEntry[] };

// Everything but the judging: claims, their resolved citations, and the library papers that might
// back each claim better. The judge then sees every (claim, paper) pair at once, so a model batches them.
function planVerify(library: Library, request: ParsedVerifyRequest, settings: Settings): Plan & { body: string } {
  const split = splitReferences(request.text);
  // References given separately take the place of a list at the end of the text.
  const references = request.references !== undefined ? givenReferences(request.references) : split.references;
  // LaTeX comments and headings are blanked, not cut, so offsets still count from the text as sent.
  const body = maskLatexMarkup(split.body);
  const claims: PlannedClaim[] = [];
  for (const sentence of sentencesWithCitations(body, references)) {
    const clean = claimText(body, sentence);
    const hasCitations = sentence.citations.length > 0;
    if (!hasCitations && new Set(terms(clean)).size < settings.minClaimTerms) continue;
    const parts = partsOf(body, sentence, settings);
    const citations: PlannedCitation[] = [];
    for (const citation of sentence.citations) {
      const part = parts.get(citation) ?? null;
      const resolution =
        citation.label === undefined
          ? resolveCitation(citation.target, references, library)
          : resolveLinkedCitation(citation.target, citation.label, references, library);
      // "[sic]" and the like look like keys; only a key that resolves, or says [@key], is a citation.
      if (citation.target.kind === 'key' && !citation.target.explicit && resolution.candidates.length === 0) continue;
      citations.push({
        base: {
          marker: citation.marker,
          kind: citation.target.kind,
          start: citation.start,
          end: citation.end,
          resolvedBy: resolution.resolvedBy,
          reference: resolution.reference?.text ?? null,
          closest: resolution.closest,
          part: part && { text: body.slice(part.start, part.end), start: part.start, end: part.end },
        },
        candidates: resolution.candidates,
        note: resolution.note,
        claim: part?.clean ?? clean,
      });
    }
    const suggestionPapers =
      settings.suggestionCandidates > 0 && request.suggestions > 0
        ? library.search(clean, settings.suggestionCandidates)
        : [];
    claims.push({ sentence, clean, citations, suggestionPapers });
  }
  return { claims, references, body };
}

function jobsOf(plan: Plan): SelectiveRequest[] {
  // One sentence list per paper: a judge analyzes a list once however many claims it is judged for.
  const sentencesById = new Map<string, EvidenceSentence[]>();
  const sentencesOf = (paper: Paper) => {
    let sentences = sentencesById.get(paper.id);
    if (!sentences) {
      sentences = sentencesOfPaper(paper);
      sentencesById.set(paper.id, sentences);
    }
    return sentences;
  };
  const jobs: SelectiveRequest[] = [];
  let groups = 0;
  for (const claim of plan.claims) {
    for (const citation of claim.citations) {
      // Of several papers a citation may mean, only the one that backs the claim best is reported.
      const alternatives = citation.candidates.length > 1 ? { alternatives: groups++ } : {};
      for (const paper of citation.candidates)
        jobs.push({ claim: citation.claim, sentences: sentencesOf(paper), ...alternatives });
    }
    for (const paper of claim.suggestionPapers)
      jobs.push({ claim: claim.clean, sentences: sentencesOf(paper), suggestion: true });
  }
  return jobs;
}

// The order of judgements follows jobsOf; those the judge knew would not be read are null (SelectiveRequest).
function assemble(
  library: Library,
  plan: Plan & { body: string },
  request: ParsedVerifyRequest,
  judgements: ReadonlyArray<Judgement | null>,
  started: number,
): VerifyResponse {
  let next = 0;
  const claims: Claim[] = plan.claims.map((planned) => {
    const citations: VerifyCitation[] = [];
    const cited = new Set<string>();
    for (const citation of planned.citations) {
      if (citation.candidates.length === 0) {
        citations.push({
          ...citation.base,
          paperId: null,
          title: null,
          verdict: 'not_in_library',
          score: 0,
          support: 0,
          contradiction: 0,
          judge: null,
          evidence: null,
          conflicts: [],
          note: citation.note,
        });
        continue;
      }
      // The judge leaves out (null) the alternatives it did not find best.
      const scored = citation.candidates
        .map((paper) => ({ paper, judgement: judgements[next++] }))
        .filter((c): c is { paper: Paper; judgement: Judgement } => c.judgement !== null && c.judgement !== undefined)
        .sort((a, b) => b.judgement.score - a.judgement.score);
      const { paper, judgement } = scored[0]!;
      cited.add(paper.id);
      citations.push({
        ...citation.base,
        paperId: paper.id,
        title: paper.title,
        verdict: judgement.verdict,
        score: judgement.score,
        support: judgement.support,
        contradiction: judgement.contradiction,
        judge: judgement.judge,
        evidence: evidenceOf(judgement),
        conflicts: judgement.conflicts,
        note:
          citation.candidates.length > 1
            ? `${citation.candidates.length} library papers match ${citation.base.marker}; this one backs the claim best.`
            : citation.note,
      });
    }
    const suggestions: Suggestion[] = [];
    for (const paper of planned.suggestionPapers) {
      const judgement = judgements[next++];
      if (!judgement || cited.has(paper.id) || judgement.verdict !== 'supported') continue;
      const evidence = evidenceOf(judgement);
      if (!evidence) continue;
      suggestions.push({ paperId: paper.id, title: paper.title, score: judgement.support, evidence });
    }
    suggestions.sort((a, b) => b.score - a.score);
    suggestions.splice(request.suggestions);
    const { sentence } = planned;
    return {
      text: plan.body.slice(sentence.start, sentence.end),
      start: sentence.start,
      end: sentence.end,
      citations,
      suggestions,
    };
  });
  return {
    claims,
    references: plan.references.map((entry) => {
      const resolution = resolveReference(entry, library);
      return {
        n: entry.n,
        text: entry.text,
        paperId: resolution.candidates[0]?.id ?? null,
        resolvedBy: resolution.resolvedBy,
      };
    }),
    tookMs: performance.now() - started,
  };
}

/** Checks every claim and citation of a text against a library with the built-in judge. */
export function verifyText(
  library: Library,
  request: ParsedVerifyRequest,
  options: Partial<typeof VERIFY_DEFAULTS> = {},
): VerifyResponse {
  const started = performance.now();
  const plan = planVerify(library, request, { ...VERIFY_DEFAULTS, ...options });
  const judge = createBuiltinJudge(library.statistics);
  const judgements = judge.judgeSelectivelyNow(jobsOf(plan));
  return assemble(library, plan, request, judgements, started);
}

/** Checks every claim and citation of a text with a given judge (the NLI judge, when a model is configured). */
export async function verifyTextWith(
  library: Library,
  request: ParsedVerifyRequest,
  judge: Judge,
  options: Partial<typeof VERIFY_DEFAULTS> = {},
): Promise<VerifyResponse> {
  const started = performance.now();
  const plan = planVerify(library, request, { ...VERIFY_DEFAULTS, ...options });
  const judgements = await judge.judgeSelectively(jobsOf(plan));
  return assemble(library, plan, request, judgements, started);
}
