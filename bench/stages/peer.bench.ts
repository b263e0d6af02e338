// The peer on the synthetic corpus: Orama loaded with the same papers and vectors in its own
// child process (so its memory is measured apart), timed on the same hybrid queries.
import fs from 'node:fs';
import path from 'node:path';
import { runMeasured } from '../measure/child-process.ts';
import type { LatencyStats } from '../measure/latency.ts';
import type { PeerChildResult } from '../peer/orama-child.ts';
import { childEnv, PROJECT_ROOT } from './indexing.bench.ts';

export type PeerResult = {
  name: string;
  documents: number;
  insertSeconds: number;
  documentsPerSecond: number;
  peakRssBytes: number;
  hybrid: LatencyStats;
};

const CHILD = path.join(PROJECT_ROOT, 'bench', 'peer', 'orama-child.ts');

/** Runs the Orama child on the index's papers and the queries. */
export async function benchPeer(indexDir: string, queries: readonly string[], workDir: string): Promise<PeerResult> {
  const queriesFile = path.join(workDir, 'peer-queries.json');
  fs.writeFileSync(queriesFile, JSON.stringify(queries));
  // Orama keeps every document, token and vector on the JS heap; give it room rather than measure a crash.
  const args = ['--max-old-space-size=16384', '--import', 'tsx', CHILD, indexDir, queriesFile];
  const run = await runMeasured(process.execPath, args, { cwd: PROJECT_ROOT, env: childEnv() });
  if (run.code !== 0) throw new Error(`The Orama peer exited with code ${run.code}:\n${run.stderr.slice(-2000)}`);
  const result = JSON.parse(run.stdout) as PeerChildResult;
  return {
    name: '@orama/orama',
    documents: result.documents,
    insertSeconds: result.insertSeconds,
    documentsPerSecond: result.documents / result.insertSeconds,
    peakRssBytes: run.peakRssBytes,
    hybrid: result.hybrid,
  };
}
