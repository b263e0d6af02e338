// A Markdown table pasted into a draft ("| Claim | Source |\n|---|---|\n| Sinks are structural | [1] |"):
// each row is one claim with the citations in its cells, never run on into the next row, and its
// cell bars are no part of the claim's words.

const MAX_ROW = 4000; // characters of a table's row; a longer line is prose

// Where each line of the last text asked about starts, found once: a text's sentences all ask about
// the same text, and scanning back from each for its line's start made long texts quadratic.
let lines: { body: string; starts: number[] } | undefined;

function lineStartsOf(body: string): number[] {
  if (lines?.body !== body) {
    const starts = [0];
    for (let at = body.indexOf('\n'); at >= 0; at = body.indexOf('\n', at + 1)) starts.push(at + 1);
    lines = { body, starts };
  }
  return lines.starts;
}

/** Where the line that holds `at` starts (0 for a position before the text). */
function lineStartOf(body: string, at: number): number {
  const starts = lineStartsOf(body);
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : starts[lo - 1]!;
}

/** Whether the line that holds `at` is a table row: it opens with a bar, at most MAX_ROW characters before. */
export function inTableRow(body: string, at: number): boolean {
  const lineStart = lineStartOf(body, at);
  if (at > MAX_ROW && at - lineStart >= MAX_ROW) return false;
  return /^[ \t]{0,3}\|/u.test(body.slice(lineStart, lineStart + 5));
}

/**
 * Spans with the sentences of one table row joined ("| Sinks are structural. They persist. | [1] |"
 * is one claim, which cites [1]), each row's span starting after its opening bar.
 */
export function joinTableRows(
  body: string,
  spans: ReadonlyArray<{ start: number; end: number }>,
): Array<{ start: number; end: number }> {
  const joined: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const last = joined.at(-1);
    if (last && inTableRow(body, span.start) && !body.slice(last.end, span.start).includes('\n')) {
      last.end = span.end;
    } else joined.push({ ...span });
  }
  return joined;
}

/** A row's span without its outer bars ("| Sinks persist | [1] |" → "Sinks persist | [1]"). */
export function tableRowSpan(body: string, span: { start: number; end: number }): { start: number; end: number } {
  const text = body.slice(span.start, span.end);
  const opening = /^[ \t]*\|[ \t]*/u.exec(text)?.[0].length ?? 0;
  const closing = /[ \t]*\|[ \t]*$/u.exec(text.slice(opening))?.[0].length ?? 0;
  return { start: span.start + opening, end: span.end - closing };
}

/** Whether a span is a table's rule under its header, "|---|:--:|", which says nothing. */
export const isTableRule = (body: string, span: { start: number; end: number }) =>
  inTableRow(body, span.start) && /^[-:| \t]*-[-:| \t]*$/u.test(body.slice(span.start, span.end));

/** A row's words without its bars: "Sinks carry no meaning | |" → "Sinks carry no meaning"; cells joined by ";". */
export const plainOfTableRow = (text: string) =>
  text.replace(/^(?:\s*\|)+\s*|(?:\s*\|)+\s*$/gu, '').replace(/\s*\|(?:\s*\|)*\s*/gu, '; ');
