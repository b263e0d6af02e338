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
  byMeaning = false,
}: {
  results: readonly SearchResult[];
  start: number;
  /** Where a tag leads: this search narrowed to the tag. */
  tagLink?: (tag: string) => string;
  /**
   * Results for a pasted text (papers like it): ranked by meaning alone, and any paper shares some
   * of a paragraph's words, so "Contains your words" would say nothing; the label is left out.
   */
  byMeaning?: boolean;
}) {
  // Matches come first; where the ranking goes on past them on this page, a line says so.
  const split = results.findIndex((r) => r.match === false);
  if (split > 0 && results.slice(split).every((r) => r.match === false)) {
    return (
      <>
        <ResultList
          results={results.slice(0, split)}
          start={start}
          byMeaning={byMeaning}
          {...(tagLink ? { tagLink } : {})}
        />
        <p className="results-divider" data-results-divider="">
          No more papers match; the next are the closest in meaning.
        </p>
        <ResultList
          results={results.slice(split)}
          start={start + split}
          byMeaning={byMeaning}
          {...(tagLink ? { tagLink } : {})}
        />
      </>
    );
  }
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
              {byMeaning ? null : (
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
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
