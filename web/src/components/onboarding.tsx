// What every page shows while the server has no index yet: how to add papers, instead of an error
// that "Try again" cannot fix.

import { Link } from 'react-router';
import { formatNames } from '../inputs/input-formats.ts';

/** `onLibraryPage`: the "Add papers" box is right there, so point to it rather than link to it. */
export function Onboarding({ onLibraryPage = false }: { onLibraryPage?: boolean }) {
  return (
    <section className="onboarding card" aria-labelledby="onboarding-heading">
      <h2 id="onboarding-heading">Your library is empty</h2>
      <p>
        Citelens has no papers to search yet.{' '}
        {onLibraryPage ? (
          'Drop your paper files on the “Add papers” box above,'
        ) : (
          <>
            Drop your paper files on the <Link to="/library">Library</Link> page,
          </>
        )}{' '}
        or index them from a terminal:
      </p>
      <pre className="onboarding-command">
        <code>citelens index papers.jsonl</code>
      </pre>
      <p className="muted">
        Citelens reads {formatNames()}. After indexing from a terminal, reload this page; if it still shows this,
        restart Citelens so it loads the new index.
      </p>
    </section>
  );
}
