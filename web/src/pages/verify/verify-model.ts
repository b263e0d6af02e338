// What the Verify page shows, derived from the server's verification: each claim with each of its
// citations' verdict and evidence sentence, better-supported papers from the library, and the pasted
// text with every citation marked by its verdict.
import type { VerifyResponse } from '../../../../server/verify/verify.schema.ts';
import type { Range } from '../../components/highlighted-text.tsx';

/** How a verdict reads at a glance: colour and icon follow the tone, the label says it in words. */
export type VerdictTone = 'ok' | 'warn' | 'contra' | 'bad' | 'none';

export type CitationCheck = {
  /** The citation as written, e.g. "[2]" or "(Smith, 2021)". */
  label: string;
  /** The library paper it resolved to, if any. */
  paper?: { paperId: string; title: string };
  /** The reference list entry it points at, if any. */
  reference?: string;
  /** When it is not in the library: the library paper its reference most resembles (score 0–1). */
  closest?: { paperId: string; title: string; score: number };
  /** The part of the claim it was judged against, when the claim cites other papers for other parts. */
  part?: string;
  verdict: string;
  verdictLabel: string;
  tone: VerdictTone;
  /**
   * The best evidence sentence in the cited paper, with the supporting words (`span`, within `text`),
   * and where the sentence lies in the paper's title or abstract (`start`/`end` in `field`).
   */
  evidence?: { text: string; span?: Range | null; start: number; end: number; field: 'title' | 'abstract' };
  /** Why the verdict is what it is, when the server says. */
  reason?: string;
};

export type ClaimCheck = {
  claim: string;
  citations: CitationCheck[];
  /** Papers in the library that support the claim better than what it cites. */
  better: Array<{ paperId: string; title: string; evidence?: string }>;
};

/** A citation group in the pasted text ("[1, 3]" is one), with the verdict of each item in it. */
export type CitationMark = {
  start: number;
  end: number;
  /** The tone of its most serious verdict: contradicted before not supported before partly… */
  tone: VerdictTone;
  checks: Array<Pick<CitationCheck, 'label' | 'verdict' | 'verdictLabel' | 'tone'>>;
};

export type VerifyView = {
  /** The text as it was sent, which every mark's offsets count into. */
  text: string;
  claims: ClaimCheck[];
  /** The citation groups of the text, in order, each marked by its verdicts. */
  marks: CitationMark[];
  /** Counts per tone, for the summary line. */
  summary: Record<VerdictTone, number>;
};

type Verdict = VerifyResponse['claims'][number]['citations'][number]['verdict'];
type Conflict = VerifyResponse['claims'][number]['citations'][number]['conflicts'][number];

export const VERDICTS: Record<Verdict, { label: string; tone: VerdictTone }> = {
  supported: { label: 'Supported', tone: 'ok' },
  partially_supported: { label: 'Partly supported', tone: 'warn' },
  contradicted: { label: 'Contradicted', tone: 'contra' },
  not_supported: { label: 'Not supported', tone: 'bad' },
  not_in_library: { label: 'Not in the library', tone: 'none' },
};

/** The icon beside each verdict's word (never the only signal: the word is always shown or read out). */
export const TONE_ICONS: Record<VerdictTone, string> = { ok: '✓', warn: '≈', contra: '≠', bad: '✗', none: '?' };

// Which verdict a group of citations is marked by: the one a reader most needs to see.
const SEVERITY: Record<VerdictTone, number> = { contra: 4, bad: 3, warn: 2, none: 1, ok: 0 };

const CONFLICTS: Record<Conflict, string> = {
  negation: 'the evidence negates the claim',
  direction: 'the evidence points the other way',
  numbers: 'the numbers differ',
  quantifier: 'the evidence says always where the claim says never, or the other way round',
  scope: 'the evidence is about another species or population',
};

type ResponseCitation = VerifyResponse['claims'][number]['citations'][number];

function citationCheck(citation: ResponseCitation): CitationCheck {
  const verdict = VERDICTS[citation.verdict];
  const reasons = [
    ...citation.conflicts.map((c) => CONFLICTS[c]),
    ...(citation.unmentioned ? [`the paper never mentions: ${citation.unmentioned.join(', ')}`] : []),
    ...(citation.note ? [citation.note] : []),
  ];
  return {
    label: citation.marker,
    ...(citation.paperId ? { paper: { paperId: citation.paperId, title: citation.title ?? citation.paperId } } : {}),
    ...(citation.reference ? { reference: citation.reference } : {}),
    ...(citation.closest ? { closest: citation.closest } : {}),
    ...(citation.part ? { part: citation.part.text } : {}),
    verdict: citation.verdict,
    verdictLabel: verdict.label,
    tone: verdict.tone,
    ...(citation.evidence
      ? {
          evidence: {
            text: citation.evidence.text,
            span: null,
            start: citation.evidence.start,
            end: citation.evidence.end,
            field: citation.evidence.field,
          },
        }
      : {}),
    ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
  };
}

/**
 * The server's suggestions that back the claim more strongly than the best paper it cites: both
 * are the judge's support probability. A suggestion weaker than a citation that already supports
 * the claim is no better, and is not offered as one.
 */
function betterSupported(claim: VerifyResponse['claims'][number]): ClaimCheck['better'] {
  const cited = Math.max(0, ...claim.citations.filter((c) => c.paperId !== null).map((c) => c.support));
  return claim.suggestions
    .filter((s) => s.score > cited)
    .map((s) => ({ paperId: s.paperId, title: s.title, evidence: s.evidence.text }));
}

/** The page's view of a verification of `text`. */
export function verifyView(response: VerifyResponse, text: string): VerifyView {
  const summary: Record<VerdictTone, number> = { ok: 0, warn: 0, contra: 0, bad: 0, none: 0 };
  const groups = new Map<string, CitationMark>();
  const claims = response.claims.map((claim) => ({
    claim: claim.text,
    citations: claim.citations.map((citation) => {
      const check = citationCheck(citation);
      summary[check.tone]++;
      const key = `${citation.start}:${citation.end}`;
      const mark = groups.get(key) ?? { start: citation.start, end: citation.end, tone: check.tone, checks: [] };
      mark.checks.push({
        label: check.label,
        verdict: check.verdict,
        verdictLabel: check.verdictLabel,
        tone: check.tone,
      });
      if (SEVERITY[check.tone] > SEVERITY[mark.tone]) mark.tone = check.tone;
      groups.set(key, mark);
      return check;
    }),
    better: betterSupported(claim),
  }));
  const marks = [...groups.values()]
    .filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start)
    .sort((a, b) => a.start - b.start);
  return { text, claims, marks, summary };
}
