// Answer study: how much of a question's key concepts one passage must hold, by the question's
// length. Every question of PubMedQA, Cranfield and CISI is asked of every one of the three
// libraries (its own: in-domain; the others: off-topic), with the abstention threshold off, and
// the best passage's share of the question's key concepts is recorded. Then, 5-fold by question,
// the length rule (a share falling as (pivot / concepts)^exponent above a pivot) is chosen on four
// folds, maximising in-domain answered − 3 × off-topic answered, and measured on the fifth beside
// the fixed share of 0.32.
// Usage: npx tsx bench/answer-study/long-questions.mts <eval-folder>   (holds pubmedqa/, cranfield/, cisi/)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { indexPapers, openIndex } from '../../indexer/index.ts';
import { answerQuestion } from '../../server/answer/answer.service.ts';
import { SELECTION_DEFAULTS } from '../../server/answer/selection-settings.ts';
import { questionAsAsked } from '../../server/eval/ask-eval.ts';
import { readBeirCollection } from '../../server/eval/beir.ts';

const evalFolder = process.argv[2];
if (!evalFolder) throw new Error('Usage: npx tsx bench/answer-study/long-questions.mts <eval-folder>');
const LIBRARIES = ['pubmedqa', 'cranfield', 'cisi'];
const FOLDS = 5;
const OFF_TOPIC_COST = 3;

type Row = { inDomain: boolean; key: string; concepts: number; coverage: number; forced: boolean };
const rows: Row[] = [];
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-answer-study-'));
try {
  for (const library of LIBRARIES) {
    const collection = readBeirCollection(path.join(evalFolder, library), 'test');
    const indexDir = path.join(temporary, library);
    await indexPapers({
      indexDir,
      files: [collection.corpusFile],
      format: 'jsonl',
      embedder: 'builtin',
      skipInvalid: true,
    });
    const reader = await openIndex(indexDir);
    for (const asked of LIBRARIES) {
      for (const query of readBeirCollection(path.join(evalFolder, asked), 'test').queries) {
        let coverage = 0;
        let concepts = 0;
        const response = await answerQuestion(
          reader,
          {
            question: questionAsAsked(query.text),
            k: 8,
            mode: 'hybrid',
            filters: {},
            generate: false,
            unsupported: 'flag',
            maxSentences: 4,
          },
          {
            selection: { minConceptCoverage: 0 },
            onSelection: (selection) => {
              coverage = selection.conceptCoverage;
              concepts = selection.conceptCount;
            },
          },
        );
        rows.push({
          inDomain: library === asked,
          key: `${asked}:${query.id}`,
          concepts,
          coverage,
          forced: response.abstained,
        });
      }
    }
    reader.close();
  }
} finally {
  fs.rmSync(temporary, { recursive: true, force: true });
}

type Rule = { pivot: number; exponent: number };
const needed = (concepts: number, rule: Rule) =>
  SELECTION_DEFAULTS.minConceptCoverage * (concepts > rule.pivot ? (rule.pivot / concepts) ** rule.exponent : 1);
const answered = (row: Row, rule: Rule) => !row.forced && row.coverage >= needed(row.concepts, rule);
const shareAnswered = (some: readonly Row[], rule: Rule) =>
  some.length === 0 ? 0 : some.filter((row) => answered(row, rule)).length / some.length;
const FIXED: Rule = { pivot: Number.POSITIVE_INFINITY, exponent: 0 };
const RULES: Rule[] = [4, 8, 12, 16, 20].flatMap((pivot) =>
  [0.25, 0.5, 0.75, 1].map((exponent) => ({ pivot, exponent })),
);
const objective = (some: readonly Row[], rule: Rule) =>
  shareAnswered(
    some.filter((r) => r.inDomain),
    rule,
  ) -
  OFF_TOPIC_COST *
    shareAnswered(
      some.filter((r) => !r.inDomain),
      rule,
    );

// Folds by question: a question and all the libraries it is asked of stay in one fold.
const keys = [...new Set(rows.map((r) => r.key))].sort();
let seed = 20_261_206;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
for (let i = keys.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [keys[i], keys[j]] = [keys[j]!, keys[i]!];
}
const foldOf = new Map(keys.map((key, i) => [key, i % FOLDS]));
const long = (r: Row) => r.concepts > 25;
const table: Record<string, string>[] = [];
for (let k = 0; k < FOLDS; k++) {
  const training = rows.filter((r) => foldOf.get(r.key) !== k);
  const held = rows.filter((r) => foldOf.get(r.key) === k);
  const rule = RULES.reduce((best, r) => (objective(training, r) > objective(training, best) ? r : best), RULES[0]!);
  const part = (filter: (r: Row) => boolean, r: Rule) => {
    const some = held.filter(filter);
    return `${some.filter((row) => answered(row, r)).length}/${some.length}`;
  };
  table.push({
    fold: String(k + 1),
    chosen: `pivot ${rule.pivot}, exponent ${rule.exponent}`,
    'in-domain answered (fixed → rule)': `${shareAnswered(
      held.filter((r) => r.inDomain),
      FIXED,
    ).toFixed(3)} → ${shareAnswered(
      held.filter((r) => r.inDomain),
      rule,
    ).toFixed(3)}`,
    'off-topic answered (fixed → rule)': `${shareAnswered(
      held.filter((r) => !r.inDomain),
      FIXED,
    ).toFixed(3)} → ${shareAnswered(
      held.filter((r) => !r.inDomain),
      rule,
    ).toFixed(3)}`,
    'over 25 concepts, in-domain': `${part((r) => r.inDomain && long(r), FIXED)} → ${part((r) => r.inDomain && long(r), rule)}`,
    'over 25 concepts, off-topic': `${part((r) => !r.inDomain && long(r), FIXED)} → ${part((r) => !r.inDomain && long(r), rule)}`,
  });
}
console.log(`${rows.length} question–library pairs (${rows.filter((r) => r.inDomain).length} in-domain)`);
console.table(table);
