// Entry point of the vector builder thread: loads the TypeScript sources through tsx, like bin/citelens.js.
import { register } from 'tsx/esm/api';

register();
await import('./hnsw-builder.thread.ts');
