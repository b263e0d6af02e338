// A Markdown draft's YAML front matter ("---\ntitle: …\nbibliography: refs.bib\n---"): not claims,
// and not the reference list its "bibliography:" line looks like; and the bibliography it names.

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]{0,4000}?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;

/** Where the front matter at the start of a text ends (0 when there is none). */
export function frontMatterEnd(text: string): number {
  return FRONT_MATTER.exec(text)?.[0].length ?? 0;
}

/** The text with its front matter blanked (line breaks kept), so offsets still count from the text as sent. */
export function maskFrontMatter(text: string): string {
  const end = frontMatterEnd(text);
  return end === 0 ? text : text.slice(0, end).replace(/[^\n]/gu, ' ') + text.slice(end);
}

/**
 * The files a draft names as its bibliography: LaTeX's \bibliography{refs,more} and
 * \addbibresource{refs.bib}, or a front matter's "bibliography: refs.bib", "bibliography: [a.bib,
 * b.json]" or a list of "- refs.bib" lines.
 */
export function bibliographyNames(text: string): string[] {
  const latex = /\\(?:bibliography|addbibresource)(?:\[[^\]\n]*\])?\{([^{}\n]+)\}/u.exec(text)?.[1];
  if (latex) return latex.split(',').map((name) => (name.trim().includes('.') ? name.trim() : `${name.trim()}.bib`));
  const front = FRONT_MATTER.exec(text)?.[1];
  const field = front ? /^bibliography:[ \t]*(.*)((?:\r?\n[ \t]+-[ \t]*.+)*)/mu.exec(front) : null;
  if (!field) return [];
  const listed = `${field[1]!.replace(/^\[|\]$/gu, '')},${field[2]!.replace(/^\s*-[ \t]*/gmu, ',')}`;
  return listed
    .split(',')
    .map((name) => name.trim().replace(/^["']|["']$/gu, ''))
    .filter(Boolean);
}
