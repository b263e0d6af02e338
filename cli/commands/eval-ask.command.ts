// `citelens eval-ask <folder> --off-topic <folder...> --citations <folder...>`: measures cited
// answers on a question collection with sources and expert decisions (PubMedQA), and abstention on
// other collections' questions both ways, with k-fold figures (mean ± sd) beside a plain BM25
// baseline; with --citations, how often answers cite judged relevant papers on BEIR collections.
import type { Command } from 'commander';
import { AppError } from '../../core/errors.ts';
import { type AnswerEvalReport, evaluateAnswers } from '../../server/eval/answer-eval.ts';
import type { Figure } from '../../server/eval/answer-folds.ts';
import { type AskEvalReport, type CitationQuality, evaluateAsk } from '../../server/eval/ask-eval.ts';
import { action, printJson } from '../output.ts';

type EvalAskOptions = { offTopic?: string[]; citations?: string[]; folds?: string; json?: boolean };

const show = (f: Figure) => `${f.mean.toFixed(3)} ± ${f.sd.toFixed(3)}`;

function formatReport(report: AnswerEvalReport): string {
  const row = (label: string, key: keyof AnswerEvalReport['system']) =>
    `  ${label.padEnd(40)}${show(report.system[key]).padEnd(20)}${show(report.baseline[key])}`;
  const lines = [
    `Answers on ${report.collection}: ${report.questions} questions, ${report.folds}-fold by question (held-out figures, mean ± sd over folds)`,
    `  off-topic: ${report.offTopic.map((o) => `${o.collection} questions on the ${o.library} library (${o.questions})`).join('; ')}`,
    `  ${''.padEnd(40)}${'Citelens'.padEnd(20)}BM25 top sentence`,
    row('answered', 'answered'),
    row('answers citing the source', 'sourceCited'),
    row('answer sentences citing it', 'sentencesCitingSource'),
    row('token F1 vs long answer', 'tokenF1'),
    row('off-topic questions abstained', 'offTopicAbstained'),
    row('yes/no/maybe accuracy (unclear=maybe)', 'yesNoAccuracy'),
    row('bottom line commits (yes or no)', 'committed'),
    row('  its accuracy', 'committedAccuracy'),
    row('  majority class, same questions', 'committedMajority'),
    row('fitted threshold', 'threshold'),
    `  ${'fitted bottom line: yes at net for'.padEnd(40)}${show(report.system.minNetFor)}`,
    `  ${'  no at net against (99 = never)'.padEnd(40)}${show(report.system.minNetAgainst)}`,
    `  majority decision (fitted per fold): yes/no/maybe accuracy ${show(report.majorityYesNo)}`,
    `  (${report.seconds.toFixed(1)} s)`,
  ];
  return `${lines.join('\n')}\n`;
}

const f3 = (value: number) => value.toFixed(3);
const quality = (q: CitationQuality) =>
  `precision ${f3(q.precision)}, mean per query ${f3(q.meanPrecision)}, hit rate ${f3(q.hitRate)}, ${q.citedPerQuery.toFixed(2)} papers cited`;

function formatCitations(report: AskEvalReport): string {
  const lines = [
    `Answer citations on ${report.collection} (${report.papers} papers, ${report.queries} queries, all measured, nothing fitted): answered ${report.answered}, abstained on ${report.queries - report.answered}`,
    `  answer citations:          ${quality(report.answer)}`,
    `  top 3 search results:      ${quality(report.top3)}  (same queries)`,
    `  top 3, every query:        ${quality(report.top3AllQueries)}`,
  ];
  if (report.offTopic) {
    lines.push(
      `  off-topic (${report.offTopic.collection} queries): abstained on ${report.offTopic.abstained} of ${report.offTopic.queries}`,
    );
  }
  lines.push(`  (${report.seconds.toFixed(1)} s)`);
  return `${lines.join('\n')}\n`;
}

export function registerEvalAskCommand(program: Command): void {
  program
    .command('eval-ask')
    .description('Measure cited answers and abstention on a question collection (PubMedQA form), k-fold by question')
    .argument('<folder>', 'folder with corpus.jsonl, queries.jsonl (decision, long_answer) and qrels/test.tsv')
    .option(
      '--off-topic <folder...>',
      "collections on another subject: their questions are asked of this library and this collection's of theirs",
    )
    .option(
      '--citations <beir-folder...>',
      "also measure answer citations on these BEIR folders against their relevance judgements (each one's off-topic questions: the next folder's)",
    )
    .option('--folds <n>', 'folds over questions', '5')
    .option('--json', 'print the report as JSON')
    .action(
      action(async (folder: string, options: EvalAskOptions) => {
        const folds = Number(options.folds ?? 5);
        if (!Number.isInteger(folds) || folds < 2 || folds > 50) {
          throw new AppError('INVALID_INPUT', `--folds must be a whole number from 2 to 50 (got "${options.folds}").`, {
            field: 'folds',
          });
        }
        const report = await evaluateAnswers({
          folder,
          offTopicFolders: options.offTopic ?? [],
          folds,
          onProgress: (stage, done, total) => {
            if (!options.json && (done === total || done % 100 === 0))
              process.stderr.write(`  ${stage}: ${done}/${total}\n`);
          },
        });
        if (!options.json) process.stdout.write(formatReport(report));
        const citations: AskEvalReport[] = [];
        const beirFolders = options.citations ?? [];
        for (const [i, beir] of beirFolders.entries()) {
          const offTopicFolder = beirFolders.length > 1 ? beirFolders[(i + 1) % beirFolders.length] : undefined;
          const cited = await evaluateAsk({ folder: beir, ...(offTopicFolder ? { offTopicFolder } : {}) });
          citations.push(cited);
          if (!options.json) process.stdout.write(formatCitations(cited));
        }
        if (options.json) printJson({ ...report, citations });
      }),
    );
}
