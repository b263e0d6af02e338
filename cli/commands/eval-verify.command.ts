// `citelens eval-verify <scifact-folder>`: measures the citation verifier on SciFact claims (ROC AUC
// and accuracy on held-out claims, against the TF-IDF baseline) and, with --ask, how often cited
// answers point at judged relevant papers on a BEIR collection, against the top 3 search results.
import type { Command } from 'commander';
import { type AskEvalReport, type CitationQuality, evaluateAsk } from '../../server/eval/ask-eval.ts';
import { type HalfReport, runVerifyEval, type VerifyEvalReport } from '../../server/eval/verify-eval.ts';
import { action, printJson } from '../output.ts';

type EvalVerifyOptions = { tune?: boolean; ask?: string[]; offTopic?: string; json?: boolean };

const f3 = (value: number) => (Number.isNaN(value) ? '  n/a' : value.toFixed(3));
const f4 = (value: number) => (Number.isNaN(value) ? '   n/a' : value.toFixed(4));

function formatHalf(title: string, half: HalfReport): string[] {
  const { model, baseline, pairs } = half;
  return [
    `${title}: ${half.claims} claims; pairs: ${pairs.support} support + ${pairs.contradict} contradict evidence, ${pairs.cited} cited without evidence, ${pairs.random} random`,
    '                                  verifier  tf-idf baseline (ROC AUC)',
    `  AUC evidence vs cited-no-evid.   ${f4(model.evidenceVsCited)}    ${f4(baseline.evidenceVsCited)}`,
    `  AUC evidence vs random           ${f4(model.evidenceVsRandom)}    ${f4(baseline.evidenceVsRandom)}`,
    `  AUC support vs cited-no-evid.    ${f4(model.supportVsCited)}    ${f4(baseline.supportVsCited)}`,
    `  AUC support vs contradict        ${f4(model.supportVsContradict)}    ${f4(baseline.supportVsContradict)}`,
    `  accuracy at 0.5 (all pairs)      ${f3(model.accuracy)}`,
    `  balanced accuracy at 0.5         ${f3(model.balancedAccuracy)}`,
  ];
}

function formatVerify(report: VerifyEvalReport): string {
  const lines = [
    `SciFact (${report.folder}), ${report.split}`,
    ...formatHalf('held out', report.heldOut),
    ...formatHalf('tuning', report.tuning),
  ];
  if (report.tuned) {
    lines.push(
      `tuned model (L2 ${report.tuned.l2}, cross-validated log-loss ${report.tuned.crossValidated.logLoss.toFixed(3)}):`,
      JSON.stringify(report.tuned.model, null, 2),
    );
  }
  lines.push(`(${report.seconds.toFixed(1)} s)`);
  return `${lines.join('\n')}\n`;
}

const quality = (q: CitationQuality) =>
  `precision ${f3(q.precision)}, mean per query ${f3(q.meanPrecision)}, hit rate ${f3(q.hitRate)}, ${q.citedPerQuery.toFixed(2)} papers cited`;

function formatAsk(report: AskEvalReport): string {
  const lines = [
    `Ask on ${report.collection} (${report.papers} papers, ${report.queries} queries): answered ${report.answered}, abstained on ${report.queries - report.answered}`,
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

export function registerEvalVerifyCommand(program: Command): void {
  program
    .command('eval-verify')
    .description('Measure the citation verifier on SciFact claims, and cited answers on BEIR collections')
    .argument('<scifact-folder>', 'folder with claims_train.jsonl and corpus_fulltext_partial.jsonl')
    .option('--tune', 'refit the support model on the tuning half and print its weights')
    .option(
      '--ask <beir-folder...>',
      'also measure answer citations on these BEIR folders (corpus.jsonl, queries.jsonl, qrels/)',
    )
    .option('--off-topic <beir-folder>', 'with --ask: a collection whose queries the library should abstain on')
    .option('--json', 'print the reports as JSON')
    .action(
      action(async (folder: string, options: EvalVerifyOptions) => {
        const verify = runVerifyEval(folder, { tune: Boolean(options.tune) });
        if (!options.json) process.stdout.write(formatVerify(verify));
        const asks: AskEvalReport[] = [];
        for (const beir of options.ask ?? []) {
          const offTopicFolder = options.offTopic ?? (options.ask ?? []).find((other) => other !== beir);
          const report = await evaluateAsk({ folder: beir, ...(offTopicFolder ? { offTopicFolder } : {}) });
          asks.push(report);
          if (!options.json) process.stdout.write(formatAsk(report));
        }
        if (options.json) printJson({ verify, ask: asks });
      }),
    );
}
