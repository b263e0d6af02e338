// Renders text with character ranges marked, as React text nodes (never as HTML).

export type Range = { start: number; end: number };

/** Sorts, clamps and merges ranges so they can be marked left to right without overlap. */
export function normalizeRanges(ranges: readonly Range[], length: number): Range[] {
  const clamped = ranges
    .map((r) => ({ start: Math.max(0, Math.min(r.start, length)), end: Math.max(0, Math.min(r.end, length)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of clamped) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** The text with each range wrapped in `<mark>` (class `markClass`). */
export function HighlightedText({
  text,
  ranges,
  markClass = 'hit',
}: {
  text: string;
  ranges: readonly Range[];
  markClass?: string;
}) {
  const parts: Array<{ text: string; marked: boolean; at: number }> = [];
  let at = 0;
  for (const range of normalizeRanges(ranges, text.length)) {
    if (range.start > at) parts.push({ text: text.slice(at, range.start), marked: false, at });
    parts.push({ text: text.slice(range.start, range.end), marked: true, at: range.start });
    at = range.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false, at });
  return (
    <>
      {parts.map((part) =>
        part.marked ? (
          <mark key={part.at} className={markClass}>
            {part.text}
          </mark>
        ) : (
          <span key={part.at}>{part.text}</span>
        ),
      )}
    </>
  );
}
