// The benchmark corpus on disk: JSON Lines files of synthetic papers, cached in bench/data/ (git
// ignored) by size, seed and generator version, plus the same corpus with 1% of papers changed.
import fs from 'node:fs';
import path from 'node:path';
import { GENERATOR_DEFAULTS, GENERATOR_VERSION, generatePaper } from './generate-papers.ts';

export const BENCH_DATA_DIR = path.resolve(import.meta.dirname, '..', 'data');

export type CorpusFiles = {
  papers: number;
  /** The corpus. */
  file: string;
  /** The same corpus with `changed` papers given a rewritten abstract. */
  changedFile: string;
  changed: number;
  bytes: number;
};

/** Whether paper `index` is among the 1% changed in the re-index file (every 100th, spread evenly). */
export function isChangedPaper(index: number): boolean {
  return index % 100 === 37;
}

// A JSONL file written through a temp file and renamed when complete, so a killed run never
// leaves a half corpus in the cache.
class JsonlWriter {
  private readonly temp: string;
  private readonly fd: number;
  private chunk: string[] = [];

  constructor(private readonly file: string) {
    this.temp = `${file}.${process.pid}.tmp`;
    this.fd = fs.openSync(this.temp, 'w');
  }

  write(value: unknown): void {
    this.chunk.push(JSON.stringify(value));
    if (this.chunk.length === 1000) this.flush();
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
    fs.renameSync(this.temp, this.file);
  }

  private flush(): void {
    if (this.chunk.length > 0) fs.writeSync(this.fd, `${this.chunk.join('\n')}\n`);
    this.chunk = [];
  }
}

/** The corpus files for `papers` papers, generated on first use and reused after. */
export function ensureCorpus(papers: number, options: { dataDir?: string; seed?: string } = {}): CorpusFiles {
  const dataDir = options.dataDir ?? BENCH_DATA_DIR;
  const seed = options.seed ?? GENERATOR_DEFAULTS.seed;
  fs.mkdirSync(dataDir, { recursive: true });
  const stem = `papers-${papers}-${seed}-v${GENERATOR_VERSION}`;
  const file = path.join(dataDir, `${stem}.jsonl`);
  const changedFile = path.join(dataDir, `${stem}-changed.jsonl`);
  if (!fs.existsSync(file) || !fs.existsSync(changedFile)) {
    const corpus = new JsonlWriter(file);
    const changedCorpus = new JsonlWriter(changedFile);
    for (let i = 0; i < papers; i++) {
      const paper = generatePaper(i, 0, { seed });
      corpus.write(paper);
      changedCorpus.write(isChangedPaper(i) ? generatePaper(i, 1, { seed }) : paper);
    }
    corpus.close();
    changedCorpus.close();
  }
  let changed = 0;
  for (let i = 0; i < papers; i++) if (isChangedPaper(i)) changed++;
  return { papers, file, changedFile, changed, bytes: fs.statSync(file).size };
}
