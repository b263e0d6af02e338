// The cluster names drawn on the map: placed clear of each other and inside the map (label-layout.ts),
// by their drawn widths, which an invisible copy in the map's own font measures once per set of names.
import { useLayoutEffect, useRef, useState } from 'react';
import type { ClusterLabel } from './cluster-labels.ts';
import { labelTexts, layoutLabels } from './label-layout.ts';

/**
 * The widths of the names (and their shorter forms) as drawn. Until they are measured, and where
 * SVG text cannot be measured (jsdom), `measure` gives 0 and the layout estimates by characters.
 */
function useNameWidths(clusterNames: readonly ClusterLabel[]) {
  const texts = [...new Set(clusterNames.flatMap((name) => labelTexts(name.terms)))];
  const key = texts.join('\n');
  const ruler = useRef<SVGGElement>(null);
  const [widths, setWidths] = useState<{ key: string; of: ReadonlyMap<string, number> }>({ key: '', of: new Map() });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names are measured again only when they change.
  useLayoutEffect(() => {
    if (widths.key === key || !ruler.current) return;
    const of = new Map<string, number>();
    for (const text of ruler.current.querySelectorAll('text')) {
      if (typeof text.getComputedTextLength === 'function')
        of.set(text.textContent ?? '', text.getComputedTextLength());
    }
    setWidths({ key, of });
  }, [key]);
  return {
    measure: (text: string) => widths.of.get(text) ?? 0,
    /** The invisible names to measure, while the current ones are not yet measured. */
    ruler:
      widths.key === key ? null : (
        <g ref={ruler} className="map-name-ruler" visibility="hidden">
          {texts.map((text) => (
            <text key={text} className="map-cluster-name">
              {text}
            </text>
          ))}
        </g>
      ),
  };
}

/** The names of `clusterNames` at their centres (`at` gives a centre on screen), on a map of `width` × `height`. */
export function ClusterNames({
  clusterNames,
  at,
  width,
  height,
}: {
  clusterNames: readonly ClusterLabel[];
  at: (cluster: ClusterLabel) => { x: number; y: number };
  width: number;
  height: number;
}) {
  const named = clusterNames.filter((cluster) => cluster.terms.length > 0);
  const { measure, ruler } = useNameWidths(named);
  const placed = layoutLabels(named, at, { width, height }, measure);
  return (
    <>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> is never focusable; the legend names the clusters for screen readers. */}
      <g className="map-cluster-names" aria-hidden="true">
        {placed.map((name) => (
          <text key={name.cluster} className="map-cluster-name" x={name.x} y={name.y} textAnchor="middle">
            {name.text}
          </text>
        ))}
      </g>
      {ruler}
    </>
  );
}
