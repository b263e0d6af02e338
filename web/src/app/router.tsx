// The explorer's pages and their URLs.
import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router';
import { AskPage } from '../pages/ask/ask-page.tsx';
import { LibraryPage } from '../pages/library/library-page.tsx';
import { MapPage } from '../pages/map/map-page.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { PaperPage } from '../pages/paper/paper-page.tsx';
import { SearchPage } from '../pages/search/search-page.tsx';
import { VerifyPage } from '../pages/verify/verify-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { RouteError } from './route-error.tsx';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <AskPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'papers/:id', element: <PaperPage /> },
      { path: 'verify', element: <VerifyPage /> },
      { path: 'map', element: <MapPage /> },
      { path: 'library', element: <LibraryPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The router for the browser (history API URLs). */
export function createAppRouter() {
  return createBrowserRouter(routes);
}

/** A router held in memory, for component tests. */
export function createTestRouter(initialPath: string) {
  return createMemoryRouter(routes, { initialEntries: [initialPath] });
}
