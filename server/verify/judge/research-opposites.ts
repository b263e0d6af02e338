// Opposites that papers in computing and the sciences use and WordNet does not list: "the input
// side" against "the output side", "an encoder" against "a decoder", "online" against "offline".
// Written by hand, from the vocabulary of methods sections, not from any tuning collection; each is
// a pair of alternatives where stating one, and not the other, denies the other. Words that head
// too many unrelated phrases to oppose each other by themselves ("deep", "sparse", "dense",
// "global", "local") are left out. Words are compared by their stems, so "inputs" is "input" (but
// "-ised" is not "-ized": both spellings are listed).
export const RESEARCH_OPPOSITES: ReadonlyArray<readonly [string, string]> = [
  ['input', 'output'],
  ['encoder', 'decoder'],
  ['online', 'offline'],
  ['static', 'dynamic'],
  ['deterministic', 'stochastic'],
  ['minimum', 'maximum'],
  ['minimize', 'maximize'],
  ['homogeneous', 'heterogeneous'],
  ['continuous', 'discrete'],
  ['generative', 'discriminative'],
  ['lossless', 'lossy'],
  ['centralized', 'decentralized'],
  ['centralised', 'decentralised'],
  ['monolingual', 'multilingual'],
  ['unimodal', 'multimodal'],
  ['overfitting', 'underfitting'],
  ['upstream', 'downstream'],
  ['exact', 'approximate'],
  ['parallel', 'sequential'],
  ['cpu', 'gpu'],
  ['prospective', 'retrospective'],
  ['randomized', 'observational'],
  ['randomised', 'observational'],
  ['intravenous', 'oral'],
  ['inpatient', 'outpatient'],
  ['severe', 'mild'],
  ['before', 'after'],
  ['single', 'multi'],
  // "dispensable for repair" denies what "required for repair" states (WordNet pairs it only with
  // "indispensable").
  ['dispensable', 'required'],
  ['dispensable', 'needed'],
  ['dispensable', 'necessary'],
  ['dispensable', 'essential'],
  ['dispensable', 'crucial'],
];

/**
 * Languages, each the alternative of every other: a benchmark "in French" is not one "in English".
 * (Nationalities share these words: "Korean patients" against "Chinese patients" is a change of
 * population, which is a conflict too.)
 */
const LANGUAGES = [
  'english',
  'french',
  'german',
  'spanish',
  'italian',
  'portuguese',
  'dutch',
  'russian',
  'chinese',
  'japanese',
  'korean',
  'arabic',
  'hindi',
];

/** Every pair of opposite words this module adds to WordNet's. */
export function researchOppositePairs(): Array<readonly [string, string]> {
  const pairs: Array<readonly [string, string]> = [...RESEARCH_OPPOSITES];
  for (const [i, a] of LANGUAGES.entries()) for (const b of LANGUAGES.slice(i + 1)) pairs.push([a, b]);
  return pairs;
}
