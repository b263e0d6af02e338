// The frame around every page: skip link, header with navigation, and the page itself. Moves
// focus to the new page's heading after navigation so screen readers announce it.
import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useSlashFocus } from './use-slash-focus.ts';

const NAV = [
  { to: '/', label: 'Ask', end: true },
  { to: '/search', label: 'Search', end: false },
  { to: '/verify', label: 'Verify', end: false },
  { to: '/map', label: 'Map', end: false },
  { to: '/library', label: 'Library', end: false },
] as const;

export function AppLayout() {
  useSlashFocus();
  const { pathname } = useLocation();
  const first = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation, which `pathname` marks.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    // A page that placed focus itself (Ask focuses its question box) keeps it; page effects run first.
    const main = document.getElementById('main');
    if (main?.contains(document.activeElement)) return;
    main?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <NavLink to="/" className="brand" aria-label="Citelens home">
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="13" cy="13" r="9" />
              <path d="M20 20l8 8" />
            </svg>
            Citelens
          </NavLink>
          <nav aria-label="Main">
            <ul className="nav-list">
              {NAV.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end} className="nav-link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main className="page" id="main">
        <Outlet />
      </main>
    </>
  );
}
