// Reads a test collection in BEIR format: corpus.jsonl (the papers), queries.jsonl and
// qrels/<split>.tsv (graded judgments: query-id, corpus-id, score, with a header line).
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import type { Judgments } from './metrics.ts';

export type BeirQuery = { id: string; text: string; judgments: Judgments };

export type BeirCollection = {
  folder: string;
  name: string;
  split: string;
  corpusFile: string;
  /** Ids of every document in the corpus, in file order. */
  corpusIds: string[];
  /** Queries of the split with at least one relevant (grade > 0) judgment, in queries.jsonl order. */
  queries: BeirQuery[];
};

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('UNREADABLE_FILE', `Cannot read ${file}: ${(error as Error).message}`, { file });
  }
}

function* jsonLines(file: string): Generator<{ line: number; value: Record<string, unknown> }> {
  const lines = readText(file).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (text === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new AppError('INVALID_INPUT', `${file}:${i + 1} is not valid JSON: ${(error as Error).message}`, {
        file,
        line: i + 1,
      });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new AppError('INVALID_INPUT', `${file}:${i + 1} is not a JSON object.`, { file, line: i + 1 });
    }
    yield { line: i + 1, value: value as Record<string, unknown> };
  }
}

function idOf(value: Record<string, unknown>, file: string, line: number): string {
  const id = value._id;
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '') {
    throw new AppError('INVALID_INPUT', `${file}:${line} has no "_id".`, { file, line, field: '_id' });
  }
  return String(id).trim();
}

function readQrels(file: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  const lines = readText(file).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const [query, doc, grade] = line.split('\t');
    // The header line names the columns.
    if (i === 0 && grade !== undefined && Number.isNaN(Number(grade))) continue;
    if (query === undefined || doc === undefined || grade === undefined || Number.isNaN(Number(grade))) {
      throw new AppError('INVALID_INPUT', `${file}:${i + 1} is not "query-id<TAB>corpus-id<TAB>score".`, {
        file,
        line: i + 1,
      });
    }
    const judged = qrels.get(query) ?? new Map<string, number>();
    judged.set(doc, Number(grade));
    qrels.set(query, judged);
  }
  return qrels;
}

/** Reads the collection in `folder` for one split of its judgments. */
export function readBeirCollection(folder: string, split = 'test'): BeirCollection {
  const root = path.resolve(folder);
  const corpusFile = path.join(root, 'corpus.jsonl');
  const corpusIds = [...jsonLines(corpusFile)].map(({ line, value }) => idOf(value, corpusFile, line));
  const qrels = readQrels(path.join(root, 'qrels', `${split}.tsv`));
  const queriesFile = path.join(root, 'queries.jsonl');
  const queries: BeirQuery[] = [];
  for (const { line, value } of jsonLines(queriesFile)) {
    const id = idOf(value, queriesFile, line);
    const judgments = qrels.get(id);
    if (!judgments || ![...judgments.values()].some((grade) => grade > 0)) continue;
    if (typeof value.text !== 'string' || value.text.trim() === '') {
      throw new AppError('INVALID_INPUT', `${queriesFile}:${line} has no query "text".`, {
        file: queriesFile,
        line,
        field: 'text',
      });
    }
    queries.push({ id, text: value.text.trim(), judgments });
  }
  return { folder: root, name: path.basename(root), split, corpusFile, corpusIds, queries };
}
