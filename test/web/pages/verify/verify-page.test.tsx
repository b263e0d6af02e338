// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VerifyCitation, VerifyResponse } from '../../../../server/verify/verify.schema.ts';
import { VERIFY_LIMITS } from '../../../../server/verify/verify.schema.ts';
import { readDraft } from '../../../../web/src/pages/verify/verify-draft.ts';
import { MAX_TEXT_CHARS, VerifyPage } from '../../../../web/src/pages/verify/verify-page.tsx';

const showPage = () =>
  render(
    <MemoryRouter>
      <VerifyPage />
    </MemoryRouter>,
  );

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

const DRAFT = 'Prior work is broad. Serving is costly. Attention sinks are structural [1].';

function cited(): VerifyCitation {
  const start = DRAFT.indexOf('[1]');
  return {
    marker: '[1]',
    kind: 'numeric',
    start,
    end: start + 3,
    paperId: 'sink-paper',
    title: 'The Structural Origin of Attention Sinks',
    verdict: 'supported',
    score: 0.9,
    support: 0.9,
    contradiction: 0,
    judge: 'builtin',
    evidence: null,
    conflicts: [],
    resolvedBy: 'title',
    reference: null,
    note: null,
    closest: null,
    part: null,
  };
}

const sentence = (text: string) => ({ text, start: DRAFT.indexOf(text), end: DRAFT.indexOf(text) + text.length });

const VERIFIED: VerifyResponse = {
  claims: [
    { ...sentence('Prior work is broad.'), citations: [], suggestions: [] },
    {
      ...sentence('Serving is costly.'),
      citations: [],
      suggestions: [
        {
          paperId: 'llmspace',
          title: 'LLMSpace',
          score: 0.7,
          evidence: { text: 'Serving has a cost.', start: 0, end: 19, field: 'abstract' },
        },
      ],
    },
    { ...sentence('Attention sinks are structural [1].'), citations: [cited()], suggestions: [] },
  ],
  references: [],
  tookMs: 3,
} as VerifyResponse;

describe('verify-page', () => {
  it('keeps the draft text and reference list when the page is left and opened again', () => {
    const first = showPage();
    fireEvent.change(screen.getByRole('textbox', { name: 'Text with citations' }), {
      target: { value: 'Sinks are structural [1].' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Reference list (optional)' }), {
      target: { value: '[1] Why attention sinks appear in transformers. 2026.' },
    });
    first.unmount();

    showPage();
    expect((screen.getByRole('textbox', { name: 'Text with citations' }) as HTMLTextAreaElement).value).toBe(
      'Sinks are structural [1].',
    );
    expect((screen.getByRole('textbox', { name: 'Reference list (optional)' }) as HTMLTextAreaElement).value).toBe(
      '[1] Why attention sinks appear in transformers. 2026.',
    );
    expect(screen.getByRole('button', { name: 'Verify' })).toHaveProperty('disabled', false);
  });

  it('forgets the draft once both boxes are emptied, and reads a damaged saved draft as empty', () => {
    showPage();
    const box = screen.getByRole('textbox', { name: 'Text with citations' });
    fireEvent.change(box, { target: { value: 'x' } });
    expect(sessionStorage.length).toBe(1);
    fireEvent.change(box, { target: { value: '' } });
    expect(sessionStorage.length).toBe(0);

    sessionStorage.setItem('citelens.verify.draft', '{not json');
    expect(readDraft()).toEqual({ text: '', references: '' });
  });

  it('takes a draft as long as the server checks, so a long paper keeps its reference list', () => {
    expect(MAX_TEXT_CHARS).toBe(VERIFY_LIMITS.maxTextChars);
    showPage();
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Text with citations' });
    expect(box.maxLength).toBe(VERIFY_LIMITS.maxTextChars);
    expect(
      screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Reference list (optional)' }).maxLength,
    ).toBeGreaterThan(100_000);

    fireEvent.change(box, { target: { value: 'x'.repeat(30_000) } });
    expect(screen.getByText('30,000 characters')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'x'.repeat(MAX_TEXT_CHARS) } });
    expect(screen.getByText(/the most one check takes, so anything pasted beyond it was left out/)).toBeTruthy();
  });

  it("lists the claims that cite something, and the draft's uncited sentences only when asked", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(VERIFIED), { headers: { 'content-type': 'application/json' } })),
    );
    showPage();
    fireEvent.change(screen.getByRole('textbox', { name: 'Text with citations' }), { target: { value: DRAFT } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    const toggle = await screen.findByRole('checkbox', {
      name: 'Also list the 2 sentences that cite nothing (1 with a library paper that supports it)',
    });
    const claims = () => [...document.querySelectorAll('.verify-table .claim-cell')].map((cell) => cell.textContent);
    expect(claims()).toEqual(['Attention sinks are structural [1].']);
    expect(screen.queryByText('This claim cites nothing.')).toBeNull();

    fireEvent.click(toggle);
    expect(claims()).toEqual(['Prior work is broad.', 'Serving is costly.', 'Attention sinks are structural [1].']);
    expect(screen.getByRole('link', { name: 'LLMSpace' })).toBeTruthy();
  });

  it('offers "Try again" when the request fails, keeping the draft, and shows the results once the server answers', async () => {
    const server = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', server);
    showPage();
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Text with citations' });
    fireEvent.change(box, { target: { value: DRAFT } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The text could not be checked');
    expect(box.value).toBe(DRAFT);

    server.mockImplementation(
      async () => new Response(JSON.stringify(VERIFIED), { headers: { 'content-type': 'application/json' } }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('checkbox', { name: /^Also list the 2 sentences that cite nothing/ });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(server).toHaveBeenCalledTimes(2);
    const sent = server.mock.calls.map(([, init]) => JSON.parse(String(init?.body)).text);
    expect(sent).toEqual([DRAFT, DRAFT]);
    expect(box.value).toBe(DRAFT);
  });

  it('says which box to shorten when the UTF-8 request would be over the server body limit, without sending it', async () => {
    // As the server answers a body over its 512 KB.
    const server = vi.fn(
      async () =>
        new Response(
          JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than 512 KB.' } }),
          { status: 413, headers: { 'content-type': 'application/json' } },
        ),
    );
    vi.stubGlobal('fetch', server);
    showPage();
    // 90,000 + 100,000 CJK characters: under both boxes' lengths, ~570 KB in UTF-8 (3 bytes each).
    fireEvent.change(screen.getByRole('textbox', { name: 'Text with citations' }), {
      target: { value: `${'注意力汇聚是结构性的'.repeat(9_000)} [1]` },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Reference list (optional)' }), {
      target: { value: `[1] ${'注意力汇聚的结构起源'.repeat(10_000)}` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    const alert = await screen.findByRole('alert');
    expect(server).not.toHaveBeenCalled();
    expect(alert.textContent).toContain('more than the 512 KB one check takes');
    expect(alert.textContent).toContain('Shorten the reference list (the text is 264 KB, the reference list 293 KB)');
  });

  it('names every export a reference list may be pasted as in its hint, Zotero RDF and MODS among them', () => {
    showPage();
    const hint = screen.getByRole('textbox', { name: 'Reference list (optional)' }).getAttribute('aria-describedby');
    const said = document.getElementById(hint!)?.textContent ?? '';
    for (const name of ['BibTeX', 'RIS', 'CSL-JSON', 'Zotero RDF', 'MODS XML', 'EndNote XML'])
      expect(said).toContain(name);
  });
});
