// Verify study, step 3: for every candidate feature (candidate-features.mts), its single-feature ROC
// AUC of evidence against cited without evidence, and the held-out figures of the judge with the
// feature added to its relevance model (or, with --stance, to its stance model): eval-verify's own
// folds by claim (foldOf, the same seed) and its own fitting and scoring (heldOutFigures), on each
// collection dumped by dump-pairs.mts. The "none" row reproduces eval-verify's five-fold figures.
// Usage: npx tsx bench/verify-study/feature-auc.mts <dump-dir> [--stance] [--only name,name] [--combine name,name]
import fs from 'node:fs';
import path from 'node:path';
import type { HeldOutFigures } from '../../server/eval/held-out-figures.ts';
import { foldOf, heldOutFigures, rocAuc } from '../../server/eval/verify-eval.ts';
import { VERIFY_EVAL_DEFAULTS } from '../../server/eval/verify-eval-defaults.ts';
import type { Figures } from '../../server/eval/verify-figures.ts';
import { CANDIDATES } from './candidate-features.mts';
import { type Collection, loadCollection } from './study-collection.mts';

const args = process.argv.slice(2);
const dumpDir = args[0]!;
const stanceSide = args.includes('--stance');
const listAfter = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1]!.split(',') : null;
};
const only = listAfter('--only');
const combine = listAfter('--combine');
const candidates = CANDIDATES.filter((c) => !only || only.includes(c.name));
// Features only combined are computed but get no row of their own.
const computed = CANDIDATES.filter((c) => candidates.includes(c) || combine?.includes(c.name));

type Row = { feature: string; single: number; folds: Figures[] };

const FIGURES = ['evidenceVsCited', 'evidenceVsRandom', 'supportVsContradict', 'macroF1'] as const;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: readonly number[]) => Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1));

// The five held-out folds with `extra` (one value per pair per added feature) appended to one model's inputs.
function heldOut(collection: Collection, extra: number[][]): HeldOutFigures[] {
  const pairs = collection.pairs.map((p, i) =>
    stanceSide ? { ...p, stance: [...p.stance, ...extra[i]!] } : { ...p, relevance: [...p.relevance, ...extra[i]!] },
  );
  const { folds, seed, l2, relevanceL2 } = VERIFY_EVAL_DEFAULTS;
  const fold = foldOf(pairs, folds, seed);
  return Array.from({ length: folds }, (_, k) =>
    heldOutFigures(
      pairs.filter((p) => fold.get(p.group) !== k),
      pairs.filter((p) => fold.get(p.group) === k),
      l2,
      relevanceL2,
    ),
  );
}

const foldFigures = (collection: Collection, extra: number[][]): Figures[] =>
  heldOut(collection, extra).map((h) => h.judge);

function singleAuc(collection: Collection, values: readonly number[]): number {
  const kinds = collection.pairs.map((p) => p.kind);
  const positives = values.filter((_, i) => kinds[i] === 'support' || kinds[i] === 'contradict');
  const negatives = values.filter((_, i) => kinds[i] === 'cited');
  return stanceSide
    ? rocAuc(
        values.filter((_, i) => kinds[i] === 'support'),
        values.filter((_, i) => kinds[i] === 'contradict'),
      )
    : rocAuc(positives, negatives);
}

const files = fs
  .readdirSync(dumpDir)
  .filter((f) => /^pairs-.*\.json$/u.test(f))
  .map((f) => path.join(dumpDir, f));
const report: Record<string, Row[]> = {};
for (const file of files) {
  const started = Date.now();
  const collection = loadCollection(file, computed);
  const plain = heldOut(
    collection,
    collection.pairs.map(() => []),
  );
  const rows: Row[] = [{ feature: 'none', single: Number.NaN, folds: plain.map((h) => h.judge) }];
  const baseline = collection.pairs.map((p) => p.baseline);
  rows.push({
    feature: 'TF-IDF baseline',
    single: singleAuc(collection, baseline),
    folds: plain.map((h) => h.baseline),
  });
  for (const candidate of candidates) {
    const values = collection.values.get(candidate.name)!;
    rows.push({
      feature: candidate.name,
      single: singleAuc(collection, values),
      folds: foldFigures(
        collection,
        values.map((v) => [v]),
      ),
    });
  }
  if (combine) {
    const lists = combine.map((name) => collection.values.get(name)!);
    rows.push({
      feature: `all of ${combine.join('+')}`,
      single: Number.NaN,
      folds: foldFigures(
        collection,
        collection.pairs.map((_, i) => lists.map((l) => l[i]!)),
      ),
    });
  }
  report[collection.name] = rows;
  const none = rows[0]!.folds;
  console.log(`\n## ${collection.name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  console.log(
    `| feature | single AUC | ${FIGURES.map((f) => `${f} (Δ, folds up)`).join(' | ')} |\n|---|---|${FIGURES.map(() => '---').join('|')}|`,
  );
  for (const row of rows) {
    const cells = FIGURES.map((f) => {
      if (row.folds.length === 0) return '';
      const values = row.folds.map((fig) => fig[f]);
      const deltas = values.map((v, k) => v - none[k]![f]);
      return `${mean(values).toFixed(3)} ± ${sd(values).toFixed(3)} (${mean(deltas) >= 0 ? '+' : ''}${mean(deltas).toFixed(3)}, ${deltas.filter((d) => d > 0).length}/5)`;
    });
    const artifact = CANDIDATES.find((c) => c.name === row.feature)?.artifact ? ' (artifact)' : '';
    console.log(
      `| ${row.feature}${artifact} | ${Number.isNaN(row.single) ? '' : row.single.toFixed(3)} | ${cells.join(' | ')} |`,
    );
  }
}
fs.writeFileSync(path.join(dumpDir, `feature-auc${stanceSide ? '-stance' : ''}.json`), JSON.stringify(report, null, 1));
