// The Library page: what is indexed, with which embedder, and when; and a plain notice when the
// built-in offline embedder (lower quality than a neural model) is in use.
import { getStats } from '../../api/library.api.ts';
import { useRequest } from '../../api/use-request.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { formatBytes, formatDateTime } from './format.ts';

export function LibraryPage() {
  const request = useRequest('stats', (signal) => getStats(signal));
  const stats = request.data;
  return (
    <>
      <title>Library · Citelens</title>
      <h1 tabIndex={-1}>Library</h1>
      {request.status === 'error' && request.error ? (
        <ErrorNotice error={request.error} title="The library could not be read" onRetry={request.retry} />
      ) : !stats ? (
        <Loading label="Reading the library…" lines={5} />
      ) : (
        <>
          {stats.builtinEmbedder ? (
            <div className="notice notice-warning" role="note">
              <p className="notice-title">Using the built-in offline embedder</p>
              <p>
                This index was built without a neural model, so “semantic” matches rest on word statistics of your own
                library. Search still works; for better matches of meaning, rebuild with a transformers model:{' '}
                <code>citelens index &lt;files&gt; --rebuild --embedder transformers</code>.
              </p>
            </div>
          ) : null}
          <dl className="stats">
            <div className="stat">
              <dt>Papers</dt>
              <dd>{stats.papers.toLocaleString()}</dd>
            </div>
            <div className="stat">
              <dt>Passages</dt>
              <dd>{stats.passages.toLocaleString()}</dd>
            </div>
            <div className="stat">
              <dt>Index size</dt>
              <dd>{formatBytes(stats.sizeBytes)}</dd>
            </div>
            <div className="stat">
              <dt>Generation</dt>
              <dd>{stats.generation}</dd>
            </div>
          </dl>
          <section aria-labelledby="embedder-heading" className="card">
            <h2 id="embedder-heading">Embedder</h2>
            <dl className="facts">
              <div>
                <dt>Kind</dt>
                <dd>
                  {stats.embedder.kind === 'builtin' ? 'Built-in (offline, fitted on this library)' : 'Transformers'}
                </dd>
              </div>
              <div>
                <dt>Model</dt>
                <dd className="mono">{stats.embedder.model}</dd>
              </div>
              <div>
                <dt>Dimensions</dt>
                <dd>{stats.embedder.dimensions}</dd>
              </div>
              <div>
                <dt>Revision</dt>
                <dd className="mono">{stats.embedder.revision}</dd>
              </div>
              <div>
                <dt>Index built</dt>
                <dd>
                  <time dateTime={stats.builtAt}>{formatDateTime(stats.builtAt)}</time>
                </dd>
              </div>
            </dl>
          </section>
        </>
      )}
    </>
  );
}
