// What a reference entry says about the paper it resolved to that the library record contradicts:
// another year ("(2024)" for a paper of 2026), or a first author who is none of the paper's
// ("Lim, Y." for Yuping Lin's paper). The entry still names the paper (by its title or identifier);
// the note lets the writer correct the reference.
import type { Paper } from '../../indexer/index.ts';
import { terms } from '../../indexer/text/analyze.ts';
import { opensWithAuthor } from './entry-openings.ts';
import { normalizeName, surnameOf } from './library.ts';
import type { ReferenceEntry } from './reference-list.ts';

// The authors an entry opens with, before its title: where its surname was read from.
function authorsBeforeTitle(entry: ReferenceEntry): string {
  if (!entry.title) return '';
  const at = entry.text.indexOf(entry.title);
  return at > 0 ? normalizeName(entry.text.slice(0, at)) : '';
}

/** A note on what the entry gets wrong about this paper, or null when nothing. */
export function mismatchNote(entry: ReferenceEntry, paper: Paper): string | null {
  const wrong: string[] = [];
  if (entry.year !== null && paper.year !== null && entry.year !== String(paper.year)) {
    wrong.push(`gives the year ${entry.year}, but the library paper is from ${paper.year}`);
  }
  const surname = entry.surname;
  // Only an entry that opens with a person's name names an author ("Feather: Batch Size …" opens with its title).
  const namesAuthor =
    surname !== null &&
    opensWithAuthor(entry.text) &&
    authorsBeforeTitle(entry).includes(surname) &&
    !terms(paper.title).includes(terms(surname)[0] ?? surname);
  if (surname !== null && namesAuthor && paper.authors.length > 0) {
    const surnames = paper.authors.map(surnameOf);
    if (!surnames.includes(surname)) {
      const written = entry.text.split(/[\s,.;:()]+/u).find((word) => normalizeName(word) === surname) ?? surname;
      wrong.push(`names ${written} first, but the library paper's first author is ${paper.authors[0]}`);
    }
  }
  if (wrong.length === 0) return null;
  return `Reference ${entry.n} ${wrong.join(', and ')}: is the reference right?`;
}
