// The Map's own choices as URL parameters, so Back, reload and a shared link keep them: the
// colouring (?color=tag; the default, cluster, is left out). The search (?q=) and the selected
// paper (?paper=) have their own readers.
import type { ColorBy } from './map-colors.ts';

export const COLOR_BY_CHOICES: readonly ColorBy[] = ['cluster', 'tag'];
export const DEFAULT_COLOR_BY: ColorBy = 'cluster';
const COLOR_PARAM = 'color';

/** The colouring a URL asks for; a missing, unknown or malformed value is the default. */
export function colorByFromParams(params: URLSearchParams): ColorBy {
  const value = params.get(COLOR_PARAM)?.trim();
  return COLOR_BY_CHOICES.find((choice) => choice === value) ?? DEFAULT_COLOR_BY;
}

/** `params` with the colouring `by`, the rest kept; the default leaves the parameter out. */
export function paramsWithColorBy(params: URLSearchParams, by: ColorBy): URLSearchParams {
  const next = new URLSearchParams(params);
  if (by === DEFAULT_COLOR_BY) next.delete(COLOR_PARAM);
  else next.set(COLOR_PARAM, by);
  return next;
}
