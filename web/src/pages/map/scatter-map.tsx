// The map itself: an SVG scatter of every paper, sized to its container so points keep their
// size on a phone. Hover or focus shows a title; click or Enter opens the paper.
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MapPoint } from '../../../../server/map/map.schema.ts';

const PAD = 28;
const LABEL_CHARS = 72;
const CHAR_WIDTH = 7.9;
/** Above this many points, only highlighted points join the Tab order (a Tab through thousands helps no one). */
const MAX_TABBABLE = 300;

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

export function ScatterMap({
  points,
  classOf,
  highlighted,
}: {
  points: readonly MapPoint[];
  classOf: (point: MapPoint) => string;
  /** Paper ids to bring forward; when non-empty, the rest are dimmed. */
  highlighted: ReadonlySet<string>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 960);
  const height = Math.round(Math.min(680, Math.max(340, width * 0.62)));
  const navigate = useNavigate();
  const [active, setActive] = useState<MapPoint | null>(null);
  const searching = highlighted.size > 0;
  // Few points can be larger: easier to hit, and the map does not look empty.
  const radius = points.length <= 200 ? 7 : points.length <= 2_000 ? 5.5 : 4;

  const px = (p: MapPoint) => PAD + p.x * (width - 2 * PAD);
  const py = (p: MapPoint) => PAD + (1 - p.y) * (height - 2 * PAD);
  const open = (p: MapPoint) => navigate(`/papers/${encodeURIComponent(p.paperId)}`);
  // Highlighted points are drawn last, so they sit on top.
  const ordered = searching
    ? [...points.filter((p) => !highlighted.has(p.paperId)), ...points.filter((p) => highlighted.has(p.paperId))]
    : points;
  const tabbable = (p: MapPoint) => (searching ? highlighted.has(p.paperId) : points.length <= MAX_TABBABLE);

  let label: { x: number; y: number; w: number; text: string; flip: boolean } | null = null;
  if (active) {
    const text = active.title.length > LABEL_CHARS ? `${active.title.slice(0, LABEL_CHARS - 1)}…` : active.title;
    const w = Math.min(width - 16, text.length * CHAR_WIDTH + 16);
    const x = px(active);
    const flip = x + 12 + w > width;
    label = {
      x: Math.max(8, flip ? x - 12 - w : x + 12),
      y: Math.max(8, Math.min(py(active) - 14, height - 36)),
      w,
      text,
      flip,
    };
  }

  return (
    <div className="map-box" ref={box}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the points inside it. */}
      <svg
        className={`map-svg${searching ? ' is-searching' : ''}`}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="group"
        aria-label={`Map of ${points.length} papers; nearby points are papers with similar content`}
      >
        <rect className="map-bg" x={0} y={0} width={width} height={height} rx={12} />
        {ordered.map((p) => {
          const hit = highlighted.has(p.paperId);
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG point cannot be an <a> that keeps its circle shape across browsers.
            <circle
              key={p.paperId}
              className={`map-point ${classOf(p)}${hit ? ' is-hit' : ''}${active?.paperId === p.paperId ? ' is-active' : ''}`}
              cx={px(p)}
              cy={py(p)}
              r={hit ? radius + 2.5 : radius}
              role="link"
              tabIndex={tabbable(p) ? 0 : -1}
              aria-label={p.title}
              data-paper-id={p.paperId}
              onMouseEnter={() => setActive(p)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(p)}
              onBlur={() => setActive(null)}
              onClick={() => open(p)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  open(p);
                }
              }}
            />
          );
        })}
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
