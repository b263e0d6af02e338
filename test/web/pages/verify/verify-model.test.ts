import { describe, expect, it } from 'vitest';
import type { VerifyCitation, VerifyResponse } from '../../../../server/verify/verify.schema.ts';
import { verifyView } from '../../../../web/src/pages/verify/verify-model.ts';

const TEXT = 'Attention sinks are a structural artefact [1].';

const cited = (support: number, verdict: VerifyCitation['verdict']): VerifyCitation => ({
  marker: '[1]',
  kind: 'numeric',
  start: TEXT.indexOf('[1]'),
  end: TEXT.indexOf('[1]') + 3,
  paperId: 'sink-paper',
  title: 'The Structural Origin of Attention Sinks',
  verdict,
  score: support,
  support,
  contradiction: 0,
  judge: 'builtin',
  evidence: null,
  conflicts: [],
  resolvedBy: 'title',
  reference: null,
  note: null,
  closest: null,
  part: null,
});

const suggestion = (paperId: string, score: number) => ({
  paperId,
  title: paperId,
  score,
  evidence: { text: `${paperId} says so.`, start: 0, end: 10, field: 'abstract' as const },
});

function responseWith(citations: VerifyCitation[]): VerifyResponse {
  return {
    claims: [
      {
        text: TEXT,
        start: 0,
        end: TEXT.length,
        citations,
        suggestions: [suggestion('stronger', 0.72), suggestion('weaker', 0.27)],
      },
    ],
    references: [],
    tookMs: 1,
  } as VerifyResponse;
}

describe('verify-model', () => {
  it('offers as better-supported only the papers that back the claim more strongly than the one it cites', () => {
    const view = verifyView(responseWith([cited(0.6, 'supported')]), TEXT);
    expect(view.claims[0]!.better.map((b) => b.paperId)).toEqual(['stronger']);
  });

  it('offers every supporting paper when the cited one does not back the claim, or the claim cites nothing', () => {
    const unsupported = verifyView(responseWith([cited(0.01, 'not_supported')]), TEXT);
    expect(unsupported.claims[0]!.better.map((b) => b.paperId)).toEqual(['stronger', 'weaker']);
    const uncited = verifyView(responseWith([]), TEXT);
    expect(uncited.claims[0]!.better.map((b) => b.paperId)).toEqual(['stronger', 'weaker']);
  });

  it('gives the words the cited paper never mentions as a reason for its verdict', () => {
    const view = verifyView(
      responseWith([{ ...cited(0.4, 'not_supported'), unmentioned: ['click-through', 'rates'] }]),
      TEXT,
    );
    expect(view.claims[0]!.citations[0]!.reason).toBe('the paper never mentions: click-through, rates');
  });
});
