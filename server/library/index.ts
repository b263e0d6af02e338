// The library listing's public parts: the service and its schemas.

export * from './library.schema.ts';
export { listLibrary } from './library.service.ts';
