// Whether a CSS media query matches, kept up to date as the window changes.
import { useSyncExternalStore } from 'react';

/** True while `query` matches (false where there is no window, as in tests without a DOM). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** The width below which pages switch to their phone layout (as in the stylesheets). */
export const PHONE_QUERY = '(max-width: 760px)';
