// Citations written in a document language's own markup: LaTeX's \cite{key} family (BibTeX, natbib,
// biblatex) and Pandoc's [@key] groups and in-text @key. Each is found with its exact span; what
// the keys name is resolved like any paper id.

/**
 * LaTeX citation commands with their optional notes and keys: "\cite{a,b}", "\citep[see][p.~3]{a}",
 * "\parencite*{a}". \citeyear and \nocite are left out: the first repeats a \citeauthor beside
 * it, the second prints nothing. A tie "~" before one is part of it.
 */
const LATEX_CITE =
  /~?\\((?:[cC]ite(?:t|p|alt|alp|author|num)?|[pP]arencite|[tT]extcite|[aA]utocite|[fF]ootcite(?:text)?|[sS]martcite|[sS]upercite|fullcite))\*?((?:[ \t]*\[[^[\]\n]{0,200}\]){0,2})[ \t]*\{([^{}\n]{1,1000})\}/gu;
/** The commands whose output is part of the sentence ("\citet{lin2026} shows …"). */
const LATEX_NARRATIVE = /^(?:[cC]ite(?:t|alt|author)|[tT]extcite)$/u;
const LATEX_KEY = /^[^\s{}%#\\,]{1,200}$/u;

/** A citation command: its span, its keys in order, and whether it prints as part of the sentence. */
export type LatexCitation = { start: number; end: number; keys: string[]; narrative: boolean };

/** Every LaTeX citation command of a text that names at least one key, in order. */
export function latexCitations(text: string): LatexCitation[] {
  const found: LatexCitation[] = [];
  for (const match of text.matchAll(LATEX_CITE)) {
    const keys = [...new Set(match[3]!.split(',').map((k) => k.trim()))].filter((k) => LATEX_KEY.test(k));
    if (keys.length === 0) continue;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      keys,
      narrative: LATEX_NARRATIVE.test(match[1]!),
    });
  }
  return found;
}

/**
 * A Pandoc citation key after "@": a letter, digit or underscore, then these and internal
 * punctuation (":.#$%&-+?<>~/"), not ending in punctuation. Not after a word character (an e-mail).
 */
const PANDOC_KEY = String.raw`(?<![\p{L}\p{N}_.@])-?@([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]{0,200}[\p{L}\p{N}_])?)`;
const PANDOC_IN_TEXT = new RegExp(`${PANDOC_KEY}(?:[ \\t]*\\[[^[\\]\\n]{0,100}\\])?`, 'gu');

/** The keys of a Pandoc group, "[see @lin2026, p. 3; -@chen2025]", when every item holds exactly one. */
export function pandocGroupKeys(inner: string): string[] | undefined {
  if (!inner.includes('@')) return undefined;
  const keys: string[] = [];
  for (const part of inner.split(';')) {
    if (part.trim() === '') continue;
    const found = [...part.matchAll(new RegExp(PANDOC_KEY, 'gu'))];
    if (found.length !== 1) return undefined;
    keys.push(found[0]![1]!);
  }
  return keys.length > 0 ? keys : undefined;
}

/** Pandoc's in-text citations, "@lin2026 shows …" and "@lin2026 [p. 3] says …", with their spans. */
export function pandocInText(text: string): Array<{ key: string; start: number; end: number }> {
  const found: Array<{ key: string; start: number; end: number }> = [];
  for (const match of text.matchAll(PANDOC_IN_TEXT)) {
    if (match[0].startsWith('-')) continue;
    found.push({ key: match[1]!, start: match.index, end: match.index + match[0].length });
  }
  return found;
}
