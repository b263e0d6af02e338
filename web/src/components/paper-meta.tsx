// One line of who, when and where for a paper, and its tags; shared by results, sources and pages.
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

export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} className="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}
