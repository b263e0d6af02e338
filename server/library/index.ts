// The library's public parts: listing (with facets) and adding files, with their schemas.

export { indexStats, type StatsResponse, zStatsResponse } from './index-stats.ts';
export * from './library.schema.ts';
export { listLibrary } from './library.service.ts';
export * from './upload.schema.ts';
export { addPart, assertUploadReady, createUpload, indexUpload } from './upload.service.ts';
