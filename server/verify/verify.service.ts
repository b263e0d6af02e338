// The `verify` verb: splits a text into claims and their citations, resolves each citation to a
// library paper, and judges from the paper's sentences whether it backs the claim; suggests library
// papers that back a claim better than (or in place of) the ones cited.
import { sentenceSpans } from '../../indexer/passages/split-passages.ts';
import { terms } from '../../indexer/text/analyze.ts';
import type { Library } from './library.ts';
import { type ParsedCitation, parseCitations } from './parse-citations.ts';
import { parseReferenceEntries, type ReferenceEntry, splitReferences } from './reference-list.ts';
import { resolveCitation, resolveReference } from './resolve-citation.ts';
import { SUPPORT_THRESHOLDS, type SupportResult, SupportScorer, verdictOf } from './support-scorer.ts';
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
};

type Sentence = { start: number; end: number; citations: ParsedCitation[] };

function givenReferences(references: ParsedVerifyRequest['references']): ReferenceEntry[] {
  if (references === undefined) return [];
  if (typeof references === 'string') return parseReferenceEntries(references);
  // One entry per string; an entry may still say its own number ("[3] …").
  let offset = 0;
  return references.map((entry, i) => {
    const [parsed] = parseReferenceEntries(entry, offset);
    offset += entry.length + 1;
    const n = /^\s*(?:\[\d+\]|\d+[.)])\s/u.test(entry) ? parsed!.n : i + 1;
    return { ...parsed!, n };
  });
}

// Sentences of the body with the citations inside them. A citation that opens a sentence
// ("… in 2026. [3] The next …") belongs to the sentence before it, and a sentence break inside a
// citation ("(Lin et al. 2026)") is not a break.
function sentencesWithCitations(body: string): Sentence[] {
  const citations = parseCitations(body);
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
  for (const span of sentenceSpans(body)) {
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
    if (previous && citation.start === sentence.start) {
      previous.citations.push(citation);
      previous.end = citation.end;
      sentence.start = citation.end + (/^\s*/u.exec(body.slice(citation.end, citation.end + 1000))?.[0].length ?? 0);
    } else {
      sentence.citations.push(citation);
    }
  }
  return sentences.filter((s) => s.end > s.start);
}

/** The claim as the scorer reads it: the sentence without its citation markers. */
export function claimText(body: string, sentence: Pick<Sentence, 'start' | 'end' | 'citations'>): string {
  let text = '';
  let position = sentence.start;
  for (const citation of [...sentence.citations].sort((a, b) => a.start - b.start)) {
    if (citation.start < position) continue;
    text += body.slice(position, Math.max(position, citation.start));
    position = Math.max(position, citation.end);
  }
  text += body.slice(position, sentence.end);
  return text
    .replace(/\s+/gu, ' ')
    .replace(/\s+([.,;:!?])/gu, '$1')
    .trim();
}

function evidenceOf(result: SupportResult): Evidence | null {
  const e = result.evidence;
  return e ? { text: e.text, start: e.start, end: e.end, field: e.field } : null;
}

/** Checks every claim and citation of a text against a library. */
export function verifyText(
  library: Library,
  request: ParsedVerifyRequest,
  options: Partial<typeof VERIFY_DEFAULTS> = {},
): VerifyResponse {
  const started = performance.now();
  const settings = { ...VERIFY_DEFAULTS, ...options };
  const split = splitReferences(request.text);
  // References given separately take the place of a list at the end of the text.
  const references = request.references !== undefined ? givenReferences(request.references) : split.references;
  const body = split.body;
  const scorer = new SupportScorer(library.statistics);

  const claims: Claim[] = [];
  for (const sentence of sentencesWithCitations(body)) {
    const clean = claimText(body, sentence);
    const hasCitations = sentence.citations.length > 0;
    if (!hasCitations && new Set(terms(clean)).size < settings.minClaimTerms) continue;
    const citations: VerifyCitation[] = [];
    const cited = new Set<string>();
    for (const citation of sentence.citations) {
      const resolution = resolveCitation(citation.target, references, library);
      // "[sic]" and the like look like keys; only a key that resolves, or says [@key], is a citation.
      if (citation.target.kind === 'key' && !citation.target.explicit && resolution.candidates.length === 0) continue;
      const base = {
        marker: citation.marker,
        kind: citation.target.kind,
        start: citation.start,
        end: citation.end,
        resolvedBy: resolution.resolvedBy,
        reference: resolution.reference?.text ?? null,
        closest: resolution.closest,
      };
      if (resolution.candidates.length === 0) {
        citations.push({
          ...base,
          paperId: null,
          title: null,
          verdict: 'not_in_library',
          score: 0,
          evidence: null,
          conflicts: [],
          note: resolution.note,
        });
        continue;
      }
      const scored = resolution.candidates
        .map((paper) => ({ paper, result: scorer.scorePaper(clean, paper) }))
        .sort((a, b) => b.result.score - a.result.score);
      const { paper, result } = scored[0]!;
      cited.add(paper.id);
      citations.push({
        ...base,
        paperId: paper.id,
        title: paper.title,
        verdict: verdictOf(result),
        score: result.score,
        evidence: evidenceOf(result),
        conflicts: result.conflicts,
        note:
          scored.length > 1
            ? `${scored.length} library papers match ${citation.marker}; this one backs the claim best.`
            : null,
      });
    }
    const suggestions: Suggestion[] = [];
    if (settings.suggestionCandidates > 0 && request.suggestions > 0) {
      for (const paper of library.search(clean, settings.suggestionCandidates)) {
        if (cited.has(paper.id)) continue;
        const result = scorer.scorePaper(clean, paper);
        const evidence = evidenceOf(result);
        if (result.score >= SUPPORT_THRESHOLDS.supported && result.conflicts.length === 0 && evidence) {
          suggestions.push({ paperId: paper.id, title: paper.title, score: result.score, evidence });
        }
      }
      suggestions.sort((a, b) => b.score - a.score);
      suggestions.splice(request.suggestions);
    }
    claims.push({
      text: body.slice(sentence.start, sentence.end),
      start: sentence.start,
      end: sentence.end,
      citations,
      suggestions,
    });
  }

  return {
    claims,
    references: references.map((entry) => {
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
