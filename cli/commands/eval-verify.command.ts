// `citelens eval-verify <folder...>`: measures the built-in judge on claim-verification collections
// (SciFact claims, Citation-Integrity, Check-COVID) by k-fold over claims, beside a TF-IDF cosine
// baseline and the majority class; with --fit, refits builtin-weights.json on all of them. (The
// answers' citation figures on BEIR collections, once --ask here, are `citelens eval-ask --citations`.)
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig, PROJECT_ROOT } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';
import { evaluateJudge, type JudgeReport } from '../../server/eval/judge-eval.ts';
import { judgeWeightsOf, writeJudgeWeights } from '../../server/eval/judge-weights.ts';
import {
  type EvalPair,
  evaluateSets,
  fitJudge,
  pairsOf,
  type SetReport,
  statisticsOfSet,
} from '../../server/eval/verify-eval.ts';
import type { Figures, Spread } from '../../server/eval/verify-figures.ts';
import { loadVerifySet, type VerifySet } from '../../server/eval/verify-sets.ts';
import { createBuiltinJudge, createNliJudge, type Judge, loadNliModel } from '../../server/verify/judge/index.ts';
import { action, printJson } from '../output.ts';

type EvalVerifyOptions = {
  fit?: string | boolean;
  folds?: string;
  judge?: string;
  ask?: unknown;
  json?: boolean;
};

/** Where --fit writes the built-in judge's weights unless given a file. */
const WEIGHTS_FILE = path.join(PROJECT_ROOT, 'server', 'verify', 'judge', 'builtin-weights.json');

const f3 = (value: number) => (Number.isNaN(value) ? '  n/a' : value.toFixed(3));
const pm = (s: Spread) => `${f3(s.mean)} ± ${f3(s.sd)}`;

const ROWS: Array<[keyof Figures, string]> = [
  ['supportVsContradict', 'AUC support vs contradiction  '],
  ['evidenceVsCited', 'AUC evidence vs cited-no-evid.'],
  ['evidenceVsRandom', 'AUC evidence vs random        '],
  ['macroF1', 'macro F1 (3 classes)          '],
  ['quotedAnnotated', 'quote is an annotated sentence'],
];

// What the collection's repeated inputs leave within reach, when they cap a figure.
function ceilingLines({ ceilings }: SetReport): string[] {
  const lines: string[] = [];
  if (ceilings.repeatedCited > 0)
    lines.push(
      `  ${ceilings.repeatedCited} of the cited-without-evidence pairs repeat an evidence pair's claim and document word for word: no judge can score evidence vs cited-no-evid. above ${f3(ceilings.evidenceVsCited)} here`,
    );
  if (ceilings.repeatedContradicting > 0)
    lines.push(
      `  ${ceilings.repeatedContradicting} contradicting pairs repeat a supporting pair's claim and document: support vs contradiction is capped at ${f3(ceilings.supportVsContradict)}`,
    );
  return lines;
}

function formatJudge(report: JudgeReport): string {
  const judges = Object.entries(report.judges)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  return `${[
    `  ${report.name}, the judge as shipped on all ${report.pairs} pairs (no folds; judged by: ${judges}):`,
    ...ROWS.map(([key, label]) => `  ${label}     ${f3(report.figures[key])}`),
  ].join('\n')}\n`;
}

function formatSet(report: SetReport): string {
  const { pairs } = report;
  const lines = [
    `${report.name} (${report.folder}): ${report.claims} claim groups; pairs: ${pairs.support} supporting + ${pairs.contradict} contradicting evidence, ${pairs.cited} cited without evidence, ${pairs.random} random`,
    `  held-out claims, ${report.folds}-fold (mean ± sd)    judge             tf-idf cosine`,
    ...ROWS.map(([key, label]) => `  ${label}     ${pm(report.judge[key])}    ${pm(report.baseline[key])}`),
    `  majority-class macro F1                               ${pm(report.majorityMacroF1)}`,
    ...ceilingLines(report),
  ];
  if (report.leftOut) {
    const { judge, baseline, majority } = report.leftOut;
    lines.push(
      '  fitted on the other collections, measured on this one:',
      ...ROWS.map(([key, label]) => `  ${label}     ${f3(judge[key])}            ${f3(baseline[key])}`),
      `  majority-class macro F1                               ${f3(majority)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function registerEvalVerifyCommand(program: Command): void {
  program
    .command('eval-verify')
    .description(
      'Measure the citation judge on SciFact claims, Citation-Integrity and Check-COVID folders (k-fold by claim)',
    )
    .argument(
      '[folders...]',
      'claim folders (SciFact claims, Citation-Integrity or Check-COVID): every claims_<split>.jsonl in each, with corpus_sentences.jsonl or corpus.jsonl',
    )
    .option(
      '--fit [file]',
      `refit the built-in judge on all pairs of all folders and write its weights (default ${path.relative(process.cwd(), WEIGHTS_FILE) || WEIGHTS_FILE})`,
    )
    .option('--folds <k>', 'folds of claims for the held-out figures', '5')
    .option(
      '--judge <builtin|nli>',
      'also measure a judge as shipped, without folds: the built-in weights (in-sample on these collections) or the NLI judge (CITELENS_NLI_MODEL, downloaded unless CITELENS_OFFLINE)',
    )
    .option('--ask [folders...]', 'moved: use citelens eval-ask <pubmedqa-folder> --citations <beir-folder...>')
    .option('--json', 'print the reports as JSON')
    .action(
      action(async (folders: string[], options: EvalVerifyOptions) => {
        if (options.ask !== undefined) {
          throw new AppError(
            'INVALID_INPUT',
            'eval-verify --ask has moved: answers are measured by `citelens eval-ask <pubmedqa-folder> --citations <beir-folder...>`.',
            { field: 'ask' },
          );
        }
        if (folders.length === 0)
          throw new AppError('INVALID_INPUT', 'Give at least one claim folder to measure the judge on.', {
            field: 'folders',
          });
        const started = performance.now();
        const folds = Number(options.folds ?? 5);
        if (!Number.isInteger(folds) || folds < 2)
          throw new AppError('INVALID_INPUT', `--folds must be an integer of at least 2, not ${options.folds}.`);
        const sets: Array<{ set: VerifySet; pairs: EvalPair[] }> = folders.map((folder) => {
          const set = loadVerifySet(folder);
          return { set, pairs: pairsOf(set) };
        });
        const reports = evaluateSets(sets, { folds });
        if (!options.json) {
          for (const report of reports) process.stdout.write(formatSet(report));
          process.stdout.write(`(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
        }
        const judged: JudgeReport[] = [];
        if (options.judge !== undefined) {
          if (options.judge !== 'builtin' && options.judge !== 'nli')
            throw new AppError('INVALID_INPUT', `--judge must be builtin or nli, not ${options.judge}.`);
          const config = loadConfig();
          const model =
            options.judge === 'nli'
              ? await loadNliModel({ model: config.nliModel, cacheDir: config.modelDir, offline: config.offline })
              : undefined;
          try {
            for (const { set } of sets) {
              const statistics = statisticsOfSet(set);
              const judge: Judge = model ? createNliJudge(statistics, model) : createBuiltinJudge(statistics);
              const report = await evaluateJudge(set, judge);
              judged.push(report);
              if (!options.json) process.stdout.write(formatJudge(report));
            }
          } finally {
            await model?.dispose();
          }
        }
        let fitted: ReturnType<typeof judgeWeightsOf> | undefined;
        if (options.fit) {
          const file = typeof options.fit === 'string' ? path.resolve(options.fit) : WEIGHTS_FILE;
          fitted = judgeWeightsOf(
            fitJudge(sets.flatMap((s) => s.pairs)),
            `citelens eval-verify --fit on ${sets.map(({ set }) => set.name).join(', ')}: every cited and random pair (relevance: all but cited documents that are evidence for another claim of the group)`,
          );
          writeJudgeWeights(file, fitted);
          if (!options.json) process.stdout.write(`Wrote the fitted judge to ${file}\n`);
        }
        if (options.json)
          printJson({
            verify: reports,
            ...(judged.length ? { judged } : {}),
            ...(fitted ? { fitted } : {}),
          });
      }),
    );
}
