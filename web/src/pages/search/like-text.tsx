// "Papers like this text": paste an abstract or a paragraph and get the papers nearest in meaning
// (POST /api/search, semantic mode, up to 20,000 characters). The text and its results outlast
// leaving the page for a paper found and coming back (like-text-draft.ts).
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { searchLikeText } from '../../api/library.api.ts';
import { useRequest } from '../../api/use-request.ts';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { SUBMIT_SHORTCUT, submitOnCtrlEnter } from '../../components/submit-shortcut.ts';
import { readLikeText, saveLikeText } from './like-text-draft.ts';
import { ResultList } from './result-list.tsx';
import { MAX_QUERY_CHARS } from './search-form.tsx';

const RESULTS = 10;
/** SEARCH_LIMITS.maxQueryChars of the search schema (not imported: it would bundle zod into the page). */
const MAX_TEXT_CHARS = 20_000;

/**
 * The box, with its results. `pasted` is a text pasted into the search box that did not fit there:
 * each new one fills this box and is searched at once.
 */
export function LikeText({ pasted = null }: { pasted?: { text: string } | null }) {
  const ids = useId();
  const box = useRef<HTMLDetailsElement>(null);
  const [saved] = useState(readLikeText);
  const [draft, setDraft] = useState(saved.draft);
  const [text, setText] = useState<string | null>(saved.searched);
  const [open, setOpen] = useState(saved.open);
  const request = useRequest(text, (signal) => searchLikeText(text!, RESULTS, signal));
  const edit = (next: string) => {
    setDraft(next);
    setFromSearchBox(false);
    saveLikeText({ draft: next, searched: text, open });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = draft.trim();
    if (!trimmed) return;
    setText(trimmed);
    saveLikeText({ draft, searched: trimmed, open });
  };
  const clear = () => {
    setFromSearchBox(false);
    setDraft('');
    setText(null);
    saveLikeText({ draft: '', searched: null, open });
  };
  const [fromSearchBox, setFromSearchBox] = useState(false);
  /** Characters of the pasted text past MAX_TEXT_CHARS, left out of the box and the search. */
  const [leftOut, setLeftOut] = useState(0);
  useEffect(() => {
    if (!pasted) return;
    // The server refuses a query over MAX_TEXT_CHARS (400, with no retry), so the box keeps what fits.
    const kept = pasted.text.slice(0, MAX_TEXT_CHARS);
    const trimmed = kept.trim();
    if (!trimmed) return;
    setDraft(kept);
    setText(trimmed);
    setOpen(true);
    setFromSearchBox(true);
    setLeftOut(pasted.text.length - kept.length);
    saveLikeText({ draft: kept, searched: trimmed, open: true });
    box.current?.scrollIntoView({ block: 'start' });
  }, [pasted]);
  const found = request.data && text ? request.data.results : undefined;
  return (
    <details
      ref={box}
      className="like-text card"
      open={open}
      onToggle={(event) => {
        const next = event.currentTarget.open;
        setOpen(next);
        saveLikeText({ draft, searched: text, open: next });
      }}
    >
      <summary>Papers like this text</summary>
      {fromSearchBox ? (
        <p className="notice like-text-note" role="note">
          The text pasted into the search box was longer than its {MAX_QUERY_CHARS.toLocaleString()} characters, so it
          is searched here, by meaning,{' '}
          {leftOut > 0
            ? `up to its first ${MAX_TEXT_CHARS.toLocaleString()} characters; the other ${leftOut.toLocaleString()} were left out.`
            : 'whole.'}
        </p>
      ) : null}
      <form onSubmit={submit} className="like-text-form" aria-label="Find papers like a text">
        <label htmlFor={`${ids}-text`} className="field">
          <span>Paste an abstract or a paragraph</span>
          <textarea
            id={`${ids}-text`}
            className="input"
            rows={5}
            maxLength={MAX_TEXT_CHARS}
            value={draft}
            onChange={(event) => edit(event.target.value)}
            onKeyDown={submitOnCtrlEnter}
            aria-keyshortcuts={SUBMIT_SHORTCUT}
          />
        </label>
        <div className="like-text-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={!draft.trim()}
            title="Ctrl+Enter in the box"
          >
            Find similar papers
          </button>
          {draft || text ? (
            <button type="button" className="button" onClick={clear}>
              Clear
            </button>
          ) : null}
        </div>
      </form>
      {request.status === 'error' && request.error ? (
        <ErrorNotice error={request.error} title="The search failed" onRetry={request.retry} />
      ) : request.status === 'loading' && !request.data ? (
        <Loading label="Finding papers like the text…" lines={4} />
      ) : found ? (
        found.length === 0 ? (
          <EmptyState title="No papers are like this text." />
        ) : (
          <>
            {/* Says whose results these are: the query's own results follow below the box. */}
            <p className="like-text-summary">
              {found.length === 1 ? 'The paper' : `The ${found.length} papers`} closest in meaning to the text (
              {text!.length.toLocaleString()} characters)
            </p>
            <ResultList results={found} start={0} byMeaning />
          </>
        )
      ) : null}
    </details>
  );
}
