// Shown when a page throws while rendering: says so plainly and offers a way back.
import { Link, useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : 'Something went wrong while showing this page.';
  return (
    <main className="page" id="main">
      <title>Something went wrong · Citelens</title>
      <h1>Something went wrong</h1>
      <div className="notice notice-error" role="alert">
        <p>{message}</p>
      </div>
      <p>
        <Link to="/">Back to Ask</Link>
      </p>
    </main>
  );
}
