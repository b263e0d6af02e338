// The Verify page's draft (pasted text and reference list), kept for the browser session so that
// leaving the page and coming back, or reloading it, loses nothing; and the last result, kept in
// memory for the same visit.
import type { VerifyView } from './verify-model.ts';

export type VerifyDraft = { text: string; references: string };

const DRAFT_KEY = 'citelens.verify.draft';
const EMPTY: VerifyDraft = { text: '', references: '' };

let lastResult: VerifyView | undefined;

/** The draft saved in this session, or an empty one (also when storage is unavailable). */
export function readDraft(): VerifyDraft {
  try {
    const saved = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null') as Partial<VerifyDraft> | null;
    return {
      text: typeof saved?.text === 'string' ? saved.text : '',
      references: typeof saved?.references === 'string' ? saved.references : '',
    };
  } catch {
    return { ...EMPTY };
  }
}

/** Saves the draft for this session; storage that is full or disabled only loses the draft. */
export function saveDraft(draft: VerifyDraft): void {
  try {
    if (!draft.text && !draft.references) sessionStorage.removeItem(DRAFT_KEY);
    else sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Nothing to do: the page works without a saved draft.
  }
}

/** The last result shown in this visit (it carries the text it was made from). */
export function rememberedResult(): VerifyView | undefined {
  return lastResult;
}

export function rememberResult(result: VerifyView): void {
  lastResult = result;
}
