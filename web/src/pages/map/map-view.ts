// The map's zoom and pan: a scale and an offset applied to point positions (not to the drawing, so
// points and their tap targets keep their size at every zoom).

/** Scale `k` and offset (`x`, `y`, in screen pixels): screen = position × k + offset. */
export type MapView = { k: number; x: number; y: number };

export const IDENTITY: MapView = { k: 1, x: 0, y: 0 };
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 24;

/** Keeps the view from zooming past its limits or panning the map entirely out of its box. */
export function clampView(view: MapView, width: number, height: number): MapView {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k));
  // The zoomed map spans width×k; its left edge may go from 0 (at the box's left) to width − width×k.
  const x = Math.min(0, Math.max(width - width * k, view.x));
  const y = Math.min(0, Math.max(height - height * k, view.y));
  return { k, x, y };
}

/** Zooms by `factor` keeping the screen point (`cx`, `cy`) where it is. */
export function zoomAt(view: MapView, factor: number, cx: number, cy: number, width: number, height: number): MapView {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k * factor));
  const applied = k / view.k;
  return clampView({ k, x: cx - (cx - view.x) * applied, y: cy - (cy - view.y) * applied }, width, height);
}

/** Moves the map by (`dx`, `dy`) screen pixels. */
export function panBy(view: MapView, dx: number, dy: number, width: number, height: number): MapView {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, width, height);
}

/** A view at zoom `k` with the unzoomed screen point (`px`, `py`) in the middle of the box. */
export function centerOn(px: number, py: number, k: number, width: number, height: number): MapView {
  return clampView({ k, x: width / 2 - px * k, y: height / 2 - py * k }, width, height);
}

/** The view after a key press, or null when the key does nothing to the map. */
export function viewAfterKey(view: MapView, key: string, width: number, height: number): MapView | null {
  const step = Math.round(Math.min(width, height) / 8);
  switch (key) {
    case '+':
    case '=':
      return zoomAt(view, 1.5, width / 2, height / 2, width, height);
    case '-':
    case '_':
      return zoomAt(view, 1 / 1.5, width / 2, height / 2, width, height);
    case '0':
      return IDENTITY;
    case 'ArrowLeft':
      return panBy(view, step, 0, width, height);
    case 'ArrowRight':
      return panBy(view, -step, 0, width, height);
    case 'ArrowUp':
      return panBy(view, 0, step, width, height);
    case 'ArrowDown':
      return panBy(view, 0, -step, width, height);
    default:
      return null;
  }
}
