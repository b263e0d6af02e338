// The papers selected in the Library table, kept for the browser session, so that opening one of
// them to check it and coming back with Back (or reloading) does not lose the selection.
import type { LibraryRow } from '../../../../server/library/library.schema.ts';

const KEY = 'citelens.library.selection';

/** The selection saved in this session, by paper id; empty when there is none or storage is unavailable. */
export function readSelection(): Map<string, LibraryRow> {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(saved)) return new Map();
    const rows = saved.filter(
      (row): row is LibraryRow => typeof row?.id === 'string' && typeof row?.title === 'string',
    );
    return new Map(rows.map((row) => [row.id, row]));
  } catch {
    return new Map();
  }
}

/** Saves the selection for this session; storage that is full or disabled only forgets it. */
export function saveSelection(selected: ReadonlyMap<string, LibraryRow>): void {
  try {
    if (selected.size === 0) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify([...selected.values()]));
  } catch {
    // Too large for the storage, or storage disabled: the selection lasts while the page is open.
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // Storage disabled.
    }
  }
}
