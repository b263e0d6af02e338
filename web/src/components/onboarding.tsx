// What every page shows while the server has no index yet: how to add papers, instead of an error
// that "Try again" cannot fix.

export function Onboarding() {
  return (
    <section className="onboarding card" aria-labelledby="onboarding-heading">
      <h2 id="onboarding-heading">Your library is empty</h2>
      <p>Citelens has no papers to search yet. To add some, index your files from a terminal:</p>
      <pre className="onboarding-command">
        <code>citelens index papers.jsonl</code>
      </pre>
      <p className="muted">
        It reads JSON Lines, JSON, CSV, TSV, BibTeX, CSL-JSON and arXiv Atom feeds. Then reload this page; if it still
        shows this, restart Citelens so it loads the new index.
      </p>
    </section>
  );
}
