import { describe, expect, it } from 'vitest';
import { inTableRow, joinTableRows, plainOfTableRow, tableRowSpan } from '../../../server/verify/table-rows.ts';

// The scan inTableRow made before it looked its lines up: back from `at` over at most 4,000
// characters for the line's start, a line longer than that being prose.
function scannedInTableRow(body: string, at: number): boolean {
  const from = Math.max(0, at - 4000);
  const newline = body.slice(from, at).lastIndexOf('\n');
  if (newline < 0 && from > 0) return false;
  const lineStart = newline < 0 ? 0 : from + newline + 1;
  return /^[ \t]{0,3}\|/u.test(body.slice(lineStart, lineStart + 5));
}

const TABLE =
  '| Claim | Source |\n|---|---|\n| Sinks are structural. They persist. | [1] |\n   | Caches compress | [2] |\n';

describe('table-rows', () => {
  it('finds the same table rows as the bounded scan back did, at every position of a text with tables and long lines', () => {
    const body = [
      'Sinks are structural [1]. They persist.',
      TABLE,
      `| ${'a very long cell '.repeat(300)}| [3] |`, // a "row" longer than 4,000 characters
      'x'.repeat(4100),
      TABLE,
      '',
      '    | four spaces is code, not a row |',
    ].join('\n');
    const other = `${TABLE}Prose after the table.`;
    const mismatches: number[] = [];
    for (let at = -1; at <= body.length + 1; at++) {
      if (inTableRow(body, at) !== scannedInTableRow(body, at)) mismatches.push(at);
      // Another text between two questions about the first: each is answered from its own lines.
      if (at % 997 === 0 && inTableRow(other, 3) !== scannedInTableRow(other, 3)) mismatches.push(-at);
    }
    expect(mismatches).toEqual([]);
    expect(inTableRow(body, body.indexOf('Sinks are structural.'))).toBe(true);
    expect(inTableRow(body, body.indexOf('[3] |'))).toBe(false);
  });

  it('joins the sentences of one row and takes off its outer bars', () => {
    const body = `Intro.\n${TABLE}`;
    const first = body.indexOf('| Sinks');
    const spans = [
      { start: first, end: body.indexOf(' They') },
      { start: body.indexOf('They'), end: body.indexOf('\n', first) },
    ];
    const [row] = joinTableRows(body, spans);
    expect(row).toEqual({ start: first, end: body.indexOf('\n', first) });
    const inner = tableRowSpan(body, row!);
    expect(plainOfTableRow(body.slice(inner.start, inner.end))).toBe('Sinks are structural. They persist.; [1]');
  });
});
