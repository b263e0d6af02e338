// LaTeX pasted into verify: what is markup, not prose. Comments and structure commands are blanked
// (same length, so every offset still counts from the text as sent), and a claim is judged on its
// words without formatting commands ("a \emph{structural} artefact" reads "a structural artefact").

/** Whether a text is LaTeX source rather than prose that mentions a backslash. */
const LOOKS_LIKE_LATEX =
  /\\(?:cite[a-z]*|[pt]extcite|parencite|autocite|begin|section|subsection|documentclass|usepackage|label)\b/u;

// A comment runs from an unescaped "%" to the end of its line. After a digit it is read as a percent
// sign: "5%" in LaTeX source would hide the rest of its line from the PDF, so it is text pasted in.
const COMMENT = /(?<![\\\d])%[^\n]*/gu;
// Commands that hold a heading, a label or an environment name: no claim.
const STRUCTURE =
  /\\(?:part|chapter|section|subsection|subsubsection|paragraph|subparagraph|label|begin|end|documentclass|usepackage|bibliography|bibliographystyle|maketitle|tableofcontents|item)\*?(?:\[[^[\]\n]{0,200}\])?(?:\{[^{}\n]{0,300}\})?/gu;

const blank = (match: string) => match.replace(/[^\n]/gu, ' ');

/** The text with LaTeX comments and structure commands replaced by spaces; prose is returned as it is. */
export function maskLatexMarkup(text: string): string {
  if (!LOOKS_LIKE_LATEX.test(text)) return text;
  return text.replace(COMMENT, blank).replace(STRUCTURE, blank);
}

// Formatting commands whose argument is prose, and references whose argument is not.
const FORMATTING =
  /\\(?:emph|textbf|textit|texttt|textsc|textrm|textsf|textup|underline|mbox|text|mathrm|mathit)\{([^{}]*)\}/gu;
const REFERENCE = /\\(?:ref|eqref|autoref|cref|Cref|pageref|url|footnote)\{[^{}]*\}/gu;
const COMMAND = /\\[A-Za-z]+\*?/gu;

/** A claim's words without LaTeX formatting: "a \emph{structural} artefact~" → "a structural artefact". */
export function plainOfLatex(text: string): string {
  if (!text.includes('\\') && !text.includes('~')) return text;
  return text
    .replace(FORMATTING, '$1')
    .replace(REFERENCE, '')
    .replace(/\\([%&$#_])/gu, '$1')
    .replace(COMMAND, '')
    .replace(/[{}]/gu, '')
    .replace(/~/gu, ' ')
    .replace(/---?/gu, '–');
}
