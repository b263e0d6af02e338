// Where the reader was on each page of the history: Back (or Forward) returns to the same place on
// it, not its top, even though the page loads its content again (search results, an answer) and is
// too short to scroll there at first. A push (a link, a new search) still starts at the top.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/** Scroll offsets by history entry (react-router's location key), for this tab's lifetime. */
const positions = new Map<string, number>();

/** How long a returning page may take to grow tall enough for its old position. */
const RESTORE_MS = 4_000;

/** Scrolls to `y` as soon as the page is tall enough, until the reader scrolls or RESTORE_MS passes. */
function restoreScroll(y: number): () => void {
  const deadline = performance.now() + RESTORE_MS;
  let frame = 0;
  const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  const stop = () => {
    cancelAnimationFrame(frame);
    for (const event of events) window.removeEventListener(event, stop);
  };
  const attempt = () => {
    window.scrollTo(0, y);
    if (Math.abs(window.scrollY - y) < 2 || performance.now() > deadline) stop();
    else frame = requestAnimationFrame(attempt);
  };
  // The reader's own scrolling (or typing, or a click) wins over the restoring.
  for (const event of events) window.addEventListener(event, stop, { passive: true });
  attempt();
  return stop;
}

/**
 * Remembers the scroll position of every history entry and restores it when the reader comes back
 * to the entry with Back or Forward. Returns a ref that is true while the current entry is one
 * being restored, so the layout does not scroll it to the top.
 */
export function useScrollMemory(): { readonly current: boolean } {
  const { key } = useLocation();
  const navigationType = useNavigationType();
  const currentKey = useRef(key);
  const restoring = useRef(false);

  // A layout effect: it reads the entry's saved position and takes the new key before the browser
  // fires the scroll events of the page change, which belong to the new entry.
  useLayoutEffect(() => {
    currentKey.current = key;
    const saved = navigationType === 'POP' ? positions.get(key) : undefined;
    restoring.current = saved !== undefined && saved > 0;
    if (!restoring.current) return;
    return restoreScroll(saved!);
  }, [key, navigationType]);

  useEffect(() => {
    // The browser's own restoring runs before the page has its content and then fights this one.
    if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
    const onScroll = () => positions.set(currentKey.current, window.scrollY);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);

  return restoring;
}
