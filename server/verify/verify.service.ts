// The `verify` verb: plans a text's claims and citations (verify-plan.ts), has a judge read whether
// each paper's sentences back its claim, and builds the response, with papers that back a claim better.
import type { Paper } from '../../indexer/index.ts';
import { type EvidenceSentence, sentencesOfPaper } from './evidence-sentences.ts';
import { createBuiltinJudge } from './judge/builtin.judge.ts';
import type { Judge, Judgement, SelectiveRequest } from './judge/judge.ts';
import type { Library } from './library.ts';
import { resolveReference } from './resolve-reference.ts';
import type {
  Claim,
  Evidence,
  ParsedVerifyRequest,
  Suggestion,
  VerifyCitation,
  VerifyResponse,
} from './verify.schema.ts';
import { type Plan, planVerify, VERIFY_DEFAULTS } from './verify-plan.ts';

function evidenceOf(judgement: Judgement): Evidence | null {
  const e = judgement.evidence;
  return e ? { text: e.text, start: e.start, end: e.end, field: e.field } : null;
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
          cocited: citation.cocited,
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
  plan: Plan,
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
        ...(judgement.unmentioned ? { unmentioned: judgement.unmentioned } : {}),
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
