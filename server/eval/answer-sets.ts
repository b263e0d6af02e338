// The collections eval-ask reads: a question collection in BEIR form whose queries.jsonl adds the
// experts' `decision` and `long_answer`, and each collection's corpus indexed as a temporary library.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type IndexReader, indexPapers, openIndex } from '../../indexer/index.ts';
import { readBeirCollection } from './beir.ts';

/** One question with its source paper and the experts' answer to it. */
export type LabelledQuestion = { id: string; text: string; source: string; decision: string; longAnswer: string };

/** A question collection: its name, its corpus file and its labelled questions. */
export type LabelledCollection = { name: string; corpusFile: string; questions: LabelledQuestion[] };

/**
 * Reads the test split of a BEIR folder with each question's source (its first relevant paper) and,
 * from queries.jsonl, its decision (maybe when absent) and long answer (empty when absent).
 */
export function readLabelledCollection(folder: string): LabelledCollection {
  const collection = readBeirCollection(folder, 'test');
  const extra = new Map<string, { decision: string; longAnswer: string }>();
  for (const line of fs.readFileSync(path.join(collection.folder, 'queries.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const value = JSON.parse(line) as { _id: string; decision?: unknown; long_answer?: unknown };
    extra.set(String(value._id), {
      decision: typeof value.decision === 'string' ? value.decision : 'maybe',
      longAnswer: typeof value.long_answer === 'string' ? value.long_answer : '',
    });
  }
  return {
    name: collection.name,
    corpusFile: collection.corpusFile,
    questions: collection.queries.map((q) => ({
      id: q.id,
      text: q.text,
      source: [...q.judgments].find(([, grade]) => grade > 0)![0],
      decision: extra.get(q.id)?.decision ?? 'maybe',
      longAnswer: extra.get(q.id)?.longAnswer ?? '',
    })),
  };
}

/** Indexes a corpus file (JSONL, builtin embedder) in a temporary folder, runs `use` on it, then removes the folder. */
export async function withTemporaryLibrary<T>(
  corpusFile: string,
  use: (reader: IndexReader) => Promise<T>,
): Promise<T> {
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-answer-eval-'));
  let reader: IndexReader | undefined;
  try {
    await indexPapers({
      indexDir: temporary,
      files: [corpusFile],
      format: 'jsonl',
      embedder: 'builtin',
      skipInvalid: true,
    });
    reader = await openIndex(temporary);
    return await use(reader);
  } finally {
    reader?.close();
    fs.rmSync(temporary, { recursive: true, force: true });
  }
}
