import { describe, expect, it } from 'vitest';
import { citedClauses } from '../../../server/verify/cited-clauses.ts';

// Markers as the citation parser gives them: "[n]" in brackets, and "Name (year)" read as narrative.
const markers = (text: string) => [
  ...[...text.matchAll(/\[\d+\]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] })),
  ...[...text.matchAll(/\p{Lu}\p{Ll}+ \(\d{4}\)/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    narrative: true as const,
  })),
];
const clauses = (text: string, minWords = 0) =>
  citedClauses(text, { start: 0, end: text.length }, markers(text), [], minWords).map((c) => [
    text.slice(c.start, c.end).trim(),
    c.citations.map((m) => m.text),
  ]);

describe('cited-clauses', () => {
  it('cuts after a marker that more words follow and at ";", giving an unmarked clause the next clause\'s markers', () => {
    expect(clauses('A is B [1], while C is D [2].')).toEqual([
      ['A is B [1],', ['[1]']],
      ['while C is D [2].', ['[2]']],
    ]);
    expect(clauses('A is B; C is D [3].')).toEqual([
      ['A is B;', ['[3]']],
      ['C is D [3].', ['[3]']],
    ]);
    expect(clauses('A is B [1] [2].')).toEqual([['A is B [1] [2].', ['[1]', '[2]']]]);
  });

  it('cuts before a narrative citation that words precede, so it cites the words after it', () => {
    expect(clauses('Lin (2026) finds sinks structural, while Chen (2025) finds them semantic.')).toEqual([
      ['Lin (2026) finds sinks structural, while', ['Lin (2026)']],
      ['Chen (2025) finds them semantic.', ['Chen (2025)']],
    ]);
  });

  it("reads a bracketed marker that opens its clause before a verb as the clause's subject", () => {
    expect(clauses('[1] found sinks structural, while [2] finds them semantic.', 3)).toEqual([
      ['[1] found sinks structural, while', ['[1]']],
      ['[2] finds them semantic.', ['[2]']],
    ]);
    expect(clauses('Sinks are structural in every layer, [1] and valence is early in most models [2].', 3)).toEqual([
      ['Sinks are structural in every layer, [1]', ['[1]']],
      ['and valence is early in most models [2].', ['[2]']],
    ]);
  });

  it('joins a clause too short to judge on its own to the next one', () => {
    expect(clauses('Sinks [1] outnumber heads in every layer [2].', 3)).toEqual([
      ['Sinks [1] outnumber heads in every layer [2].', ['[1]', '[2]']],
    ]);
    expect(clauses('Sinks form early in training [1], and heads [2].', 3)).toEqual([
      ['Sinks form early in training [1], and heads [2].', ['[1]', '[2]']],
    ]);
  });

  // Regression: "[1], [2]" cited only "As shown in", and "[3]" the rest.
  it("reads markers in a clause's opening phrase, or listed together, as citing the words after them", () => {
    expect(clauses('As shown in [1], [2] and [3], sinks are structural in every layer.', 3)).toEqual([
      ['As shown in [1], [2] and [3], sinks are structural in every layer.', ['[1]', '[2]', '[3]']],
    ]);
    expect(clauses('Sinks are similar to heads [1], but valence differs in every model [2].', 3)).toEqual([
      ['Sinks are similar to heads [1],', ['[1]']],
      ['but valence differs in every model [2].', ['[2]']],
    ]);
  });
});
