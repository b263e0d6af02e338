// Line bookkeeping shared by the readers: offsets to 1-based lines, and the one way to build a problem.
import type { InputProblem } from './reader.ts';

/** Offsets at which each line of `text` starts; index i holds the start of line i + 1. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let at = text.indexOf('\n');
  while (at !== -1) {
    starts.push(at + 1);
    at = text.indexOf('\n', at + 1);
  }
  return starts;
}

/** The 1-based line holding `offset`, by binary search over `lineStarts(text)`. */
export function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** A problem with every location part spelled out, so call sites read as one line. */
export function problemAt(
  file: string,
  line: number | null,
  record: number | null,
  field: string | null,
  message: string,
): InputProblem {
  return { file, line, record, field, message };
}

/** A short description of a value's kind for messages: "a number", "an array", "text". */
export function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const JSON_POSITION = / in JSON at position (\d+).*$/s;

/** What JSON.parse objected to and the offset it stopped at (the end of the text for "unexpected end"). */
export function jsonSyntaxError(error: unknown, textLength: number): { reason: string; offset: number } {
  const message = error instanceof Error ? error.message : String(error);
  const match = JSON_POSITION.exec(message);
  if (!match?.[1]) return { reason: message.replace(/ \(line \d+ column \d+\)$/, ''), offset: textLength };
  return { reason: message.slice(0, match.index), offset: Number(match[1]) };
}
