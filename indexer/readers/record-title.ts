// A record's title when its export gives none: its abstract's first sentence, cut to a title's length.
import type { Paper } from '../paper.schema.ts';
import { collapseSpace } from './values.ts';

type Field = keyof Paper;

/** Longest title made from an abstract's first sentence. */
export const DERIVED_TITLE_CHARS = 120;

const SENTENCE_END = /[.!?](?=\s|$)/;

/**
 * Gives a record without a title one: its abstract's first sentence (marked `titleFromAbstract`), or for a
 * record whose title and abstract are both present but empty, "Untitled (<id>)". False, with the problem
 * reported, when there is nothing to take a title from.
 */
export function fillTitle(
  input: Record<string, unknown>,
  metadata: Record<string, unknown>,
  sourceKey: Map<Field, string>,
  report: (field: string | null, message: string) => void,
): boolean {
  const title = typeof input.title === 'string' ? collapseSpace(input.title) : '';
  if (title !== '') {
    input.title = title;
    return true;
  }
  const abstract = typeof input.abstract === 'string' ? collapseSpace(input.abstract) : '';
  const explicitId = typeof input.id === 'string' && input.id.trim() !== '';
  if (abstract === '' && input.title !== undefined && input.abstract !== undefined && explicitId) {
    // Both fields are there but empty, as for the empty documents of test collections: keep the record,
    // so the collection is indexed whole, under a title that says what it is.
    input.title = `Untitled (${String(input.id).trim()})`;
    metadata.untitled = true;
    return true;
  }
  if (abstract === '') {
    const state = input.title === undefined ? 'is missing' : 'is empty';
    report(sourceKey.get('title') ?? 'title', `${state}, and there is no abstract to take one from`);
    return false;
  }
  input.title = titleFromText(abstract);
  metadata.titleFromAbstract = true;
  return true;
}

/** The first sentence of `text`, cut at a word boundary to at most DERIVED_TITLE_CHARS characters. */
export function titleFromText(text: string): string {
  const end = SENTENCE_END.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  if (sentence.length <= DERIVED_TITLE_CHARS) return sentence;
  const cut = sentence.slice(0, DERIVED_TITLE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > DERIVED_TITLE_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}
