// Chooses the judge from the configuration: the built-in judge, or the NLI judge when its model
// is on disk (auto) or may be fetched (nli). If the model cannot be loaded the built-in judge is
// used, with a notice saying why. The model is loaded once per process and shared.
import type { Config } from '../../../core/config.ts';
import type { TermStatistics } from '../term-statistics.ts';
import { createBuiltinJudge } from './builtin.judge.ts';
import type { Judge } from './judge.ts';
import { createNliJudge } from './nli.judge.ts';
import { isNliModelAvailable, loadNliModel, type NliModel } from './nli-model.ts';

export type JudgeChoice = { judge: Judge; notice: string | null };
type JudgeConfig = Pick<Config, 'judge' | 'nliModel' | 'modelDir' | 'offline'>;

const loaded = new Map<string, Promise<NliModel | { error: string }>>();

// One load per model and folder per process; a failure is remembered too (it is not retried per request).
function sharedModel(config: JudgeConfig): Promise<NliModel | { error: string }> {
  const key = `${config.nliModel}\u0000${config.modelDir}\u0000${config.offline}`;
  let model = loaded.get(key);
  if (!model) {
    model = loadNliModel({ model: config.nliModel, cacheDir: config.modelDir, offline: config.offline }).catch(
      (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
    );
    loaded.set(key, model);
  }
  return model;
}

/** The judge the configuration asks for, over a library's term statistics. */
/** How long a look for the NLI model on disk is trusted: `auto` asks once per request otherwise. */
const AVAILABILITY_TTL_MS = 10_000;
const availability = new Map<string, { at: number; present: Promise<boolean> }>();

// Four file checks per ask and verify request add up under load; a model put in place is still
// picked up within AVAILABILITY_TTL_MS.
function nliModelOnDisk(config: JudgeConfig): Promise<boolean> {
  const key = `${config.nliModel}\u0000${config.modelDir}`;
  const known = availability.get(key);
  if (known && performance.now() - known.at < AVAILABILITY_TTL_MS) return known.present;
  const present = isNliModelAvailable({ model: config.nliModel, cacheDir: config.modelDir });
  availability.set(key, { at: performance.now(), present });
  return present;
}

export async function createJudge(statistics: TermStatistics, config: JudgeConfig): Promise<JudgeChoice> {
  const builtin = createBuiltinJudge(statistics);
  if (config.judge === 'builtin') return { judge: builtin, notice: null };
  if (config.judge === 'auto' && !(await nliModelOnDisk(config))) return { judge: builtin, notice: null };
  const model = await sharedModel(config);
  if ('error' in model) {
    return { judge: builtin, notice: `${model.error} The built-in judge was used instead.` };
  }
  return { judge: createNliJudge(statistics, model), notice: null };
}
