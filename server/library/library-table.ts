// The columns the library listing filters, sorts and counts by, read once per generation into
// memory (a generation never changes): at 100k papers SQL had to scan the wide paper rows (text
// and vector) for every sorted page, count and facet, seconds each; here a page is a walk over a
// cached sort order and facets are counted over the matching rows.
import type { IndexReader } from '../../indexer/index.ts';
import type { ListingRow } from '../../indexer/store/paper-rows.ts';
import { type FacetCount, LIBRARY_LIMITS, type LibraryFacets, type LibraryQuery } from './library.schema.ts';

/** Rows read per step while building, with a turn of the event loop between steps. */
const BUILD_CHUNK = 5_000;
/** Facet counts kept per filter (the table asks once per filter change). */
const FACET_CACHE_SIZE = 32;

type Sort = LibraryQuery['sort'];
type Order = LibraryQuery['order'];
type FilterKeys = Pick<LibraryQuery, 'text' | 'year_from' | 'year_to' | 'author' | 'tag' | 'venue'>;

/** SQLite's NOCASE and lower(): only ASCII letters fold. Sorting keys use it so orders stay what SQL gave. */
function asciiLower(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) : text;
}

/** SQLite's binary order of two strings (UTF-16 code units; the same as UTF-8 bytes outside surrogates). */
function binary(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const NO_YEAR = -2_147_483_648;

export class LibraryTable {
  readonly size: number;
  private readonly docs: Int32Array;
  private readonly titleKeys: string[];
  private readonly authorsKeys: string[];
  private readonly authors: string[][];
  private readonly years: Int32Array;
  private readonly venues: Array<string | null>;
  private readonly venueKeys: Array<string | null>;
  private readonly tags: string[][];
  private readonly orders = new Map<string, Int32Array>();
  private readonly facetCache = new Map<string, LibraryFacets>();

  private constructor(rows: ListingRow[]) {
    this.size = rows.length;
    this.docs = Int32Array.from(rows, (row) => row.doc);
    this.titleKeys = rows.map((row) => asciiLower(row.title));
    // Sorting by authors sorts the stored JSON text, as the SQL did.
    this.authorsKeys = rows.map((row) => asciiLower(row.authors));
    this.authors = rows.map((row) => JSON.parse(row.authors) as string[]);
    this.years = Int32Array.from(rows, (row) => row.year ?? NO_YEAR);
    this.venues = rows.map((row) => row.venue);
    this.venueKeys = rows.map((row) => (row.venue === null ? null : asciiLower(row.venue)));
    // As paper_tags holds them: lowercased, each once.
    this.tags = rows.map((row) => [...new Set((JSON.parse(row.tags) as string[]).map((tag) => tag.toLowerCase()))]);
  }

  /** Reads the listing columns of every paper, a chunk at a time so other requests get turns. */
  static async build(index: IndexReader): Promise<LibraryTable> {
    const rows: ListingRow[] = [];
    for (let after = 0; ; ) {
      const chunk = index.papers.listingRowsAfter(after, BUILD_CHUNK);
      rows.push(...chunk);
      if (chunk.length < BUILD_CHUNK) break;
      after = chunk[chunk.length - 1]!.doc;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return new LibraryTable(rows);
  }

  /** The rows (indexes into the columns) matching the query's filters, in no particular order. */
  matching(query: FilterKeys): Uint8Array | null {
    const tests = this.filterTests(query);
    if (tests.length === 0) return null;
    const match = new Uint8Array(this.size);
    for (let row = 0; row < this.size; row++) if (tests.every((test) => test(row))) match[row] = 1;
    return match;
  }

  /** How many rows `match` holds (null: every row). */
  count(match: Uint8Array | null): number {
    if (!match) return this.size;
    let total = 0;
    for (let row = 0; row < this.size; row++) total += match[row]!;
    return total;
  }

  /** The doc numbers of one page of the matching rows in the query's order. */
  pageDocs(match: Uint8Array | null, query: Pick<LibraryQuery, 'sort' | 'order' | 'offset' | 'limit'>): number[] {
    const order = this.order(query.sort, query.order);
    const docs: number[] = [];
    let skipped = 0;
    for (let i = 0; i < order.length && docs.length < query.limit; i++) {
      const row = order[i]!;
      if (match && !match[row]) continue;
      if (skipped < query.offset) skipped++;
      else docs.push(this.docs[row]!);
    }
    return docs;
  }

  /** Facet counts among the matching rows: years newest first, the rest most frequent first. */
  facets(match: Uint8Array | null, query: FilterKeys): LibraryFacets {
    const key = JSON.stringify([query.text, query.year_from, query.year_to, query.author, query.tag, query.venue]);
    const cached = this.facetCache.get(key);
    if (cached) return cached;
    const years = new Map<number, number>();
    const tags = new Map<string, number>();
    const venues = new Map<string, number>();
    // Authors group by their lowercased name and show the smallest spelling, as GROUP BY lower() with MIN() did.
    const authors = new Map<string, { value: string; count: number }>();
    for (let row = 0; row < this.size; row++) {
      if (match && !match[row]) continue;
      const year = this.years[row]!;
      if (year !== NO_YEAR) years.set(year, (years.get(year) ?? 0) + 1);
      for (const tag of this.tags[row]!) tags.set(tag, (tags.get(tag) ?? 0) + 1);
      const venue = this.venues[row];
      if (venue !== null && venue !== undefined) venues.set(venue, (venues.get(venue) ?? 0) + 1);
      const seen = new Set<string>();
      for (const name of this.authors[row]!) {
        const group = asciiLower(name);
        const entry = authors.get(group);
        if (!entry) authors.set(group, { value: name, count: 1 });
        else {
          if (binary(name, entry.value) < 0) entry.value = name;
          if (!seen.has(group)) entry.count++;
        }
        seen.add(group);
      }
    }
    const max = LIBRARY_LIMITS.maxFacetValues;
    const byCount = (entries: Array<[string, number]>, groupOf: (value: string) => string = (v) => v) =>
      entries
        .sort(([a, countA], [b, countB]) => countB - countA || binary(groupOf(a), groupOf(b)))
        .slice(0, max)
        .map(([value, count]): FacetCount => ({ value, count }));
    const facets: LibraryFacets = {
      year: [...years]
        .sort(([a], [b]) => b - a)
        .slice(0, max)
        .map(([year, count]) => ({ value: String(year), count })),
      tag: byCount([...tags]),
      author: byCount(
        [...authors.values()].map(({ value, count }) => [value, count]),
        asciiLower,
      ),
      venue: byCount([...venues]),
    };
    if (this.facetCache.size >= FACET_CACHE_SIZE) this.facetCache.delete(this.facetCache.keys().next().value!);
    this.facetCache.set(key, facets);
    return facets;
  }

  private filterTests(query: FilterKeys): Array<(row: number) => boolean> {
    const tests: Array<(row: number) => boolean> = [];
    const { year_from: from, year_to: to } = query;
    if (from !== undefined) tests.push((row) => this.years[row] !== NO_YEAR && this.years[row]! >= from);
    if (to !== undefined) tests.push((row) => this.years[row] !== NO_YEAR && this.years[row]! <= to);
    if (query.author !== undefined) {
      const author = query.author.toLowerCase();
      tests.push((row) => this.authors[row]!.some((name) => name.toLowerCase() === author));
    }
    if (query.tag !== undefined) {
      const tag = query.tag.toLowerCase();
      tests.push((row) => this.tags[row]!.includes(tag));
    }
    if (query.venue !== undefined) {
      const venue = query.venue.toLowerCase();
      tests.push((row) => this.venues[row]?.toLowerCase() === venue);
    }
    // Each word must occur in the title or the authors, case-insensitively, as a literal substring.
    for (const word of query.text?.split(/\s+/).filter(Boolean) ?? []) {
      const needle = asciiLower(word);
      tests.push((row) => this.titleKeys[row]!.includes(needle) || this.authorsKeys[row]!.includes(needle));
    }
    return tests;
  }

  /** The rows in a sort order, computed on first use and kept. */
  private order(sort: Sort, order: Order): Int32Array {
    const key = `${sort}:${order}`;
    let rows = this.orders.get(key);
    if (!rows) {
      rows = Int32Array.from({ length: this.size }, (_, row) => row);
      rows.sort(this.comparator(sort, order === 'desc' ? -1 : 1));
      this.orders.set(key, rows);
    }
    return rows;
  }

  /** ORDER BY as the SQL listing had it: the sort key in `direction`, then title and doc ascending, nulls last. */
  private comparator(sort: Sort, direction: 1 | -1): (a: number, b: number) => number {
    const byTitle = (a: number, b: number) =>
      binary(this.titleKeys[a]!, this.titleKeys[b]!) || this.docs[a]! - this.docs[b]!;
    switch (sort) {
      case 'title':
        return (a, b) => direction * binary(this.titleKeys[a]!, this.titleKeys[b]!) || this.docs[a]! - this.docs[b]!;
      case 'year':
        return (a, b) => {
          const ya = this.years[a]!;
          const yb = this.years[b]!;
          if ((ya === NO_YEAR) !== (yb === NO_YEAR)) return ya === NO_YEAR ? 1 : -1;
          return direction * (ya - yb) || byTitle(a, b);
        };
      case 'venue':
        return (a, b) => {
          const va = this.venueKeys[a] ?? null;
          const vb = this.venueKeys[b] ?? null;
          if ((va === null) !== (vb === null)) return va === null ? 1 : -1;
          return direction * binary(va ?? '', vb ?? '') || byTitle(a, b);
        };
      case 'authors':
        return (a, b) => direction * binary(this.authorsKeys[a]!, this.authorsKeys[b]!) || byTitle(a, b);
    }
  }
}
