// What every page shows while the server has no index yet: how to add papers, instead of an error
// that "Try again" cannot fix.

import { Link } from 'react-router';

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
        Citelens reads JSON Lines, JSON (also OpenAlex and Semantic Scholar), CSV, TSV, BibTeX, CSL-JSON, RIS, MEDLINE,
        Web of Science, PubMed XML, EndNote XML, MODS XML, arXiv Atom, a Zotero RDF export and a Zotero library. After
        indexing from a terminal, reload this page; if it still shows this, restart Citelens so it loads the new index.
      </p>
    </section>
  );
}
