// Shown for any URL the explorer does not know.
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <>
      <title>Page not found · Citelens</title>
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        There is no page at this address. <Link to="/">Ask a question</Link> or{' '}
        <Link to="/search">search the library</Link>.
      </p>
    </>
  );
}
