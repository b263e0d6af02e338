// The map itself: an SVG scatter of every paper, sized to its container. A tap or click goes to
// the nearest point within HIT_RADIUS (a target 24 px across or more, and a tap on a point always
// finds that point, however crowded); labels never take a tap. Wheel, pinch, drag, the +/− buttons and the
// keyboard (+ − 0 and arrows) zoom and pan; tapping or Enter on a point selects it.
import { type PointerEvent as ReactPointerEvent, useEffect, useRef, useState } from 'react';
import type { MapPoint } from '../../../../server/map/map.schema.ts';
import type { ClusterLabel } from './cluster-labels.ts';
import { ClusterNames } from './cluster-names.tsx';
import { centerOn, IDENTITY, type MapView, panBy, viewAfterKey, zoomAt } from './map-view.ts';

const PAD = 28;
const LABEL_CHARS = 72;
const CHAR_WIDTH = 7.9;
/** Radius of a point's tap target: 24 px across at least, whatever the drawn size. */
export const HIT_RADIUS = 12;
/** Above this many points, only highlighted points join the Tab order (a Tab through thousands helps no one). */
const MAX_TABBABLE = 300;
/** A press that moves less than this many pixels is a tap, not a drag. */
const TAP_SLOP = 6;

function useWidth(ref: React.RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(280, Math.round(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

type Pointer = { x: number; y: number };

export function ScatterMap({
  points,
  classOf,
  highlighted,
  holdingWords,
  selectedId,
  onSelect,
  clusterNames,
}: {
  points: readonly MapPoint[];
  classOf: (point: MapPoint) => string;
  /** Paper ids to bring forward; when non-empty, the rest are dimmed. */
  highlighted: ReadonlySet<string>;
  /** The highlighted papers that hold the words searched for (ringed solid); the others match by meaning (dashed). */
  holdingWords: ReadonlySet<string>;
  /** The selected paper: drawn ringed, and centred when it changes. */
  selectedId: string | null;
  onSelect: (point: MapPoint) => void;
  /** Cluster names drawn at their centres (none when colouring by tag). */
  clusterNames: readonly ClusterLabel[];
}) {
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useWidth(box, 960);
  const height = Math.round(Math.min(680, Math.max(340, width * 0.62)));
  const [view, setView] = useState<MapView>(IDENTITY);
  const [active, setActive] = useState<MapPoint | null>(null);
  const pointers = useRef(new Map<number, Pointer>());
  const gesture = useRef<{ moved: number; pinch: number | null }>({ moved: 0, pinch: null });
  const searching = highlighted.size > 0;
  // Few points can be larger: the map does not look empty.
  const radius = points.length <= 200 ? 7 : points.length <= 2_000 ? 5.5 : 4;

  const baseX = (p: { x: number }) => PAD + p.x * (width - 2 * PAD);
  const baseY = (p: { y: number }) => PAD + (1 - p.y) * (height - 2 * PAD);
  const px = (p: { x: number }) => baseX(p) * view.k + view.x;
  const py = (p: { y: number }) => baseY(p) * view.k + view.y;

  // A paper selected by the URL on arrival ("Show on map" from a paper) is centred and zoomed in a
  // little; one selected later is only brought back into view if it is off screen.
  const arrived = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new selection (or the points arriving) moves the map.
  useEffect(() => {
    const point = selectedId ? points.find((p) => p.paperId === selectedId) : undefined;
    if (points.length === 0) return;
    const first = !arrived.current;
    arrived.current = true;
    if (!point) return;
    const x = px(point);
    const y = py(point);
    if (first) setView(centerOn(baseX(point), baseY(point), 3, width, height));
    else if (x < 0 || x > width || y < 0 || y > height)
      setView(centerOn(baseX(point), baseY(point), view.k, width, height));
  }, [selectedId, points.length > 0]);

  // React's wheel listener is passive; this one must stop the page from scrolling while zooming.
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002));
      setView((v) => zoomAt(v, factor, event.clientX - rect.left, event.clientY - rect.top, width, height));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [width, height]);

  const local = (event: ReactPointerEvent): Pointer => {
    const rect = svg.current?.getBoundingClientRect();
    return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
  };
  const onPointerDown = (event: ReactPointerEvent<SVGSVGElement>) => {
    pointers.current.set(event.pointerId, local(event));
    if (pointers.current.size === 1) gesture.current = { moved: 0, pinch: null };
  };
  const onPointerMove = (event: ReactPointerEvent<SVGSVGElement>) => {
    const before = pointers.current.get(event.pointerId);
    if (!before) {
      onHover(event);
      return;
    }
    const now = local(event);
    pointers.current.set(event.pointerId, now);
    const all = [...pointers.current.values()];
    if (all.length >= 2 && all[0] && all[1]) {
      const [a, b] = all;
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      const previous = gesture.current.pinch;
      gesture.current = { moved: gesture.current.moved + TAP_SLOP, pinch: distance };
      if (previous) setView((v) => zoomAt(v, distance / previous, (a.x + b.x) / 2, (a.y + b.y) / 2, width, height));
      return;
    }
    const dx = now.x - before.x;
    const dy = now.y - before.y;
    gesture.current.moved += Math.abs(dx) + Math.abs(dy);
    // Dragging pans only once the press is clearly not a tap.
    if (gesture.current.moved > TAP_SLOP) {
      if (!svg.current?.hasPointerCapture(event.pointerId)) svg.current?.setPointerCapture(event.pointerId);
      setView((v) => panBy(v, dx, dy, width, height));
    }
  };
  const onPointerEnd = (event: ReactPointerEvent<SVGSVGElement>) => {
    pointers.current.delete(event.pointerId);
    if (pointers.current.size < 2) gesture.current.pinch = null;
  };
  /** The visible point nearest to a screen position, if one is within HIT_RADIUS. */
  const nearest = (at: Pointer): MapPoint | undefined => {
    let best: MapPoint | undefined;
    let bestDistance = Math.max(HIT_RADIUS, radius) ** 2;
    for (const p of ordered) {
      const distance = (px(p) - at.x) ** 2 + (py(p) - at.y) ** 2;
      // Later points are drawn on top: on a tie they win.
      if (distance <= bestDistance) {
        best = p;
        bestDistance = distance;
      }
    }
    return best;
  };
  const onClick = (event: React.MouseEvent<SVGSVGElement>) => {
    // A drag or pinch that ends over a point does not select it.
    if (gesture.current.moved > TAP_SLOP) return;
    const rect = svg.current?.getBoundingClientRect();
    const point = nearest({ x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) });
    if (point) onSelect(point);
  };
  const onHover = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (event.pointerType !== 'mouse' || pointers.current.size > 0) return;
    const point = nearest(local(event)) ?? null;
    if (point?.paperId !== active?.paperId) setActive(point);
  };

  const zoomButton = (factor: number) => setView((v) => zoomAt(v, factor, width / 2, height / 2, width, height));
  const visible = (p: MapPoint) => {
    const x = px(p);
    const y = py(p);
    return x >= -HIT_RADIUS && x <= width + HIT_RADIUS && y >= -HIT_RADIUS && y <= height + HIT_RADIUS;
  };
  // Highlighted and selected points are drawn last, so they sit on top (and win the tap).
  const rank = (p: MapPoint) => (p.paperId === selectedId ? 2 : highlighted.has(p.paperId) ? 1 : 0);
  const ordered = points.filter(visible).sort((a, b) => rank(a) - rank(b));
  const tabbable = (p: MapPoint) => (searching ? highlighted.has(p.paperId) : points.length <= MAX_TABBABLE);

  let label: { x: number; y: number; w: number; text: string } | null = null;
  if (active) {
    const text = active.title.length > LABEL_CHARS ? `${active.title.slice(0, LABEL_CHARS - 1)}…` : active.title;
    const w = Math.min(width - 16, text.length * CHAR_WIDTH + 16);
    const x = px(active);
    const flip = x + 16 + w > width;
    label = {
      x: Math.max(8, flip ? x - 16 - w : x + 16),
      y: Math.max(8, Math.min(py(active) - 13, height - 36)),
      w,
      text,
    };
  }

  return (
    <div className="map-box" ref={box}>
      <div className="map-zoom" role="toolbar" aria-label="Zoom">
        <button type="button" className="button map-zoom-button" onClick={() => zoomButton(1.5)} aria-label="Zoom in">
          +
        </button>
        <button
          type="button"
          className="button map-zoom-button"
          onClick={() => zoomButton(1 / 1.5)}
          aria-label="Zoom out"
          disabled={view.k <= 1}
        >
          −
        </button>
        <button type="button" className="button" onClick={() => setView(IDENTITY)} disabled={view.k === 1}>
          Reset
        </button>
        <span className="muted map-zoom-level" aria-live="polite">
          {view.k === 1 ? 'Whole map' : `${view.k.toFixed(1)}× zoom`}
        </span>
      </div>
      <svg
        ref={svg}
        className={`map-svg${searching ? ' is-searching' : ''}`}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="application"
        aria-roledescription="map"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the map itself takes the zoom and pan keys, so it must be focusable.
        tabIndex={0}
        aria-label={`Map of ${points.length} papers; nearby points are papers with similar content. Plus and minus zoom, arrow keys pan, 0 shows the whole map.`}
        data-zoom={view.k.toFixed(3)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onPointerLeave={() => setActive(null)}
        onClick={onClick}
        onKeyDown={(event) => {
          const next = viewAfterKey(view, event.key, width, height);
          if (next && (event.target === event.currentTarget || event.key !== ' ')) {
            event.preventDefault();
            setView(next);
          }
        }}
      >
        <rect className="map-bg" x={0} y={0} width={width} height={height} rx={12} />
        {ordered.map((p) => {
          const hit = highlighted.has(p.paperId);
          const selected = p.paperId === selectedId;
          const hitClass = !hit ? '' : holdingWords.has(p.paperId) ? ' is-hit is-word-hit' : ' is-hit is-meaning-hit';
          return (
            <g key={p.paperId} className="map-point-group">
              <circle
                className={`map-point ${classOf(p)}${hitClass}${selected || active?.paperId === p.paperId ? ' is-active' : ''}`}
                cx={px(p)}
                cy={py(p)}
                r={hit || selected ? radius + 2.5 : radius}
                data-paper-id={p.paperId}
              />
              {/* Only points in the Tab order get an element of their own to focus (taps are found by distance), so a
                  map of 100k papers draws one element per point, not two. */}
              {tabbable(p) ? (
                // biome-ignore lint/a11y/useSemanticElements: an SVG point cannot be a <button> that keeps its circle shape.
                <circle
                  className="map-hit"
                  cx={px(p)}
                  cy={py(p)}
                  r={Math.max(HIT_RADIUS, radius)}
                  role="button"
                  tabIndex={0}
                  aria-label={p.title}
                  aria-pressed={selected}
                  data-hit-for={p.paperId}
                  onFocus={() => setActive(p)}
                  onBlur={() => setActive(null)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault();
                      onSelect(p);
                    }
                  }}
                />
              ) : null}
            </g>
          );
        })}
        {/* Inside the map and clear of each other: a name that would overlap is shortened or left out. */}
        <ClusterNames
          clusterNames={clusterNames}
          at={(cluster) => ({ x: px(cluster), y: py(cluster) })}
          width={width}
          height={height}
        />
        {label ? (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> is never focusable; the label repeats the focused point's name.
          <g className="map-label" aria-hidden="true">
            <rect x={label.x} y={label.y} width={label.w} height={26} rx={6} />
            <text x={label.x + 8} y={label.y + 17}>
              {label.text}
            </text>
          </g>
        ) : null}
      </svg>
    </div>
  );
}
