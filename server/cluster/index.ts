// Several server processes behind one port: the primary that forks and watches them, and what
// each forked worker runs.
export { CLUSTER_DEFAULTS, type ClusterOptions, type RunningCluster, startCluster } from './primary.ts';
export { runWorker } from './worker.ts';
