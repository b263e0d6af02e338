// The `verify` verb: splits a text into claims and their citations, resolves each citation to a
// library paper, and judges from the paper's sentences whether it backs the claim; suggests library
// papers that back a claim better than (or in place of) the ones cited.

import type { Paper } from '../../indexer/index.ts';
import { terms } from '../../indexer/text/analyze.ts';
import { claimText, partsOf, type Sentence, sentencesWithCitations } from './claim-sentences.ts';
import { type EvidenceSentence, sentencesOfPaper } from './evidence-sentences.ts';
import { maskFrontMatter } from './front-matter.ts';
import { groupAcronyms } from './group-acronyms.ts';
import { createBuiltinJudge } from './judge/builtin.judge.ts';
import type { Judge, Judgement, SelectiveRequest } from './judge/judge.ts';
import { maskLatexMarkup } from './latex-source.ts';
import { type Library, normalizeName } from './library.ts';
import { isAcronym } from './not-surnames.ts';
import type { CitationTarget } from './parse-citations.ts';
import { referencesOfExport } from './reference-export.ts';
import { parseReferenceEntries, type ReferenceEntry, splitReferences } from './reference-list.ts';
import { namesOfEntry, resolveCitation, resolveLinkedCitation } from './resolve-citation.ts';
import { resolveReference } from './resolve-reference.ts';
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

function evidenceOf(judgement: Judgement): Evidence | null {
  const e = judgement.evidence;
  return e ? { text: e.text, start: e.start, end: e.end, field: e.field } : null;
}

type Settings = typeof VERIFY_DEFAULTS;
type CitationBase = Pick<
  VerifyCitation,
  'marker' | 'kind' | 'start' | 'end' | 'resolvedBy' | 'reference' | 'closest' | 'part'
>;
/**
 * `claim`: the words it is judged against (its clause's, or the sentence's); `context`: the
 * sentence's, when the claim is a clause (relevance is read on it, the stance on the clause).
 */
type PlannedCitation = {
  base: CitationBase;
  candidates: Paper[];
  note: string | null;
  claim: string;
  context?: string;
};
type PlannedClaim = { sentence: Sentence; clean: string; citations: PlannedCitation[]; suggestionPapers: Paper[] };
type Plan = { claims: PlannedClaim[]; references: ReferenceEntry[] };

// MLA's "(Rando 12)", which names a page and no year ("n.d." and "in press" are no prose, so not these).
const isAuthorPage = (target: CitationTarget): target is Extract<CitationTarget, { kind: 'author-year' }> =>
  target.kind === 'author-year' && target.year === '' && !target.undated;

// An acronym is also known as the one an entry's leading group name goes by: "(WHO 2020)" beside
// "World Health Organization (WHO). (2020). …", whose surname reads as "world".
function knowsAuthor(written: string, references: readonly ReferenceEntry[], library: Library): boolean {
  const surname = normalizeName(written);
  return (
    references.some((r) => r.surname === surname || (isAcronym(written) && groupAcronyms(r.text).includes(written))) ||
    library.byAuthorYear(surname, '').length > 0
  );
}

const isGroupName = (target: CitationTarget): target is Extract<CitationTarget, { kind: 'author-year' }> =>
  target.kind === 'author-year' && target.group === true;
// Whether an entry of the reference list opens with this name ("World Health Organization (2020). …").
const listNames = (name: string, references: readonly ReferenceEntry[]) =>
  references.some((r) => r.text.toLowerCase().startsWith(name.toLowerCase()));

// Everything but the judging: claims, their resolved citations, and the library papers that might
// back each claim better. The judge then sees every (claim, paper) pair at once, so a model batches them.
function planVerify(library: Library, request: ParsedVerifyRequest, settings: Settings): Plan & { body: string } {
  // A Markdown draft's front matter holds no claims, and its "bibliography:" is no reference list.
  const split = splitReferences(maskFrontMatter(request.text));
  // References given separately take the place of a list at the end of the text.
  const references = request.references !== undefined ? givenReferences(request.references) : split.references;
  // LaTeX comments and headings are blanked, not cut, so offsets still count from the text as sent.
  const body = maskLatexMarkup(split.body);
  const claims: PlannedClaim[] = [];
  const knows = (surname: string) => knowsAuthor(surname, references, library);
  // "[LeakDojo]", "(see EMO)": a name alone cites the paper the library or the list knows by it.
  const namesInList = new Set(references.flatMap(namesOfEntry));
  const knowsName = (name: string) => namesInList.has(name) || library.byName(name).length > 0;
  for (const sentence of sentencesWithCitations(body, references, { knowsAuthor: knows, knowsName })) {
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
      // "[sic]" and the like look like keys; only a key that resolves, says [@key], or names an entry
      // of the reference list ("[LeakDojo]" beside "LeakDojo: Decoding…" in the list) is a citation.
      if (
        citation.target.kind === 'key' &&
        !citation.target.explicit &&
        resolution.candidates.length === 0 &&
        resolution.reference === null
      )
        continue;
      // "(Phase 2)" reads like MLA's "(Rando 12)": it cites only a name the list or the library knows.
      if (isAuthorPage(citation.target) && !knowsAuthor(citation.target.surname, references, library)) continue;
      // So does a name of several words: "(United States, 2020)" is a place and a year unless the
      // library or the list knows it, as they know "(World Health Organization, 2020)".
      if (
        isGroupName(citation.target) &&
        resolution.candidates.length === 0 &&
        !listNames(citation.target.surname, references)
      )
        continue;
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
        ...(part ? { context: clean } : {}),
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
        jobs.push({
          claim: citation.claim,
          context: citation.context,
          sentences: sentencesOf(paper),
          ...alternatives,
        });
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
