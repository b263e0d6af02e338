// Where the elements just inside an XML document's root start and end, found by a linear scan of its tags (comments,
// CDATA, processing instructions and a DOCTYPE passed over): the line each top-level record starts on, and, in a file
// cut short or damaged, which records are complete before the damage.

/** A top-level element: its name as written ("bib:Article") and the offsets of its first and past its last character. */
export type ElementSpan = { name: string; start: number; end: number };

/**
 * The root's name, its child elements that are complete (in document order), and the elements still open where the
 * text ends (the root first), as far as the tags can be told apart. The text need not be well-formed: a closing tag
 * closes the innermost open element whatever its name, and a tag, comment or declaration left unterminated ends the scan.
 */
export function topLevelSpans(text: string): { root: string | null; spans: ElementSpan[]; open: ElementSpan[] } {
  const spans: ElementSpan[] = [];
  const open: ElementSpan[] = [];
  let root: string | null = null;
  let at = text.indexOf('<');
  while (at !== -1) {
    const end = constructEnd(text, at);
    if (end === -1) break;
    const name = tagName(text, at);
    if (name !== null) {
      const closing = text[at + 1] === '/';
      if (closing) {
        const element = open.pop();
        if (element && open.length === 1) spans.push({ ...element, end });
      } else if (text[end - 2] === '/') {
        if (open.length === 1) spans.push({ name, start: at, end });
      } else {
        root ??= name;
        open.push({ name, start: at, end: -1 });
      }
    }
    at = text.indexOf('<', end);
  }
  return { root, spans, open };
}

const NAME = /[^\s/>!?]+/y;

/** The name of the element tag at `at` ("<dc:title", "</dc:title"), or null for a comment, CDATA, PI or declaration. */
function tagName(text: string, at: number): string | null {
  const next = text[at + 1];
  if (next === '!' || next === '?') return null;
  NAME.lastIndex = at + (next === '/' ? 2 : 1);
  return NAME.exec(text)?.[0] ?? null;
}

/** The offset just past the markup starting at `at` (a tag, comment, CDATA section, PI or DOCTYPE), or -1 if it is unterminated. */
function constructEnd(text: string, at: number): number {
  if (text.startsWith('<!--', at)) return after(text, '-->', at + 4);
  if (text.startsWith('<![CDATA[', at)) return after(text, ']]>', at + 9);
  if (text.startsWith('<?', at)) return after(text, '?>', at + 2);
  if (text.startsWith('<!', at)) {
    // A DOCTYPE's internal subset ("[ <!ENTITY …> ]") holds ">" of its own.
    const close = text.indexOf('>', at);
    const subset = text.indexOf('[', at);
    if (subset === -1 || close === -1 || close < subset) return close === -1 ? -1 : close + 1;
    const subsetEnd = text.indexOf(']', subset);
    return subsetEnd === -1 ? -1 : after(text, '>', subsetEnd);
  }
  // A tag ends at the first ">" outside its quoted attribute values.
  for (let i = at + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '>') return i + 1;
    if (char === '"' || char === "'") {
      i = text.indexOf(char, i + 1);
      if (i === -1) return -1;
    }
  }
  return -1;
}

function after(text: string, terminator: string, from: number): number {
  const found = text.indexOf(terminator, from);
  return found === -1 ? -1 : found + terminator.length;
}
