// Judges of a claim against evidence sentences, shared by ask and verify: the interface, the
// built-in judge, the NLI judge and the factory that picks one from the configuration.
export { type BuiltinJudge, createBuiltinJudge, judgementOf } from './builtin.judge.ts';
export { createJudge, type JudgeChoice } from './factory.ts';
export type { Judge, Judgement, JudgeName, JudgeRequest } from './judge.ts';
export { createNliJudge, NLI_BLEND } from './nli.judge.ts';
export { isNliModelAvailable, loadNliModel, NLI_DEFAULTS, type NliModel, type NliScores } from './nli-model.ts';
