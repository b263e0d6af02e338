// The Ask page (home): a question box, and the cited answer as it streams in. The question lives
// in the URL (?q=), so an answer can be shared, reloaded and reached with the back button; the
// questions asked since the page opened are listed under it and reopen with one click.
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { streamAnswer } from '../../api/answer.api.ts';
import { ApiError, isAbort } from '../../api/api-error.ts';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import type { AnswerView as AnswerModel } from './answer-model.ts';
import { AnswerView } from './answer-view.tsx';
import { rememberQuestion, useAskedQuestions } from './asked-questions.ts';

type AskState =
  | { status: 'idle' }
  | { status: 'waiting' }
  | { status: 'streaming' | 'done'; answer: AnswerModel }
  | { status: 'error'; error: ApiError; answer?: AnswerModel };

const MAX_QUESTION_CHARS = 1_000;

export function AskPage() {
  const [params, setParams] = useSearchParams();
  const question = params.get('q')?.trim() ?? '';
  const [draft, setDraft] = useState(question);
  const [state, setState] = useState<AskState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const location = useLocation();
  const ids = useId();
  const asked = useAskedQuestions();
  const earlier = asked.filter((q) => q !== question);

  useEffect(() => setDraft(question), [question]);

  // The `/` shortcut from another page lands here with focusQuestion; an empty home page focuses too.
  useEffect(() => {
    if ((location.state as { focusQuestion?: boolean } | null)?.focusQuestion || !question) box.current?.focus();
  }, [location.state, question]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-asks after an error.
  useEffect(() => {
    if (!question) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    rememberQuestion(question);
    setState({ status: 'waiting' });
    let latest: AnswerModel | undefined;
    streamAnswer(
      question,
      (answer, done) => {
        latest = answer;
        if (!controller.signal.aborted) setState({ status: done ? 'done' : 'streaming', answer });
      },
      controller.signal,
    ).catch((error: unknown) => {
      if (controller.signal.aborted || isAbort(error)) return;
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError('UNEXPECTED', error instanceof Error ? error.message : String(error), 0);
      setState({ status: 'error', error: apiError, ...(latest ? { answer: latest } : {}) });
    });
    return () => controller.abort();
  }, [question, attempt]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const next = draft.trim();
    if (!next) return;
    if (next === question) setAttempt((n) => n + 1);
    else setParams({ q: next });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const busy = state.status === 'waiting' || state.status === 'streaming';
  return (
    <>
      <title>{question ? `${question} · Citelens` : 'Ask · Citelens'}</title>
      <h1 tabIndex={-1}>Ask your library</h1>
      <form className="ask-form" onSubmit={submit} aria-label="Ask a question">
        <label htmlFor={`${ids}-question`} className="visually-hidden">
          Question
        </label>
        <div className="ask-row">
          <textarea
            ref={box}
            id={`${ids}-question`}
            name="question"
            className="input"
            rows={2}
            maxLength={MAX_QUESTION_CHARS}
            placeholder="Ask a question about your papers…"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            aria-describedby={`${ids}-hint`}
            data-primary-input=""
          />
          <button type="submit" className="button button-primary" disabled={!draft.trim()}>
            {busy ? 'Asking…' : 'Ask'}
          </button>
        </div>
        <p id={`${ids}-hint`} className="ask-hint">
          Enter asks, Shift+Enter starts a new line, <kbd>/</kbd> comes back here. Every sentence of the answer cites
          the passage it rests on.
        </p>
      </form>
      <div className="answer-region" aria-live="polite">
        {state.status === 'idle' ? (
          <EmptyState title="Ask a question to get an answer drawn from your library">
            <p className="muted">
              Citelens answers only from the papers you indexed, with a citation on every sentence, and says so when the
              library holds no answer.
            </p>
          </EmptyState>
        ) : null}
        {state.status === 'waiting' ? <Loading label="Finding passages and writing the answer…" lines={4} /> : null}
        {state.status === 'error' ? (
          <ErrorNotice
            error={state.error}
            title="The question could not be answered"
            onRetry={() => setAttempt((n) => n + 1)}
          />
        ) : null}
        {state.status === 'streaming' || state.status === 'done' ? (
          <AnswerView answer={state.answer} streaming={state.status === 'streaming'} />
        ) : null}
        {state.status === 'error' && state.answer ? <AnswerView answer={state.answer} /> : null}
      </div>
      {earlier.length > 0 ? (
        <nav className="asked-questions" aria-labelledby={`${ids}-asked`}>
          <h2 id={`${ids}-asked`} className="asked-heading">
            Asked since this page opened
          </h2>
          <ol className="asked-list">
            {earlier.map((q) => (
              <li key={q}>
                <Link to={{ pathname: '/', search: `?${new URLSearchParams({ q })}` }}>{q}</Link>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
    </>
  );
}
