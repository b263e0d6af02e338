// Population phrases: "patients with mild impairment", "people with hearing loss". Such a phrase
// says who a finding is about, not what it found, so the condition it names is no direction of
// effect ("impairment", "loss" are not decreases there) and a negation of the finding does not
// reach into it ("did not slow decline in patients with mild impairment" does not deny the impairment).

type Token = { word: string; term: string | null; start: number; end: number };

// Nouns that name a group of people or animals.
const POPULATION =
  /^(?:patients?|people|persons?|adults?|child|children|infants?|neonates?|newborns?|women|woman|men|man|individuals?|participants?|subjects?|cases|volunteers?|those|mice|rats?|animals?|adolescents?|elderly|veterans?|smokers?|survivors?|carriers?|girls?|boys?)$/u;
// Only "with": "patients without diabetes" against "with diabetes" is a change of population that
// the negation's scope shows.
const WITH = 'with';
/** Words after "with" that can name the condition ("age-related hearing loss"). */
const CONDITION_WORDS = 4;
// A direction word that is a noun names the condition ("impairment", "loss", "decline"); an
// adjective or a participle ("impaired", "higher", "low") may set a subgroup against another
// ("patients with higher adherence" against "lower adherence"), so it keeps its direction.
const CONDITION_NOUN =
  /(?:ment|tion|sion|ance|ence|ency|ity|ure)$|^(?:loss|losses|decline|damage|excess|gain|deficits?)$/u;
// A participle ends the phrase ("patients with diabetes treated with metformin"); a word in -ing
// may be part of the condition's name ("hearing loss", "eating disorders").
const VERB_FORM = /ed$/u;
const BREAK = /[,;:()]/u;

/** Whether a word names a group of people or animals ("patients", "mice"). */
export function isPopulationNoun(word: string): boolean {
  return POPULATION.test(word);
}

/**
 * Which tokens lie in a population phrase: the group's noun, "with", and the words naming the
 * condition, up to the first stop word, participle, punctuation or condition noun.
 * Null when the sentence has none (most sentences), so a caller can skip the check.
 */
export function populationPhrases(text: string, tokens: readonly Token[]): boolean[] | null {
  let inside: boolean[] | null = null;
  for (let p = 0; p + 2 < tokens.length; p++) {
    if (tokens[p + 1]!.word !== WITH || !POPULATION.test(tokens[p]!.word)) continue;
    const phrase = [p, p + 1];
    for (let j = p + 2; j < Math.min(tokens.length, p + 2 + CONDITION_WORDS); j++) {
      const token = tokens[j]!;
      if (BREAK.test(text.slice(tokens[j - 1]!.end, token.start)) || !token.term || VERB_FORM.test(token.word)) break;
      phrase.push(j);
      if (CONDITION_NOUN.test(token.word)) break;
    }
    if (phrase.length === 2) continue;
    inside ??= tokens.map(() => false);
    for (const j of phrase) inside[j] = true;
  }
  return inside;
}

/** Whether the word at token i, inside a population phrase, names its condition rather than a change. */
export function namesCondition(tokens: readonly Token[], i: number, inside: readonly boolean[] | null): boolean {
  return inside?.[i] === true && CONDITION_NOUN.test(tokens[i]!.word);
}
