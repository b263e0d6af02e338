// Markdown footnote definitions written where the writer pleased ("[^1]: Venkatesh, S. (2026). …"
// after the paragraph that cites it), not only at the end: each is an entry of the reference list,
// and none is a claim. They are blanked out of the body (spaces for their characters, line breaks
// kept), so every offset still counts from the text as written.

// "[^1]: …" or "[^lin2026]: …" at a line's start, and the lines that follow it up to a blank line,
// but not a line that cites a footnote itself ("Following paragraph with claim [^2]."): that is text
// a writer put after the definition without a blank line, not more of it.
const DEFINITION =
  /^[ \t]{0,3}\[\^[\w:./-]{1,60}\]:[ \t]+\S[^\n]*(?:\n(?![ \t]*\n|[ \t]{0,3}\[\^|[^\n]*\[\^)[^\n]*\S[^\n]*)*/gmu;

export type FootnoteDefinition = { text: string; start: number };

/** The footnote definitions of a body, and the body without them. */
export function footnoteDefinitions(body: string): { body: string; definitions: FootnoteDefinition[] } {
  const definitions: FootnoteDefinition[] = [];
  let blanked = '';
  let position = 0;
  for (const match of body.matchAll(DEFINITION)) {
    definitions.push({ text: match[0], start: match.index });
    blanked += body.slice(position, match.index) + match[0].replace(/[^\n]/gu, ' ');
    position = match.index + match[0].length;
  }
  return definitions.length === 0 ? { body, definitions } : { body: blanked + body.slice(position), definitions };
}
