// Ctrl+Enter (⌘+Enter on a Mac) in a text box submits its form, as in most editors: in a box that
// takes several lines, Enter alone must stay a new line.
import type { KeyboardEvent } from 'react';

/** The shortcut, as `aria-keyshortcuts` names it. */
export const SUBMIT_SHORTCUT = 'Control+Enter Meta+Enter';

/** A keydown handler for a textarea that submits its form on Ctrl+Enter or ⌘+Enter. */
export function submitOnCtrlEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.nativeEvent.isComposing) return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
}
