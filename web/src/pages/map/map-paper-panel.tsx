// The side panel of the Map: the selected paper's title, byline, abstract and a link to open it.
import { Link } from 'react-router';
import { getPaper } from '../../api/library.api.ts';
import { useRequest } from '../../api/use-request.ts';
import { PaperMeta } from '../../components/paper-meta.tsx';
import { ErrorNotice, Loading } from '../../components/status.tsx';

/** Longest abstract shown in the panel, in characters; the paper page has the rest. */
const ABSTRACT_CHARS = 700;

export function MapPaperPanel({ paperId, onClose }: { paperId: string | null; onClose: () => void }) {
  const request = useRequest(paperId, (signal) => getPaper(paperId!, signal));
  const paper = request.data?.paper.id === paperId ? request.data.paper : undefined;
  return (
    <aside className="map-panel card" aria-labelledby="map-panel-heading" aria-live="polite">
      {paperId === null ? (
        <>
          <h2 id="map-panel-heading" className="map-panel-title">
            No paper selected
          </h2>
          <p className="muted">Tap or click a point to see its paper here. Scroll or pinch to zoom; drag to pan.</p>
        </>
      ) : request.status === 'error' && request.error ? (
        <ErrorNotice error={request.error} title="The paper could not be loaded" onRetry={request.retry} />
      ) : !paper ? (
        <>
          <h2 id="map-panel-heading" className="visually-hidden">
            Loading the paper
          </h2>
          <Loading label="Loading the paper…" lines={5} />
        </>
      ) : (
        <>
          <h2 id="map-panel-heading" className="map-panel-title">
            {paper.title}
          </h2>
          <PaperMeta paper={paper} />
          {paper.abstract ? (
            <p className="map-panel-abstract">
              {paper.abstract.length > ABSTRACT_CHARS ? `${paper.abstract.slice(0, ABSTRACT_CHARS)}…` : paper.abstract}
            </p>
          ) : (
            <p className="muted">This paper has no summary in the library.</p>
          )}
          <div className="map-panel-actions">
            <Link className="button button-primary" to={`/papers/${encodeURIComponent(paper.id)}`}>
              Open
            </Link>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </aside>
  );
}
