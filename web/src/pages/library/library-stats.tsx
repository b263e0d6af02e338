// What the index holds and which embedder built it, with a plain notice when the built-in offline
// embedder (lower quality than a neural model) is in use, and another when its model is out of date.
import type { StatsResponse } from '../../../../server/library/index-stats.ts';
import { formatBytes, formatDateTime } from './format.ts';

export function LibraryStats({ stats }: { stats: StatsResponse }) {
  return (
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
      {stats.embedderOutdated ? (
        <div className="notice notice-warning" role="note">
          <p className="notice-title">The embedder model is out of date</p>
          <p>
            It was fitted by an older Citelens ({stats.embedderOutdated}). Search still works as before; the next{' '}
            <code>citelens index</code> run refits it and re-embeds every paper.
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
      <details className="card embedder-details">
        <summary>
          <h2 id="embedder-heading">Embedder</h2>
        </summary>
        <dl className="facts">
          <div>
            <dt>Kind</dt>
            <dd>{stats.embedder.kind === 'builtin' ? 'Built-in (offline, fitted on this library)' : 'Transformers'}</dd>
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
      </details>
    </>
  );
}
