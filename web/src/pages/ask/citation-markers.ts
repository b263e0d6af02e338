// Finds citation markers such as [1], [2, 3] or [4][5] in answer text, so chips can stand where
// the writer put them. Only numbers of the answer's sources count: a paper's own "[7]" quoted in
// the text is not one of them and stays text (the server also writes those as "(ref. 7)").

export type TextPiece = { kind: 'text'; text: string } | { kind: 'cite'; numbers: number[] };

const MARKER = /\s*\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g;

/**
 * Splits text into plain runs and citation markers (the space before a marker is dropped). With
 * `sources`, a marker naming any number that is not a source's stays text.
 */
export function splitCitationMarkers(text: string, sources?: ReadonlySet<number>): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(MARKER)) {
    const index = match.index ?? 0;
    const numbers = match[1]!.split(/[,;]/).map((n) => Number(n.trim()));
    if (sources && !numbers.every((n) => sources.has(n))) continue;
    if (index > at) pieces.push({ kind: 'text', text: text.slice(at, index) });
    pieces.push({ kind: 'cite', numbers });
    at = index + match[0].length;
  }
  if (at < text.length) pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}

/** The citation numbers in text, in order of first appearance. */
export function citedNumbers(text: string, sources?: ReadonlySet<number>): number[] {
  const seen = new Set<number>();
  for (const piece of splitCitationMarkers(text, sources))
    if (piece.kind === 'cite') for (const n of piece.numbers) seen.add(n);
  return [...seen];
}
