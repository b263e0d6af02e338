// The questions asked since the page opened, most recent first, so earlier answers can be reopened.
// Kept in memory only: a reload starts a new list, and nothing about the questions is stored.
import { useSyncExternalStore } from 'react';

const MAX_REMEMBERED = 20;
let asked: readonly string[] = [];
const listeners = new Set<() => void>();

/** Remembers a question (moving it to the top when it was asked before). */
export function rememberQuestion(question: string): void {
  const text = question.trim();
  if (!text || asked[0] === text) return;
  asked = [text, ...asked.filter((q) => q !== text)].slice(0, MAX_REMEMBERED);
  for (const listener of listeners) listener();
}

/** Forgets every question (for tests). */
export function forgetQuestions(): void {
  asked = [];
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The questions asked since the page opened, most recent first. */
export function useAskedQuestions(): readonly string[] {
  return useSyncExternalStore(
    subscribe,
    () => asked,
    () => asked,
  );
}
