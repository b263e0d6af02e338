// The papers nearest to this one in the library, by paper vector, with the terms each shares with
// this one (when the server sends them).
import { Link } from 'react-router';
import { getSimilar } from '../../api/library.api.ts';
import { useRequest } from '../../api/use-request.ts';
import { PaperMeta } from '../../components/paper-meta.tsx';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';

const SIMILAR_COUNT = 6;

export function SimilarPapers({ paperId }: { paperId: string }) {
  const request = useRequest(paperId, (signal) => getSimilar(paperId, SIMILAR_COUNT, signal));
  const results = request.data?.paperId === paperId ? request.data.results : undefined;
  return (
    <section className="similar" aria-labelledby="similar-heading">
      <h2 id="similar-heading">Similar papers</h2>
      {request.status === 'error' && request.error ? (
        <ErrorNotice error={request.error} title="Similar papers could not be loaded" onRetry={request.retry} />
      ) : !results ? (
        <Loading label="Finding similar papers…" lines={4} />
      ) : results.length === 0 ? (
        <EmptyState title="No other papers in the library yet." />
      ) : (
        <ol className="similar-list">
          {results.map((result) => (
            <li key={result.paper.id}>
              <Link to={`/papers/${encodeURIComponent(result.paper.id)}`}>{result.paper.title}</Link>
              <PaperMeta paper={result.paper} />
              {result.sharedTerms && result.sharedTerms.length > 0 ? (
                <p className="shared-terms">
                  <span className="muted">Shares: </span>
                  {result.sharedTerms.join(', ')}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
