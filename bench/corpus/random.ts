// The benchmark's seeded randomness: a small fast PRNG (sfc32) seeded from strings, with the
// draws the generator needs (ranges, picks, Zipf-weighted picks, shuffles).

/** 32-bit FNV-1a hash of a string, used to turn seeds and labels into PRNG state. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// Cumulative Zipf weights per list length and exponent, shared by every Random (lists are static).
const zipfTables = new Map<string, Float64Array>();

function zipfTable(length: number, exponent: number): Float64Array {
  const key = `${length}:${exponent}`;
  let table = zipfTables.get(key);
  if (!table) {
    table = new Float64Array(length);
    let total = 0;
    for (let i = 0; i < length; i++) {
      total += 1 / (i + 1) ** exponent;
      table[i] = total;
    }
    for (let i = 0; i < length; i++) table[i] = table[i]! / total;
    zipfTables.set(key, table);
  }
  return table;
}

/** A deterministic random stream: the same seed labels give the same draws on every machine. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds the stream from any number of labels (e.g. the corpus seed, the paper number, a variant). */
  constructor(...labels: Array<string | number>) {
    const key = labels.join('\u0000');
    this.a = hashString(`a${key}`);
    this.b = hashString(`b${key}`);
    this.c = hashString(`c${key}`);
    this.d = hashString(`d${key}`) | 1;
    // Warm up so that similar seeds diverge.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen item. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An item chosen with weight 1/(rank+1)^exponent: early items are common, late ones rare, as words are. */
  zipf<T>(items: readonly T[], exponent = 1): T {
    return items[this.zipfIndex(items.length, exponent)]!;
  }

  /** A rank in [0, length) drawn with Zipf weights. */
  zipfIndex(length: number, exponent = 1): number {
    const table = zipfTable(length, exponent);
    const u = this.next();
    let lo = 0;
    let hi = length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (table[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** `count` distinct items, in random order (all of them when count ≥ length). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
}
