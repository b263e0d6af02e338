// Where the map's cluster names go on screen without overlapping: the biggest clusters' names first,
// each at its cluster's centre or a line above or below it, with fewer words when the whole name
// does not fit; a name that still collides with one already placed is left out (the legend names
// every cluster). On a phone the map is ~350 px wide and three-word names would otherwise pile up.
import type { ClusterLabel } from './cluster-labels.ts';

export const LABEL_LAYOUT = {
  /** Height of a name's box: 13 px bold text with its 4 px halo. */
  lineHeight: 18,
  /** From the top of the box to the text's baseline (the y an SVG <text> is placed at). */
  ascent: 13,
  /** Space kept clear between two names. */
  gap: 4,
  /** Space kept clear between a name and the map's edge. */
  margin: 4,
  /** Width of a character when the browser cannot measure (13 px bold ≈ 7.5 px a character). */
  charWidth: 7.5,
} satisfies Record<string, number>;

/** A rectangle on screen, in map pixels. */
export type LabelBox = { left: number; top: number; right: number; bottom: number };

/** A cluster's name as drawn: its text, the baseline centre it is drawn at, and the box it takes. */
export type PlacedLabel = { cluster: number; text: string; x: number; y: number; box: LabelBox };

/** The names a cluster can be shown by, longest first: all its terms, then one fewer, down to one. */
export function labelTexts(terms: readonly string[]): string[] {
  return terms.map((_, i) => terms.slice(0, terms.length - i).join(' · '));
}

/** Whether two boxes come within `gap` of each other. */
export function boxesMeet(a: LabelBox, b: LabelBox, gap = 0): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

/**
 * The names to draw for `labels` whose centres are at screen positions `at(label)` on a map of
 * `width` × `height`, none overlapping another or the map's edge. `measure` gives a text's width
 * in pixels (the estimate by characters when it gives 0 or less). A cluster whose centre is off
 * the map (zoomed in) is not named.
 */
export function layoutLabels(
  labels: readonly ClusterLabel[],
  at: (label: ClusterLabel) => { x: number; y: number },
  size: { width: number; height: number },
  measure: (text: string) => number = () => 0,
): PlacedLabel[] {
  const { lineHeight, ascent, gap, margin, charWidth } = LABEL_LAYOUT;
  const placed: PlacedLabel[] = [];
  const biggestFirst = [...labels].sort((a, b) => b.count - a.count || a.cluster - b.cluster);
  for (const label of biggestFirst) {
    const centre = at(label);
    if (centre.x < 0 || centre.x > size.width || centre.y < 0 || centre.y > size.height) continue;
    const fits = (text: string): PlacedLabel | undefined => {
      const measured = measure(text);
      const width = measured > 0 ? measured : text.length * charWidth;
      if (width > size.width - 2 * margin) return undefined;
      const x = Math.min(Math.max(centre.x, margin + width / 2), size.width - margin - width / 2);
      for (const shift of [0, -(lineHeight + gap), lineHeight + gap]) {
        const top = Math.min(Math.max(centre.y + shift - ascent, margin), size.height - margin - lineHeight);
        const box = { left: x - width / 2, right: x + width / 2, top, bottom: top + lineHeight };
        if (placed.every((other) => !boxesMeet(box, other.box, gap))) {
          return { cluster: label.cluster, text, x, y: top + ascent, box };
        }
      }
      return undefined;
    };
    for (const text of labelTexts(label.terms)) {
      const spot = fits(text);
      if (spot) {
        placed.push(spot);
        break;
      }
    }
  }
  return placed;
}
