// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryRow } from '../../../../server/library/library.schema.ts';
import { readSelection, saveSelection } from '../../../../web/src/pages/library/library-selection.ts';

const row = (id: string): LibraryRow => ({
  id,
  title: `Paper ${id}`,
  authors: [],
  year: 2026,
  venue: null,
  tags: [],
  doi: null,
  url: null,
  arxivId: null,
});

afterEach(() => sessionStorage.clear());

describe('library-selection', () => {
  it('reads back the selection saved in this session, by paper id', () => {
    saveSelection(new Map([row('a'), row('b')].map((r) => [r.id, r])));
    expect([...readSelection().keys()]).toEqual(['a', 'b']);
    expect(readSelection().get('b')?.title).toBe('Paper b');
  });

  it('forgets an emptied selection, and reads nothing from a damaged entry', () => {
    saveSelection(new Map([['a', row('a')]]));
    saveSelection(new Map());
    expect(sessionStorage.length).toBe(0);
    sessionStorage.setItem('citelens.library.selection', '{not json');
    expect(readSelection().size).toBe(0);
    sessionStorage.setItem('citelens.library.selection', JSON.stringify([{ id: 1 }, row('c')]));
    expect([...readSelection().keys()]).toEqual(['c']);
  });
});
