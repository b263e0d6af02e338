// The Paper page: metadata, summary, outbound links, similar papers and a "copy BibTeX" action.
// A `?passage=<id>` link (from a cited source) highlights that passage in the summary.
import { useParams, useSearchParams } from 'react-router';
import { getPaper } from '../../api/library.api.ts';
import { useRequest } from '../../api/use-request.ts';
import { toBibtex } from '../../citations/bibtex.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { HighlightedText } from '../../components/highlighted-text.tsx';
import { TagList } from '../../components/paper-meta.tsx';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { paperLinks } from './paper-links.ts';
import { SimilarPapers } from './similar-papers.tsx';

export function PaperPage() {
  const id = useParams().id ?? '';
  const [params] = useSearchParams();
  const request = useRequest(id, (signal) => getPaper(id, signal));
  const data = request.data?.paper.id === id ? request.data : undefined;

  if (request.status === 'error' && request.error) {
    return (
      <>
        <title>Paper not available · Citelens</title>
        <h1 tabIndex={-1}>{request.error.code === 'PAPER_NOT_FOUND' ? 'Paper not found' : 'Paper not available'}</h1>
        <ErrorNotice error={request.error} title={`Could not load the paper “${id}”`} onRetry={request.retry} />
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

  const { paper, passages } = data;
  const selected = passages.find((p) => String(p.id) === params.get('passage'));
  const links = paperLinks(paper);
  return (
    <>
      <title>{`${paper.title} · Citelens`}</title>
      <div className="paper-layout">
        <article className="paper">
          <h1 tabIndex={-1} className="paper-title">
            {paper.title}
          </h1>
          <dl className="paper-facts">
            {paper.authors.length > 0 ? (
              <div>
                <dt>Authors</dt>
                <dd>{paper.authors.join(', ')}</dd>
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
                <dd>{paper.venue}</dd>
              </div>
            ) : null}
            <div>
              <dt>Id</dt>
              <dd className="mono">{paper.id}</dd>
            </div>
          </dl>
          <TagList tags={paper.tags} />
          <div className="paper-actions">
            {links.map((link) => (
              <a key={link.label} className="button" href={link.href} rel="noopener noreferrer" target="_blank">
                {link.label}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            ))}
            <CopyButton text={toBibtex(paper)} label="Copy BibTeX" copiedLabel="BibTeX copied" />
          </div>
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">Summary</h2>
            {paper.abstract ? (
              <p className="summary">
                <HighlightedText
                  text={paper.abstract}
                  ranges={selected?.field === 'abstract' ? [selected] : []}
                  markClass="cited"
                />
              </p>
            ) : (
              <p className="muted">This paper has no summary in the library.</p>
            )}
          </section>
        </article>
        <aside className="paper-aside">
          <SimilarPapers paperId={paper.id} />
        </aside>
      </div>
    </>
  );
}
