// The citations found so far in one text, and the spans they take: each finder of parse-citations.ts
// adds a citation only where no earlier finder took the text, so the order of the finders decides
// which reading of a span wins.
import type { CitationTarget, ParsedCitation } from './citation-target.ts';

/** One cited item of a group, with the item as written ("3", "Lin et al., 2026", "^2"). */
export type Item = { target: CitationTarget; item: string };

function markerOf(target: CitationTarget, item: string): string {
  switch (target.kind) {
    case 'numeric':
      return item.startsWith('^') ? `[${item}]` : `[${target.n}]`;
    case 'arxiv':
      return `arXiv:${target.arxivId}`;
    case 'doi':
      return target.doi;
    case 'key':
      return item.startsWith('^') ? `[${item}]` : `[${target.key}]`;
    case 'author-year':
      return item.replace(/\s+/gu, ' ');
  }
}

/** The citations of a text and the spans they take, disjoint and sorted by start (a lookup is a binary search). */
export class CitationSpans {
  readonly citations: ParsedCitation[] = [];
  private readonly taken: Array<[number, number]> = [];

  private firstEndingAfter(position: number): number {
    let lo = 0;
    let hi = this.taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.taken[mid]![1] <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether no citation yet takes any of [start, end). */
  free(start: number, end: number): boolean {
    const next = this.taken[this.firstEndingAfter(start)];
    return next === undefined || next[0] >= end;
  }

  /** Takes [start, end) for the items of one group; returns their citations. */
  add(start: number, end: number, items: readonly Item[], narrative = false): ParsedCitation[] {
    this.taken.splice(this.firstEndingAfter(start), 0, [start, end]);
    const added = items.map(({ target, item }) => ({
      marker: markerOf(target, item),
      target,
      start,
      end,
      ...(narrative ? { narrative: true as const } : {}),
    }));
    this.citations.push(...added);
    return added;
  }

  /** Every citation, in order of position. */
  inOrder(): ParsedCitation[] {
    return this.citations.sort((a, b) => a.start - b.start);
  }
}
