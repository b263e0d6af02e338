// Adding papers from the browser: drop files on the box or choose them; they are sent, indexed by
// the server with a progress bar, and the problems the CLI would print are listed with file and line.
import { type DragEvent, useId, useRef, useState } from 'react';
import type { UploadEvent, UploadProblem } from '../../../../server/library/upload.schema.ts';
import { ApiError } from '../../api/api-error.ts';
import { indexUpload, sendFile, startUpload } from '../../api/upload.api.ts';
import { CodeText } from '../../components/code-text.tsx';
import { ACCEPTED_EXTENSIONS, formatNames } from '../../inputs/input-formats.ts';

type State =
  | { phase: 'idle' }
  | { phase: 'sending'; sent: number; total: number }
  | { phase: 'indexing'; stage: 'read' | 'embed'; done: number; total: number }
  | { phase: 'done'; event: Extract<UploadEvent, { type: 'done' }> }
  | { phase: 'failed'; message: string; hint: string | undefined; problems: UploadProblem[] };

const STAGE_LABEL = { read: 'Reading the files', embed: 'Embedding the papers' } as const;

function Progress({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <div className="upload-progress">
      <label>
        {label}
        <progress max={Math.max(total, 1)} value={Math.min(done, total)} />
      </label>
      <span className="muted">{total > 0 ? `${Math.round((Math.min(done, total) / total) * 100)}%` : ''}</span>
    </div>
  );
}

export function AddPapers({ onIndexed }: { onIndexed: () => void }) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();
  const busy = state.phase === 'sending' || state.phase === 'indexing';

  const add = async (files: readonly File[]) => {
    if (files.length === 0 || busy) return;
    try {
      const total = files.reduce((sum, file) => sum + file.size, 0);
      setState({ phase: 'sending', sent: 0, total });
      const id = await startUpload();
      let before = 0;
      for (const file of files) {
        await sendFile(id, file, (bytes) => setState({ phase: 'sending', sent: before + bytes, total }));
        before += file.size;
      }
      setState({ phase: 'indexing', stage: 'read', done: 0, total: files.length });
      let finished = false;
      await indexUpload(id, (event) => {
        if (event.type === 'progress') {
          setState({ phase: 'indexing', stage: event.stage, done: event.done, total: event.total });
        } else if (event.type === 'done') {
          finished = true;
          setState({ phase: 'done', event });
          onIndexed();
        } else {
          finished = true;
          setState({ phase: 'failed', message: event.message, hint: event.hint, problems: event.problems });
        }
      });
      if (!finished) {
        setState({
          phase: 'failed',
          message: 'The server stopped before it finished indexing.',
          hint: undefined,
          problems: [],
        });
      }
    } catch (error) {
      const apiError = error instanceof ApiError ? error : undefined;
      setState({
        phase: 'failed',
        message: error instanceof Error ? error.message : String(error),
        hint: apiError?.hint,
        problems: [],
      });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void add([...event.dataTransfer.files]);
  };

  return (
    <section className="add-papers card" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} className="add-papers-title">
        Add papers
      </h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone is for mouse users; the button inside chooses files by keyboard. */}
      <div
        className={`drop-zone${over ? ' is-over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop paper files here, or</p>
        <button type="button" className="button" onClick={() => input.current?.click()} disabled={busy}>
          Choose files…
        </button>
        <input
          ref={input}
          id={`${ids}-files`}
          className="visually-hidden"
          type="file"
          multiple
          accept={ACCEPTED_EXTENSIONS}
          tabIndex={-1}
          aria-label="Paper files"
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            event.currentTarget.value = '';
            void add(files);
          }}
        />
        <p className="muted">{formatNames({ last: 'or' })}.</p>
      </div>
      <div role="status" aria-live="polite" className="upload-status">
        {state.phase === 'sending' ? (
          <Progress label="Sending the files" done={state.sent} total={state.total} />
        ) : null}
        {state.phase === 'indexing' ? (
          <Progress label={STAGE_LABEL[state.stage]} done={state.done} total={state.total} />
        ) : null}
        {state.phase === 'done' ? (
          <p className="notice notice-success">
            Indexed: {state.event.added} added, {state.event.updated} updated, {state.event.unchanged} unchanged
            {state.event.repaired > 0 ? `, ${state.event.repaired} repaired` : ''}. The library now holds{' '}
            {state.event.papers.toLocaleString()} papers.
          </p>
        ) : null}
      </div>
      {state.phase === 'done' && state.event.skipped.length > 0 ? (
        <div className="notice notice-warning" role="alert">
          <p className="notice-title">
            {state.event.skipped.length === 1 ? '1 record was' : `${state.event.skipped.length} records were`} refused
          </p>
          <ul className="upload-problems">
            {state.event.skipped.map((problem) => (
              <li key={problem.text}>
                <code>{problem.text}</code>
              </li>
            ))}
          </ul>
          <p className="muted">Fix them and add the file again; the papers already added stay.</p>
        </div>
      ) : null}
      {state.phase === 'failed' ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">The files were not added</p>
          <p>{state.message}</p>
          {state.problems.length > 0 ? (
            <ul className="upload-problems">
              {state.problems.map((problem) => (
                <li key={problem.text}>
                  <code>{problem.text}</code>
                </li>
              ))}
            </ul>
          ) : null}
          {state.hint ? (
            <p className="muted">
              {state.problems.length > 0 ? (
                'Fix the records listed above and add the file again.'
              ) : (
                <CodeText text={state.hint} />
              )}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
