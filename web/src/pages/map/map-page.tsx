// The Map page: every paper as a point (a projection of the paper vectors), coloured by cluster
// (named by its distinctive terms) or tag, with a legend that filters; a search in the URL (?q=)
// highlights the papers it matches (as Search counts them); ?paper= selects a paper and shows it in the side panel; ?color=
// keeps the colouring.
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { getMap, searchPapers } from '../../api/library.api.ts';
import { useRequest } from '../../api/use-request.ts';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { searchFromParams } from '../search/search-url.ts';
import { clusterLabels } from './cluster-labels.ts';
import { type ColorBy, colorPoints } from './map-colors.ts';
import { hitsNote, holdsQueryWords, mapHitsSummary, matchingHits } from './map-hits.ts';
import { MapPaperPanel } from './map-paper-panel.tsx';
import { COLOR_BY_CHOICES, colorByFromParams, paramsWithColorBy } from './map-url.ts';
import { ScatterMap } from './scatter-map.tsx';

/** Results asked for to find the matching ones (the API's largest page). */
const RESULTS_CONSIDERED = 100;
/** Matching papers drawn on the map and listed at most. */
const HITS_ON_MAP = 30;
/** The first map of a large index can outlast the server's request timeout; it keeps computing, so ask again. */
const BUSY_RETRIES = 6;
const BUSY_RETRY_MS = 2_000;

export function MapPage() {
  const [params, setParams] = useSearchParams();
  const search = searchFromParams(params);
  // The colouring shown follows the choice at once; the URL, which keeps it for Back and reloads,
  // catches up (a navigation may land a render later, and a controlled radio would snap back).
  const colorInUrl = colorByFromParams(params);
  const [colorBy, setColorBy] = useState<ColorBy>(colorInUrl);
  useEffect(() => setColorBy(colorInUrl), [colorInUrl]);
  const [draft, setDraft] = useState(search?.q ?? '');
  const ids = useId();
  useEffect(() => setDraft(search?.q ?? ''), [search?.q]);

  const map = useRequest('map', (signal) => getMap(signal));
  const [busyRetries, setBusyRetries] = useState(0);
  const busy = map.status === 'error' && (map.error?.code === 'TIMEOUT' || map.error?.code === 'OVERLOADED');
  useEffect(() => {
    if (!busy || busyRetries >= BUSY_RETRIES) return;
    const timer = setTimeout(() => {
      setBusyRetries((n) => n + 1);
      map.retry();
    }, BUSY_RETRY_MS);
    return () => clearTimeout(timer);
  }, [busy, busyRetries, map.retry]);
  const searchKey = search ? JSON.stringify(search) : null;
  const hits = useRequest(searchKey, (signal) =>
    searchPapers({ ...search!, offset: 0, k: RESULTS_CONSIDERED }, signal),
  );
  const points = map.data?.points ?? [];
  const names = useMemo(() => clusterLabels(points), [points]);
  const coloring = useMemo(() => {
    const byCluster = new Map(names.map((label) => [label.cluster, label.terms.join(', ') || undefined]));
    return colorPoints(points, colorBy, (cluster) => byCluster.get(cluster));
  }, [points, colorBy, names]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new colouring starts with every group shown.
  useEffect(() => setHidden(new Set()), [colorBy]);
  const shownPoints = useMemo(
    () => (hidden.size === 0 ? points : points.filter((p) => !hidden.has(coloring.keyOf(p)))),
    [points, hidden, coloring],
  );
  const matching = useMemo(() => (search && hits.data ? matchingHits(hits.data.results) : []), [search, hits.data]);
  const hitResults = matching.slice(0, HITS_ON_MAP);
  const highlighted = useMemo(() => new Set(hitResults.map((r) => r.paper.id)), [hitResults]);
  // Of those, the papers that hold the words searched for; the rest match by meaning alone.
  const holdingWords = useMemo(() => new Set(hitResults.filter(holdsQueryWords).map((r) => r.paper.id)), [hitResults]);
  const selectedId = params.get('paper');
  const select = (paperId: string | null) => {
    const next = new URLSearchParams(params);
    if (paperId) next.set('paper', paperId);
    else next.delete('paper');
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const toggleGroup = (key: string) =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  // A new entry in the history, so Back returns to the colouring before.
  const chooseColorBy = (by: ColorBy) => {
    setColorBy(by);
    setParams(paramsWithColorBy(params, by), { preventScrollReset: true });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (draft.trim()) next.set('q', draft.trim());
    else next.delete('q');
    next.delete('offset');
    setParams(next);
  };

  return (
    <>
      <title>Map · Citelens</title>
      <h1 tabIndex={-1}>Map</h1>
      <p className="muted lede">Each point is a paper; papers about similar things sit close together.</p>
      <div className="map-controls">
        <search className="map-search">
          <form className="search-row" onSubmit={submit} aria-label="Highlight papers on the map">
            <label htmlFor={`${ids}-q`} className="visually-hidden">
              Highlight papers matching
            </label>
            <input
              id={`${ids}-q`}
              className="input"
              type="search"
              placeholder="Highlight papers…"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              data-primary-input=""
            />
            <button type="submit" className="button">
              Highlight
            </button>
          </form>
        </search>
        <fieldset className="segmented">
          <legend className="segmented-legend">Colour by</legend>
          {COLOR_BY_CHOICES.map((by) => (
            <label key={by} className="segmented-option">
              <input
                type="radio"
                name="color-by"
                value={by}
                checked={colorBy === by}
                onChange={() => chooseColorBy(by)}
              />
              <span>{by === 'cluster' ? 'Cluster' : 'Tag'}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <p className="result-summary" role="status" aria-live="polite">
        {search
          ? hits.status === 'loading'
            ? `Searching for “${search.q}”…`
            : hits.status === 'error' || !hits.data
              ? ''
              : mapHitsSummary(hits.data, hitResults.length, search.q)
          : map.data
            ? `${points.length} papers`
            : ''}
      </p>
      {hits.status === 'error' && hits.error ? (
        <ErrorNotice error={hits.error} title="The search failed" onRetry={hits.retry} />
      ) : null}
      {map.status === 'error' && map.error && !(busy && busyRetries < BUSY_RETRIES) ? (
        <ErrorNotice error={map.error} title="The map could not be made" onRetry={map.retry} />
      ) : !map.data ? (
        <div className="map-placeholder">
          <Loading label="Projecting the papers… (the first map of an index takes a few seconds)" lines={3} />
        </div>
      ) : points.length === 0 ? (
        <EmptyState title="The library is empty.">
          <p className="muted">
            Index some papers with <code>citelens index &lt;files&gt;</code>, then come back.
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="map-layout">
            <ScatterMap
              points={shownPoints}
              classOf={coloring.classOf}
              highlighted={highlighted}
              holdingWords={holdingWords}
              selectedId={selectedId}
              onSelect={(point) => select(point.paperId)}
              clusterNames={colorBy === 'cluster' ? names.filter((n) => !hidden.has(String(n.cluster))) : []}
            />
            <MapPaperPanel paperId={selectedId} onClose={() => select(null)} />
          </div>
          <ul className="legend" aria-label={`Colours by ${colorBy}; choose one to hide or show its papers`}>
            {coloring.groups.map((group) => (
              <li key={group.key}>
                <button
                  type="button"
                  className={`legend-item${hidden.has(group.key) ? ' is-hidden' : ''}`}
                  aria-pressed={!hidden.has(group.key)}
                  onClick={() => toggleGroup(group.key)}
                >
                  <svg className="swatch" viewBox="0 0 10 10" aria-hidden="true">
                    <circle className={`map-point ${group.className}`} cx={5} cy={5} r={5} />
                  </svg>
                  {group.label} <span className="muted">({group.count})</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {hitResults.length > 0 ? (
        <section aria-labelledby="hits-heading">
          <h2 id="hits-heading">Highlighted papers</h2>
          <p className="muted">{hitsNote(hitResults)}</p>
          <ol className="similar-list">
            {hitResults.map((r) => (
              <li key={r.paper.id}>
                <Link to={`/papers/${encodeURIComponent(r.paper.id)}`}>{r.paper.title}</Link>
                {holdingWords.has(r.paper.id) ? null : <span className="muted"> · close in meaning</span>}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
