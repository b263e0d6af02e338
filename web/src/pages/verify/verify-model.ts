// What the verify table shows, derived from the server's verification: each claim with each of
// its citations' verdict and evidence sentence, and better-supported papers from the library.
import type { VerifyResponse } from '../../../../server/verify/verify.schema.ts';
import type { Range } from '../../components/highlighted-text.tsx';

/** How a verdict reads at a glance: colour and icon follow the tone, the label says it in words. */
export type VerdictTone = 'ok' | 'warn' | 'bad' | 'none';

export type CitationCheck = {
  /** The citation as written, e.g. "[2]" or "(Smith, 2021)". */
  label: string;
  /** The library paper it resolved to, if any. */
  paper?: { paperId: string; title: string };
  /** The reference list entry it points at, if any. */
  reference?: string;
  verdict: string;
  verdictLabel: string;
  tone: VerdictTone;
  /** The best evidence sentence in the cited paper, with the supporting words. */
  evidence?: { text: string; span?: Range | null };
  /** Why the verdict is what it is, when the server says. */
  reason?: string;
};

export type ClaimCheck = {
  claim: string;
  citations: CitationCheck[];
  /** Papers in the library that support the claim better than what it cites. */
  better: Array<{ paperId: string; title: string; evidence?: string }>;
};

export type VerifyView = {
  claims: ClaimCheck[];
  /** Counts per tone, for the summary line. */
  summary: Record<VerdictTone, number>;
};

type Verdict = VerifyResponse['claims'][number]['citations'][number]['verdict'];
type Conflict = VerifyResponse['claims'][number]['citations'][number]['conflicts'][number];

const VERDICTS: Record<Verdict, { label: string; tone: VerdictTone }> = {
  supported: { label: 'Supported', tone: 'ok' },
  partially_supported: { label: 'Partly supported', tone: 'warn' },
  contradicted: { label: 'Contradicted', tone: 'bad' },
  not_supported: { label: 'Not supported', tone: 'bad' },
  not_in_library: { label: 'Not in the library', tone: 'none' },
};

const CONFLICTS: Record<Conflict, string> = {
  negation: 'the evidence negates the claim',
  direction: 'the evidence points the other way',
  numbers: 'the numbers differ',
  quantifier: 'the evidence says always where the claim says never, or the other way round',
  scope: 'the evidence is about another species or population',
};

/** The table's view of a verification. */
export function verifyView(response: VerifyResponse): VerifyView {
  const summary: Record<VerdictTone, number> = { ok: 0, warn: 0, bad: 0, none: 0 };
  const claims = response.claims.map((claim) => ({
    claim: claim.text,
    citations: claim.citations.map((citation): CitationCheck => {
      const verdict = VERDICTS[citation.verdict];
      summary[verdict.tone]++;
      const reasons = [...citation.conflicts.map((c) => CONFLICTS[c]), ...(citation.note ? [citation.note] : [])];
      return {
        label: citation.marker,
        ...(citation.paperId
          ? { paper: { paperId: citation.paperId, title: citation.title ?? citation.paperId } }
          : {}),
        ...(citation.reference ? { reference: citation.reference } : {}),
        verdict: citation.verdict,
        verdictLabel: verdict.label,
        tone: verdict.tone,
        ...(citation.evidence ? { evidence: { text: citation.evidence.text, span: null } } : {}),
        ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
      };
    }),
    better: claim.suggestions.map((s) => ({ paperId: s.paperId, title: s.title, evidence: s.evidence.text })),
  }));
  return { claims, summary };
}
