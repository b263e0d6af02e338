// Search results: each paper with its best passages, the matching words highlighted, and whether
// it contains the words searched for or only comes close in meaning (rather than a bare score).
import { Link } from 'react-router';
import type { SearchResult } from '../../../../server/search/search.schema.ts';
import { HighlightedText } from '../../components/highlighted-text.tsx';
import { PaperMeta, TagList } from '../../components/paper-meta.tsx';

const MAX_PASSAGES = 2;

export function ResultList({
  results,
  start,
  tagLink,
}: {
  results: readonly SearchResult[];
  start: number;
  /** Where a tag leads: this search narrowed to the tag. */
  tagLink?: (tag: string) => string;
}) {
  return (
    <ol className="results" start={start + 1}>
      {results.map((result) => {
        const passages = result.passages.filter((p) => p.field === 'abstract').slice(0, MAX_PASSAGES);
        const hasWords = result.passages.some((p) => p.highlights.length > 0);
        // A paper matched in its title shows the words there (it may have no abstract passage at all).
        const title = result.passages.find((p) => p.field === 'title' && p.text === result.paper.title);
        return (
          <li key={result.paper.id} className="result card" data-paper-id={result.paper.id}>
            <h2 className="result-title">
              <Link to={`/papers/${encodeURIComponent(result.paper.id)}`}>
                <HighlightedText text={result.paper.title} ranges={title?.highlights ?? []} />
              </Link>
            </h2>
            <PaperMeta paper={result.paper} />
            {passages.map((passage) => (
              <p key={passage.id} className="passage">
                <HighlightedText text={passage.text} ranges={passage.highlights} />
              </p>
            ))}
            <div className="result-footer">
              <TagList tags={result.paper.tags} {...(tagLink ? { linkTo: tagLink } : {})} />
              <span
                className="score"
                title={`Relevance score ${result.score.toFixed(3)} (comparable only within this search)`}
              >
                {hasWords
                  ? 'Contains your words'
                  : result.match === false
                    ? 'Not a match; nearest in meaning'
                    : 'Close in meaning'}
              </span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
