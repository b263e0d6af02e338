// The `/` shortcut: focuses the page's main input (marked `data-primary-input`), or opens Ask.
import { useEffect } from 'react';
import { useNavigate } from 'react-router';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Installs the `/` shortcut for the whole app; typing a `/` into a field still types it. */
export function useSlashFocus(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      const input = document.querySelector<HTMLElement>('[data-primary-input]');
      if (input) input.focus();
      else void navigate('/', { state: { focusQuestion: true } });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate]);
}
