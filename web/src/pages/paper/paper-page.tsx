// The Paper page: metadata (authors and tags link to the Library filtered by them), summary,
// outbound links, "show on map", citation export and similar papers. A `?passage=<id>` link (from
// a cited source) marks the cited span, `&start=&end=`, or else the passage.
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { getPaper } from '../../api/library.api.ts';
import { useRequest } from '../../api/use-request.ts';
import { HighlightedText } from '../../components/highlighted-text.tsx';
import { TagList } from '../../components/paper-meta.tsx';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { libraryLink } from '../library/library-url.ts';
import { CitePanel } from './cite-panel.tsx';
import { citedRange } from './cited-range.ts';
import { paperLinks } from './paper-links.ts';
import { SimilarPapers } from './similar-papers.tsx';

export function PaperPage() {
  const id = useParams().id ?? '';
  const [params] = useSearchParams();
  const request = useRequest(id, (signal) => getPaper(id, signal));
  const data = request.data?.paper.id === id ? request.data : undefined;
  const cited = data ? citedRange(data.passages, params) : undefined;
  // The cited words are what the reader came for: bring them into view.
  const citedKey = cited ? `${cited.field}:${cited.start}-${cited.end}` : null;
  useEffect(() => {
    if (citedKey) document.querySelector('mark.cited')?.scrollIntoView({ block: 'center' });
  }, [citedKey]);

  if (request.status === 'error' && request.error) {
    return (
      <>
        <title>Paper not available · Citelens</title>
        <h1 tabIndex={-1}>{request.error.code === 'PAPER_NOT_FOUND' ? 'Paper not found' : 'Paper not available'}</h1>
        <ErrorNotice error={request.error} title={`Could not load the paper “${id}”`} onRetry={request.retry} />
        {request.error.code === 'PAPER_NOT_FOUND' ? (
          // A stale or mistyped link: the id's words usually find the paper, if the library has it.
          <p>
            <Link to={`/search?${new URLSearchParams({ q: id.replace(/[-_:/.]+/g, ' ').trim() || id })}`}>
              Search the library for “{id}”
            </Link>{' '}
            or <Link to="/library">browse all papers</Link>.
          </p>
        ) : null}
      </>
    );
  }
  if (!data) {
    return (
      <>
        <h1 tabIndex={-1} className="visually-hidden">
          Loading paper
        </h1>
        <Loading label="Loading the paper…" lines={8} />
      </>
    );
  }

  const { paper } = data;
  const links = paperLinks(paper);
  return (
    <>
      <title>{`${paper.title} · Citelens`}</title>
      <div className="paper-layout">
        <article className="paper">
          <h1 tabIndex={-1} className="paper-title">
            <HighlightedText text={paper.title} ranges={cited?.field === 'title' ? [cited] : []} markClass="cited" />
          </h1>
          <dl className="paper-facts">
            {paper.authors.length > 0 ? (
              <div>
                <dt>Authors</dt>
                <dd>
                  {paper.authors.map((author, i) => (
                    <span key={author}>
                      {i > 0 ? ', ' : ''}
                      <Link to={libraryLink('author', author)}>{author}</Link>
                    </span>
                  ))}
                </dd>
              </div>
            ) : null}
            {paper.affiliations.length > 0 ? (
              <div>
                <dt>Affiliations</dt>
                <dd>{paper.affiliations.join('; ')}</dd>
              </div>
            ) : null}
            {paper.year !== null ? (
              <div>
                <dt>Year</dt>
                <dd>{paper.year}</dd>
              </div>
            ) : null}
            {paper.venue ? (
              <div>
                <dt>Venue</dt>
                <dd>
                  <Link to={libraryLink('venue', paper.venue)}>{paper.venue}</Link>
                </dd>
              </div>
            ) : null}
            <div>
              <dt>Id</dt>
              <dd className="mono">{paper.id}</dd>
            </div>
          </dl>
          <TagList tags={paper.tags} linkTo={(tag) => libraryLink('tag', tag)} />
          <div className="paper-actions">
            {links.map((link) => (
              <a key={link.label} className="button" href={link.href} rel="noopener noreferrer" target="_blank">
                {link.label}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            ))}
            <Link className="button" to={`/map?paper=${encodeURIComponent(paper.id)}`}>
              Show on map
            </Link>
          </div>
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">Summary</h2>
            {paper.abstract ? (
              <p className="summary">
                <HighlightedText
                  text={paper.abstract}
                  ranges={cited?.field === 'abstract' ? [cited] : []}
                  markClass="cited"
                />
              </p>
            ) : (
              <p className="muted">This paper has no summary in the library.</p>
            )}
          </section>
          <CitePanel paper={paper} />
        </article>
        <aside className="paper-aside">
          <SimilarPapers paperId={paper.id} />
        </aside>
      </div>
    </>
  );
}
