import { describe, expect, it } from 'vitest';
import { centerOn, clampView, IDENTITY, panBy, viewAfterKey, zoomAt } from '../../../../web/src/pages/map/map-view.ts';

describe('map-view', () => {
  it('zooms around the given point, keeping it where it is on screen', () => {
    const view = zoomAt(IDENTITY, 2, 100, 50, 400, 200);
    expect(view).toEqual({ k: 2, x: -100, y: -50 });
    // The map point under (100, 50) before is still under it: 100 = 100 × 2 − 100.
    expect(100 * view.k + view.x).toBe(100);
  });

  it('never zooms out past the whole map or pans it out of its box', () => {
    expect(zoomAt(IDENTITY, 0.5, 0, 0, 400, 200)).toEqual(IDENTITY);
    expect(panBy(IDENTITY, 50, 50, 400, 200)).toEqual(IDENTITY);
    expect(clampView({ k: 2, x: -1000, y: 30 }, 400, 200)).toEqual({ k: 2, x: -400, y: 0 });
    expect(zoomAt(IDENTITY, 1000, 0, 0, 400, 200).k).toBe(24);
  });

  it('centres a point when asked', () => {
    const view = centerOn(300, 150, 3, 400, 200);
    expect([300 * view.k + view.x, 150 * view.k + view.y]).toEqual([200, 100]);
  });

  it('answers + - 0 and the arrow keys, and ignores other keys', () => {
    const zoomed = viewAfterKey(IDENTITY, '+', 400, 200)!;
    expect(zoomed.k).toBe(1.5);
    expect(viewAfterKey(zoomed, '-', 400, 200)?.k).toBe(1);
    expect(viewAfterKey(zoomed, '0', 400, 200)).toEqual(IDENTITY);
    expect(viewAfterKey(zoomed, 'ArrowRight', 400, 200)!.x).toBeLessThan(zoomed.x);
    expect(viewAfterKey(zoomed, 'a', 400, 200)).toBeNull();
  });
});
