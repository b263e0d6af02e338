// The frame around every page: skip link, header with navigation, and the page itself. Moves
// focus to the new page's heading after navigation so screen readers announce it, and brings the
// reader back to where they were on a page they return to with Back.
import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useScrollMemory } from './scroll-memory.ts';
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
  // Back and Forward return to where the reader was on the page; other navigation starts at the top.
  const restoring = useScrollMemory();

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation, which `pathname` marks.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!restoring.current) window.scrollTo(0, 0);
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
