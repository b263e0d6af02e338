// A question collection in PubMedQA's BEIR form, written to a folder for eval tests: corpus.jsonl,
// queries.jsonl (with decision and long_answer when given) and qrels/test.tsv naming each source.
import fs from 'node:fs';
import path from 'node:path';

export type CollectionPaper = { id: string; title: string; abstract: string };
export type CollectionQuestion = { id: string; text: string; source: string; decision?: string; long_answer?: string };

/** Writes the collection to `folder` and returns the folder. */
export function writeQuestionCollection(
  folder: string,
  papers: readonly CollectionPaper[],
  questions: readonly CollectionQuestion[],
): string {
  fs.mkdirSync(path.join(folder, 'qrels'), { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'corpus.jsonl'),
    papers.map((p) => JSON.stringify({ _id: p.id, title: p.title, text: p.abstract })).join('\n'),
  );
  fs.writeFileSync(
    path.join(folder, 'queries.jsonl'),
    questions.map(({ source: _, ...q }) => JSON.stringify({ _id: q.id, ...q })).join('\n'),
  );
  fs.writeFileSync(
    path.join(folder, 'qrels', 'test.tsv'),
    ['query-id\tcorpus-id\tscore', ...questions.map((q) => `${q.id}\t${q.source}\t1`)].join('\n'),
  );
  return folder;
}
