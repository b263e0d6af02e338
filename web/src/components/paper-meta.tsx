// One line of who, when and where for a paper, and its tags; shared by results, sources and pages.
import { Link } from 'react-router';
import type { Paper } from '../../../indexer/paper.schema.ts';

/** "A. Author, B. Author et al. · 2024 · Venue", leaving out what is unknown. */
export function paperByline(paper: Pick<Paper, 'authors' | 'year' | 'venue'>, maxAuthors = 3): string {
  const authors =
    paper.authors.length > maxAuthors
      ? `${paper.authors.slice(0, maxAuthors).join(', ')} et al.`
      : paper.authors.join(', ');
  return [authors, paper.year ?? '', paper.venue ?? ''].filter((part) => part !== '').join(' · ');
}

export function PaperMeta({ paper }: { paper: Pick<Paper, 'authors' | 'year' | 'venue'> }) {
  const byline = paperByline(paper);
  return byline ? <p className="paper-meta">{byline}</p> : null;
}

/** The tags, each a link (say to the Library filtered by it) when `linkTo` is given. */
export function TagList({ tags, linkTo }: { tags: readonly string[]; linkTo?: (tag: string) => string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tags" aria-label="Tags">
      {tags.map((tag) =>
        linkTo ? (
          <li key={tag}>
            <Link className="tag tag-link" to={linkTo(tag)}>
              {tag}
            </Link>
          </li>
        ) : (
          <li key={tag} className="tag">
            {tag}
          </li>
        ),
      )}
    </ul>
  );
}
