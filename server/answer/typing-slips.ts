// How far a misspelt word is from the word meant, counting only the slips a typist makes: a letter
// left out ("decodng"), two neighbouring letters swapped ("attnetion"), a letter doubled or struck
// beside the one meant ("compuyter", "abstreact"). A word of one library is often one edit from
// another word of another library ("heart", "heat"; "renal", "real"; "blood", "flood"; "layer",
// "later"), which is no slip: on PubMedQA's questions asked of Cranfield's library, any one edit read
// 381 words as others ("women" as "woven"). A neighbouring key struck instead of the one meant is a
// slip too, but every such reading found on the eval sets was another word ("layer" as "later",
// "hearing" as "heating"), so it is not counted (README, "Answers").

// QWERTY rows, each shifted right of the one above by part of a key.
const ROWS: ReadonlyArray<readonly [string, number]> = [
  ['qwertyuiop', 0],
  ['asdfghjkl', 0.25],
  ['zxcvbnm', 0.75],
];
const KEYS = new Map<string, { row: number; x: number }>();
for (const [row, [letters, shift]] of ROWS.entries()) {
  for (const [column, letter] of [...letters].entries()) KEYS.set(letter, { row, x: column + shift });
}

/** Whether two letters are neighbouring keys of a QWERTY keyboard. */
export function neighbouringKeys(a: string, b: string): boolean {
  const p = KEYS.get(a);
  const q = KEYS.get(b);
  if (!p || !q || a === b) return false;
  const across = Math.abs(p.x - q.x);
  return p.row === q.row ? across === 1 : Math.abs(p.row - q.row) === 1 && across <= 0.75;
}

/**
 * The number of typing slips that turn `meant` into `written`, or `max + 1` when they cannot (or
 * need more than `max`). Both words lower-case. The first letter and the last two must be right: a
 * slip seldom falls there, and two words often differ there ("blood", "flood"; "heart", "heat";
 * "marker", "marked"; "liver", "live").
 */
export function typingSlips(written: string, meant: string, max: number): number {
  const over = max + 1;
  if (Math.abs(written.length - meant.length) > max || written[0] !== meant[0]) return over;
  if (written.slice(-2) !== meant.slice(-2)) return over;
  if (written === meant) return 0;
  // An extra letter at i of `written`: a double of, or a key beside, the letter before or after it.
  const extra = (i: number) => {
    const letter = written[i]!;
    const around = [written[i - 1], written[i + 1]].filter((x): x is string => x !== undefined);
    return around.some((x) => x === letter || neighbouringKeys(x, letter)) ? 1 : over;
  };
  const n = written.length;
  const m = meant.length;
  // Rows over `written` (i letters typed), columns over `meant` (j letters meant); position 0 of each
  // is the first letter, which matches.
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(over));
  table[1]![1] = 0;
  for (let i = 1; i <= n; i++) {
    let rowBest = over;
    for (let j = 1; j <= m; j++) {
      if (i === 1 && j === 1) {
        rowBest = 0;
        continue;
      }
      const typed = written[i - 1]!;
      const wanted = meant[j - 1]!;
      let value = over;
      if (i > 1 && j > 1 && typed === wanted) value = table[i - 1]![j - 1]!;
      // A letter meant but left out.
      if (j > 1) value = Math.min(value, table[i]![j - 1]! + 1);
      // A letter typed but not meant.
      if (i > 1) value = Math.min(value, table[i - 1]![j]! + extra(i - 1));
      // Two letters swapped.
      if (i > 2 && j > 2 && typed === meant[j - 2] && written[i - 2] === wanted && typed !== wanted)
        value = Math.min(value, table[i - 2]![j - 2]! + 1);
      table[i]![j] = Math.min(value, over);
      rowBest = Math.min(rowBest, table[i]![j]!);
    }
    // A swap reaches back two rows, so only two rows both past `max` end the search.
    if (i > 1 && rowBest >= over && Math.min(...table[i - 1]!) >= over) return over;
  }
  return table[n]![m]!;
}
