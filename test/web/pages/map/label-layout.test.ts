import { describe, expect, it } from 'vitest';
import type { ClusterLabel } from '../../../../web/src/pages/map/cluster-labels.ts';
import { boxesMeet, labelTexts, layoutLabels } from '../../../../web/src/pages/map/label-layout.ts';

const cluster = (id: number, terms: string[], count: number, x: number, y: number): ClusterLabel => ({
  cluster: id,
  terms,
  count,
  x,
  y,
});
const onScreen = (label: ClusterLabel) => ({ x: label.x, y: label.y });
const PHONE_MAP = { width: 351, height: 340 };

describe('label-layout', () => {
  it('offers the whole name first, then one word fewer at a time', () => {
    expect(labelTexts(['steering', 'alignment', 'kv-cache'])).toEqual([
      'steering · alignment · kv-cache',
      'steering · alignment',
      'steering',
    ]);
  });

  it('keeps names that do not meet where they are, inside the map', () => {
    const placed = layoutLabels(
      [cluster(0, ['glazes'], 5, 60, 50), cluster(1, ['sinks', 'attention'], 4, 250, 250)],
      onScreen,
      PHONE_MAP,
    );
    expect(placed.map((p) => [p.text, p.x, p.y])).toEqual([
      ['glazes', 60, 50],
      ['sinks · attention', 250, 250],
    ]);
  });

  it('names the biggest cluster first and moves, shortens or leaves out the names that would overlap it', () => {
    // The map of the sample library on a 390 px phone: four names of three words within 100 px.
    const labels = [
      cluster(0, ['applications', 'evaluation', 'agents'], 13, 175, 185),
      cluster(1, ['efficiency', 'inference', 'training'], 10, 170, 65),
      cluster(2, ['reinforcement-learning', 'benchmarks', 'reasoning'], 9, 190, 250),
      cluster(3, ['steering', 'alignment', 'kv-cache'], 8, 130, 190),
    ];
    const placed = layoutLabels(labels, onScreen, PHONE_MAP);
    expect(placed[0]).toMatchObject({ cluster: 0, text: 'applications · evaluation · agents', x: 175, y: 185 });
    for (const [i, a] of placed.entries()) {
      expect(a.box.left).toBeGreaterThanOrEqual(0);
      expect(a.box.right).toBeLessThanOrEqual(PHONE_MAP.width);
      for (const b of placed.slice(i + 1)) expect(boxesMeet(a.box, b.box), `${a.text} / ${b.text}`).toBe(false);
    }
    // The 47-character name is wider than the phone's map: it is shortened, not cut off at the edge
    // nor left out.
    const shortened = placed.find((p) => p.cluster === 2)?.text;
    expect(shortened).toMatch(/^reinforcement-learning/u);
    expect(shortened).not.toBe('reinforcement-learning · benchmarks · reasoning');
  });

  it('uses the measured widths when the browser gives them', () => {
    const labels = [cluster(0, ['wide'], 2, 100, 100), cluster(1, ['next'], 1, 160, 100)];
    // Estimated (4 characters ≈ 30 px) the two fit side by side; measured at 120 px each they do not.
    expect(layoutLabels(labels, onScreen, PHONE_MAP).map((p) => p.y)).toEqual([100, 100]);
    const measured = layoutLabels(labels, onScreen, PHONE_MAP, () => 120);
    expect(measured).toHaveLength(2);
    expect(measured[1]!.y).not.toBe(100);
    expect(boxesMeet(measured[0]!.box, measured[1]!.box)).toBe(false);
  });

  it('does not name a cluster whose centre is off the map', () => {
    const placed = layoutLabels(
      [cluster(0, ['glazes'], 5, -40, 50), cluster(1, ['sinks'], 4, 100, 400)],
      onScreen,
      PHONE_MAP,
    );
    expect(placed).toEqual([]);
  });
});
