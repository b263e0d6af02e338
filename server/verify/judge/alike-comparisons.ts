// Comparisons that set two sides alike: "A performs comparably to B", "A is on par with B", "A
// performs as well as B" (direction 0), read with the ranking ones (comparisons.ts).
import { COMPARISON_REACH } from './comparison-sides.ts';
import type { Comparison } from './comparisons.ts';

/** A word of the sentence as the analyzer gives it: its stem (null for a stop word) and its offsets. */
type Token = { word: string; term: string | null; start: number; end: number };

// Markers that set two sides alike, as the words they are made of ("performs comparably to B", "is
// on par with B"); a word given as a pattern matches its forms.
const ALIKE_MARKERS: ReadonlyArray<ReadonlyArray<string | RegExp>> = [
  [/^comparabl[ey]$/u, /^(?:to|with)$/u],
  [/^similar(?:ly)?$/u, 'to'],
  [/^(?:equivalent(?:ly)?|equal(?:ly)?)$/u, 'to'],
  ['on', 'par', 'with'],
  [/^(?:noninferior|indistinguishable)$/u, /^(?:to|from)$/u],
  ['non', 'inferior', 'to'],
  ['as', /^(?:good|effective|efficient|accurate|efficacious)$/u, 'as'],
];
// "as well as" joins two things ("A as well as B") unless a verb of performing comes before it.
const PERFORMING = /^(?:perform\w*|work\w*|do|does|did|fared|fares)$/u;

function alikeMarkerAt(tokens: readonly Token[], i: number): number {
  const matches = (part: string | RegExp, k: number) => {
    const word = tokens[i + k]?.word;
    return word !== undefined && (typeof part === 'string' ? word === part : part.test(word));
  };
  const marker = ALIKE_MARKERS.find((parts) => parts.every(matches));
  if (marker) return marker.length;
  const asWellAs = ['as', 'well', 'as'].every((w, k) => tokens[i + k]?.word === w);
  return asWellAs && PERFORMING.test(tokens[i - 1]?.word ?? '') ? 3 : 0;
}

/**
 * "A performs comparably to B", "A is on par with B", "A performs as well as B": two sides set
 * alike (direction 0), each known by the terms only it names within reach of the marker.
 */
export function alikeComparisonsOf(text: string, tokens: readonly Token[]): Comparison[] {
  const found: Comparison[] = [];
  const broken = (a: number, b: number) => /[,;:()]/u.test(text.slice(tokens[a]!.end, tokens[b]!.start));
  for (let i = 0; i < tokens.length; i++) {
    const length = alikeMarkerAt(tokens, i);
    if (length === 0) continue;
    const left = new Set<string>();
    for (let j = i - 1; j >= Math.max(0, i - COMPARISON_REACH) && !broken(j, j + 1); j--) {
      if (tokens[j]!.term) left.add(tokens[j]!.term!);
    }
    const right = new Set<string>();
    const from = i + length;
    for (let j = from; j < Math.min(tokens.length, from + COMPARISON_REACH); j++) {
      if (j > from && broken(j - 1, j)) break;
      if (tokens[j]!.term) right.add(tokens[j]!.term!);
    }
    const onlyLeft = [...left].filter((t) => !right.has(t));
    const onlyRight = [...right].filter((t) => !left.has(t));
    if (onlyLeft.length > 0 && onlyRight.length > 0)
      found.push({ direction: 0, left: onlyLeft, right: onlyRight, wide: false });
    i += length - 1;
  }
  return found;
}
