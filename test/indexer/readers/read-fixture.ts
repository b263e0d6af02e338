// Test helpers for the readers: fixture paths, a reader run through validation, and temp files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocatedPaper, Reader, ReadResult } from '../../../indexer/readers/reader.ts';
import { validateRecords } from '../../../indexer/readers/records.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/inputs');

/** The absolute path of a fixture under test/fixtures/inputs. */
export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/**
 * Runs `reader` on `text` and validates its records, as readPaperFiles does for one file: strictly (any
 * problem refuses the record) unless `options.repair`.
 */
export function readWith(reader: Reader, text: string, file = 'input', options = { repair: false }): ReadResult {
  const parsed = reader(text, file);
  const validated = validateRecords(parsed.records, options);
  return {
    papers: validated.papers,
    problems: [...parsed.problems, ...validated.problems],
    repairs: validated.repairs,
  };
}

/** Runs `reader` on a fixture file and validates its records (strictly unless `options.repair`). */
export function readFixture(reader: Reader, name: string, options = { repair: false }): ReadResult {
  return readWith(reader, fs.readFileSync(fixture(name), 'utf8'), name, options);
}

/** The paper with `id`, failing loudly when it is absent. */
export function paperById(papers: readonly LocatedPaper[], id: string): LocatedPaper {
  const found = papers.find((entry) => entry.paper.id === id);
  if (!found) throw new Error(`no paper with id ${id}; ids: ${papers.map((entry) => entry.paper.id).join(', ')}`);
  return found;
}

/** A fresh temporary folder, removed by the returned cleanup function. */
export function makeTempDir(): {
  dir: string;
  write: (name: string, content: string | Uint8Array) => string;
  cleanup: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-readers-'));
  return {
    dir,
    write: (name, content) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
