// Search results: each paper with its best passages, the matching words highlighted.
import { Link } from 'react-router';
import type { SearchResult } from '../../../../server/search/search.schema.ts';
import { HighlightedText } from '../../components/highlighted-text.tsx';
import { PaperMeta, TagList } from '../../components/paper-meta.tsx';

const MAX_PASSAGES = 2;

export function ResultList({ results, start }: { results: readonly SearchResult[]; start: number }) {
  return (
    <ol className="results" start={start + 1}>
      {results.map((result) => {
        const passages = result.passages.filter((p) => p.field === 'abstract').slice(0, MAX_PASSAGES);
        return (
          <li key={result.paper.id} className="result card" data-paper-id={result.paper.id}>
            <h2 className="result-title">
              <Link to={`/papers/${encodeURIComponent(result.paper.id)}`}>{result.paper.title}</Link>
            </h2>
            <PaperMeta paper={result.paper} />
            {passages.map((passage) => (
              <p key={passage.id} className="passage">
                <HighlightedText text={passage.text} ranges={passage.highlights} />
              </p>
            ))}
            <div className="result-footer">
              <TagList tags={result.paper.tags} />
              <span className="score" title="Relevance score">
                score {result.score.toFixed(3)}
              </span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
