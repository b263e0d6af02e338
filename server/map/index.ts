// The paper map's public parts: the response schema and the service that computes and caches it.
export { type ClusterOptions, clusterPoints } from './cluster-points.ts';
export { type MapPoint, type MapResponse, zMapPoint, zMapResponse } from './map.schema.ts';
export { clearMapMemory, computeMap, type MapOptions, paperMap } from './map.service.ts';
export { mapCacheFile } from './map-cache.ts';
export { type Point2, PROJECTION_DEFAULTS, type ProjectionOptions, projectVectors } from './project-vectors.ts';
