// Writes a benchmark result where the README finds it: bench/results/<date>-<n>.json and .md,
// and latest.md, each through a temp file and a rename so a reader never sees half a report.
import fs from 'node:fs';
import path from 'node:path';
import type { BenchResult } from './bench-result.schema.ts';
import { renderMarkdown } from './markdown.ts';

export const RESULTS_DIR = path.resolve(import.meta.dirname, '..', 'results');

export type WrittenResults = { json: string; markdown: string; latest: string | null };

function writeAtomic(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, file);
}

/** Writes the JSON and Markdown reports of a run into `dir` (default bench/results); `latest` also replaces latest.md. */
export function writeResults(
  result: BenchResult,
  dir: string = RESULTS_DIR,
  options = { latest: true },
): WrittenResults {
  fs.mkdirSync(dir, { recursive: true });
  const stem = `${result.date.slice(0, 10)}-${result.options.papers}`;
  const json = path.join(dir, `${stem}.json`);
  const markdown = path.join(dir, `${stem}.md`);
  const report = renderMarkdown(result);
  writeAtomic(json, `${JSON.stringify(result, null, 2)}\n`);
  writeAtomic(markdown, report);
  if (!options.latest) return { json, markdown, latest: null };
  const latest = path.join(dir, 'latest.md');
  writeAtomic(latest, report);
  return { json, markdown, latest };
}
