// The Verify page: paste an answer with citations (and, optionally, its reference list) and see
// whether each citation supports its claim, with the evidence and better-supported papers. The draft
// outlives a visit to another page (verify-draft.ts).
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, isAbort } from '../../api/api-error.ts';
import { verifyText } from '../../api/verify.api.ts';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { SUBMIT_SHORTCUT, submitOnCtrlEnter } from '../../components/submit-shortcut.ts';
import { formatNames } from '../../inputs/input-formats.ts';
import { MarkedText } from './marked-text.tsx';
import { oversizeRequest } from './request-size.ts';
import { readDraft, rememberedResult, rememberResult, saveDraft } from './verify-draft.ts';
import { TONE_ICONS, type VerdictTone, type VerifyView } from './verify-model.ts';
import { VerifyTable } from './verify-table.tsx';

type VerifyState =
  | { status: 'idle' }
  | { status: 'loading'; previous?: VerifyView }
  | { status: 'done'; result: VerifyView }
  | { status: 'error'; error: ApiError };

/**
 * VERIFY_LIMITS.maxTextChars of the verify schema (not imported: it would bundle zod into the page).
 * A draft paper runs to tens of thousands of characters with its reference list at the end: a
 * smaller box would cut the references off unseen.
 */
export const MAX_TEXT_CHARS = 100_000;
/**
 * A reference list or .bib export. Characters are not bytes: 100,000 CJK characters take ~300 KB in
 * UTF-8, so the request's size is checked in bytes before sending (request-size.ts).
 */
export const MAX_REFERENCES_CHARS = 300_000;

const SUMMARY: Array<{ tone: VerdictTone; words: string }> = [
  { tone: 'ok', words: 'supported' },
  { tone: 'warn', words: 'partly supported' },
  { tone: 'contra', words: 'contradicted' },
  { tone: 'bad', words: 'not supported' },
  { tone: 'none', words: 'not in the library' },
];

export function VerifyPage() {
  const [draft] = useState(readDraft);
  const [text, setText] = useState(draft.text);
  const [references, setReferences] = useState(draft.references);
  const [state, setState] = useState<VerifyState>(() => {
    const result = rememberedResult();
    return result ? { status: 'done', result } : { status: 'idle' };
  });
  const running = useRef<AbortController | null>(null);
  const ids = useId();

  useEffect(() => saveDraft({ text, references }), [text, references]);
  useEffect(() => () => running.current?.abort(), []);

  // Sends the draft as it stands: the form's submit, and "Try again" after a failure.
  const check = async () => {
    if (!text.trim()) return;
    running.current?.abort();
    const input = { text, references: references.trim() || undefined };
    // The server would refuse it (413) only after the upload: say here which box to shorten.
    const oversize = oversizeRequest(input);
    if (oversize) {
      setState({ status: 'error', error: oversize });
      return;
    }
    const controller = new AbortController();
    running.current = controller;
    setState((s) => ({ status: 'loading', ...(s.status === 'done' ? { previous: s.result } : {}) }));
    try {
      const result = await verifyText(input, controller.signal);
      if (!controller.signal.aborted) {
        rememberResult(result);
        setState({ status: 'done', result });
      }
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return;
      setState({
        status: 'error',
        error: error instanceof ApiError ? error : new ApiError('UNEXPECTED', String(error), 0),
      });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void check();
  };

  const shown = state.status === 'done' ? state.result : state.status === 'loading' ? state.previous : undefined;
  // A draft's sentences that cite nothing would bury its citations in the table: they are listed on request.
  const [listUncited, setListUncited] = useState(false);
  const citing = shown?.claims.filter((claim) => claim.citations.length > 0) ?? [];
  const uncited = (shown?.claims.length ?? 0) - citing.length;
  const uncitedBacked = shown?.claims.filter((c) => c.citations.length === 0 && c.better.length > 0).length ?? 0;
  const listed = listUncited || citing.length === 0 ? (shown?.claims ?? []) : citing;
  return (
    <>
      <title>Verify · Citelens</title>
      <h1 tabIndex={-1}>Verify citations</h1>
      <p className="muted lede">
        Paste an answer, a paragraph or a draft that cites papers. Citelens checks each citation against the cited paper
        in your library and suggests papers that support the claim better.
      </p>
      <form className="verify-form" onSubmit={submit} aria-label="Verify citations">
        <div className="field">
          <label htmlFor={`${ids}-text`}>Text with citations</label>
          <span className="field-hint" id={`${ids}-text-hint`}>
            Citations like [1], [2, Sec. 4], superscripts¹, (Lin et al., 2026), (Lin 12), {'\\cite{key}'}, [@key], arXiv
            ids, DOIs or [paper-id]; text copied out of a PDF, a word processor or a chat answer is read as it comes.
          </span>
          <textarea
            id={`${ids}-text`}
            className="input"
            name="text"
            maxLength={MAX_TEXT_CHARS}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={submitOnCtrlEnter}
            aria-keyshortcuts={SUBMIT_SHORTCUT}
            aria-describedby={`${ids}-text-hint`}
            data-primary-input=""
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-refs`}>Reference list (optional)</label>
          <span className="field-hint" id={`${ids}-refs-hint`}>
            Only if it is not at the end of the text: one entry per line, e.g. “[1] Authors. Title. 2026.”, or an export
            whose keys the text cites (a LaTeX draft’s .bib): {formatNames({ pasted: true, last: 'or' })}.
          </span>
          <textarea
            id={`${ids}-refs`}
            className="input"
            name="references"
            maxLength={MAX_REFERENCES_CHARS}
            value={references}
            onChange={(e) => setReferences(e.target.value)}
            onKeyDown={submitOnCtrlEnter}
            aria-keyshortcuts={SUBMIT_SHORTCUT}
            aria-describedby={`${ids}-refs-hint`}
          />
        </div>
        <div className="verify-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={!text.trim() || state.status === 'loading'}
            title="Ctrl+Enter in either box"
          >
            {state.status === 'loading' ? 'Checking…' : 'Verify'}
          </button>
          <span className={text.length >= MAX_TEXT_CHARS ? 'verify-count-full' : 'muted'}>
            {text.length >= MAX_TEXT_CHARS
              ? `${text.length.toLocaleString()} characters: the most one check takes, so anything pasted beyond it was left out`
              : text.length > 0
                ? `${text.length.toLocaleString()} characters`
                : ''}
          </span>
        </div>
      </form>
      <section
        className="verify-results"
        aria-labelledby="verify-results-heading"
        aria-busy={state.status === 'loading'}
      >
        <h2 id="verify-results-heading" className={state.status === 'idle' ? 'visually-hidden' : undefined}>
          Results
        </h2>
        {state.status === 'idle' ? (
          <EmptyState title="Paste text with citations to check them">
            <p className="muted">
              Each claim gets a verdict per citation, with the sentence of the paper that decides it.
            </p>
          </EmptyState>
        ) : null}
        {state.status === 'error' ? (
          <ErrorNotice error={state.error} title="The text could not be checked" onRetry={() => void check()} />
        ) : null}
        {state.status === 'loading' && !shown ? <Loading label="Checking the citations…" lines={5} /> : null}
        {shown ? (
          <div className={state.status === 'loading' ? 'stale' : undefined}>
            <div role="status" aria-live="polite">
              <ul className="verify-summary" aria-label="Summary">
                <li>
                  {shown.claims.length} {shown.claims.length === 1 ? 'claim' : 'claims'}
                </li>
                {SUMMARY.map(({ tone, words }) => (
                  <li key={tone} className={`verdict verdict-${tone}`}>
                    <span aria-hidden="true">{TONE_ICONS[tone]}</span> {shown.summary[tone]} {words}
                  </li>
                ))}
              </ul>
            </div>
            {shown.claims.length === 0 ? (
              <EmptyState title="No cited claims were found in the text.">
                <p className="muted">
                  Each claim needs a citation: [1] or a superscript with a reference list, (Author, 2026), an arXiv id,
                  a DOI or [paper-id].
                </p>
              </EmptyState>
            ) : (
              <>
                <h3 className="verify-subheading">Your text</h3>
                <MarkedText view={shown} />
                <h3 className="verify-subheading">Claims and citations</h3>
                {uncited > 0 && citing.length > 0 ? (
                  <label className="verify-uncited-toggle">
                    <input
                      type="checkbox"
                      checked={listUncited}
                      onChange={(event) => setListUncited(event.currentTarget.checked)}
                    />{' '}
                    Also list the {uncited} {uncited === 1 ? 'sentence' : 'sentences'} that cite nothing
                    {uncitedBacked > 0 ? ` (${uncitedBacked} with a library paper that supports it)` : ''}
                  </label>
                ) : null}
                <VerifyTable claims={listed} />
              </>
            )}
          </div>
        ) : null}
      </section>
    </>
  );
}
