// "Papers like this text": paste an abstract or a paragraph and get the papers nearest in meaning
// (POST /api/search, semantic mode, up to 20,000 characters).
import { type FormEvent, useId, useState } from 'react';
import { searchLikeText } from '../../api/library.api.ts';
import { useRequest } from '../../api/use-request.ts';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { ResultList } from './result-list.tsx';

const RESULTS = 10;
/** SEARCH_LIMITS.maxQueryChars of the search schema (not imported: it would bundle zod into the page). */
const MAX_TEXT_CHARS = 20_000;

export function LikeText() {
  const ids = useId();
  const [draft, setDraft] = useState('');
  const [text, setText] = useState<string | null>(null);
  const request = useRequest(text, (signal) => searchLikeText(text!, RESULTS, signal));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = draft.trim();
    if (trimmed) setText(trimmed);
  };
  return (
    <details className="like-text card">
      <summary>Papers like this text</summary>
      <form onSubmit={submit} className="like-text-form" aria-label="Find papers like a text">
        <label htmlFor={`${ids}-text`} className="field">
          <span>Paste an abstract or a paragraph</span>
          <textarea
            id={`${ids}-text`}
            className="input"
            rows={5}
            maxLength={MAX_TEXT_CHARS}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        </label>
        <button type="submit" className="button button-primary" disabled={!draft.trim()}>
          Find similar papers
        </button>
      </form>
      {request.status === 'error' && request.error ? (
        <ErrorNotice error={request.error} title="The search failed" onRetry={request.retry} />
      ) : request.status === 'loading' && !request.data ? (
        <Loading label="Finding papers like the text…" lines={4} />
      ) : request.data && text ? (
        request.data.results.length === 0 ? (
          <EmptyState title="No papers are like this text." />
        ) : (
          <ResultList results={request.data.results} start={0} />
        )
      ) : null}
    </details>
  );
}
