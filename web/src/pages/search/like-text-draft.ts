// The "Papers like this text" box's pasted text and the text last searched with, kept for the
// browser session: a researcher who opens one of the papers found and comes back finds the text
// and its results again (a text of up to 20,000 characters cannot live in the URL).

export type LikeTextDraft = {
  /** What the box holds. */
  draft: string;
  /** The text last submitted, whose results are shown; null before the first search. */
  searched: string | null;
  /** Whether the box was unfolded. */
  open: boolean;
};

const KEY = 'citelens.search.like-text';

/** The saved box, or an empty one (also when storage is unavailable or holds something else). */
export function readLikeText(): LikeTextDraft {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<LikeTextDraft> | null;
    return {
      draft: typeof saved?.draft === 'string' ? saved.draft : '',
      searched: typeof saved?.searched === 'string' && saved.searched ? saved.searched : null,
      open: saved?.open === true,
    };
  } catch {
    return { draft: '', searched: null, open: false };
  }
}

/** Saves the box for this session; storage that is full or disabled only loses it. */
export function saveLikeText(state: LikeTextDraft): void {
  try {
    if (!state.draft && !state.searched && !state.open) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // The box works without being kept.
  }
}
