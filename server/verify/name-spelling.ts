// Surnames spelt nearly alike ("Venkatesch" and "Venkatesh", "Randoo" and "Rando"): a citation
// whose author the library does not know may have misspelt one it does. Short names are left
// alone, as Lin, Liu and Li are different people one letter apart.

/** Letters a name must have before one edit may be a misspelling; two edits need twice as many. */
export const SPELLING = { minLength: 5, minLengthForTwo: 8 } as const;

/** The edits a name of this length may differ by and still be a misspelling. */
export const allowedEdits = (length: number) =>
  length >= SPELLING.minLengthForTwo ? 2 : length >= SPELLING.minLength ? 1 : 0;

/**
 * Whether two names are at most `max` edits apart (insertions, deletions, substitutions, or two
 * neighbouring letters swapped). Only a band of width 2·max + 1 is filled, so it is linear in length.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const INF = max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => (j <= max ? j : INF));
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(INF);
    if (i <= max) current[0] = i;
    let best = current[0]!;
    for (let j = Math.max(1, i - max); j <= Math.min(b.length, i + max); j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = Math.min(d, INF);
      best = Math.min(best, current[j]!);
    }
    if (best > max) return false;
    before = previous;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/** Of these surnames, those the written one may misspell, nearest first (never the written one itself). */
export function nearSpellings(written: string, known: Iterable<string>): string[] {
  const max = allowedEdits(written.length);
  if (max === 0) return [];
  const near: Array<{ name: string; edits: number }> = [];
  for (const name of known) {
    if (name === written || allowedEdits(name.length) === 0) continue;
    for (let edits = 1; edits <= max; edits++) {
      if (withinEdits(written, name, edits)) {
        near.push({ name, edits });
        break;
      }
    }
  }
  return near.sort((x, y) => x.edits - y.edits || x.name.localeCompare(y.name)).map((n) => n.name);
}
