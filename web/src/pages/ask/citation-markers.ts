// Finds citation markers such as [1], [2, 3] or [4][5] in answer text, so chips can stand where
// the writer put them.

export type TextPiece = { kind: 'text'; text: string } | { kind: 'cite'; numbers: number[] };

const MARKER = /\s*\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g;

/** Splits text into plain runs and citation markers (the space before a marker is dropped). */
export function splitCitationMarkers(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(MARKER)) {
    const index = match.index ?? 0;
    if (index > at) pieces.push({ kind: 'text', text: text.slice(at, index) });
    pieces.push({ kind: 'cite', numbers: match[1]!.split(/[,;]/).map((n) => Number(n.trim())) });
    at = index + match[0].length;
  }
  if (at < text.length) pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}

/** The citation numbers in text, in order of first appearance. */
export function citedNumbers(text: string): number[] {
  const seen = new Set<number>();
  for (const piece of splitCitationMarkers(text)) if (piece.kind === 'cite') for (const n of piece.numbers) seen.add(n);
  return [...seen];
}
