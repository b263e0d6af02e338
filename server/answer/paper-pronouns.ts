// Sentences of an abstract that name its paper by a pronoun ("COGCAPTCHA30 is a suite of 30 tasks.
// It characterises how each task is solved…"), written for an answer with the name in brackets:
// "[COGCAPTCHA30] characterises how each task is solved…". Only a paper that names itself (its
// title's first word opens its abstract, and that word is a name, not a common one) and only a
// singular "It"/"Its" in an unbroken run of sentences about that name, so the bracket never guesses.
// A sentence that names the paper after an opening phrase pointing back ("Based on this, Feather
// introduces…") is quoted from the name on.
import { sentenceSpans } from '../../indexer/passages/split-passages.ts';
import { opensWith, paperName, titleHead } from '../verify/paper-name.ts';
import { backPointingOpening, opensWithoutSubject } from './standalone-sentence.ts';

/** "It is well known that…", "It was decided to…": an "it" that stands for nothing. */
const EXPLETIVE = /^it\s+(?:is|was|has been|remains|seems|appears)\s+(?:\w+\s+){0,3}?(?:that|to|whether)\b/iu;

/** A sentence that opens with the pronoun: "It characterises…", "Its design follows…". */
const OPENING_PRONOUN = /^(It|Its)\s+(?=[\p{Ll}\p{N}])/u;

/**
 * The pronoun as the subject after an opening phrase: "Exploiting the structure of ternary weights, it
 * delivers…". The phrase opens with a participle or a preposition, so it has no subject of its own.
 */
const PRONOUN_AFTER_PHRASE =
  /^(?:\p{Lu}\p{Ll}+(?:ing|ed)|In|By|With|Through|Unlike|Like|Beyond|Compared with|Compared to|For|On|Across|Using)\b[^.;:,]{0,120},\s+(it|its)\s+(?=\p{Ll})/u;

/** A digest's verb (-s) and the start of its object or clause. */
const VERB_THEN_ITS_OBJECT =
  /^\p{Lu}\p{Ll}+s\s+(?:what|how|why|whether|where|when|which|who|that|the|a|an|its|their|new|two|three|several|both|each|multiple|various)\s/u;

/** A verb that reports what the work found: "…, and shows that how many requests share a prefix matters". */
const STATES_FINDING =
  /\b(?:shows?|finds?|found|reports?|concludes?|argues?|demonstrates?|reveals?|establishes?)\s+that\b/u;

/** Sentences that keep a run about the paper going without naming it: "The framework is validated on…". */
const DEFINITE_DESCRIPTION = /^The\s+\p{Ll}+\s+(?:is|was|has|uses|runs|relies|achieves|reaches|outperforms|can)\b/u;

/** The sentence with its pronoun for the paper written as "[Name]" ("[Name's]"), or null when it has none. */
function withName(sentence: string, name: string): string | null {
  if (EXPLETIVE.test(sentence)) return null;
  const opening = OPENING_PRONOUN.exec(sentence);
  const match = opening ?? PRONOUN_AFTER_PHRASE.exec(sentence);
  if (!match) return null;
  const pronoun = match[1]!;
  // The pronoun ends the match, before the spaces that follow it.
  const at = match[0].trimEnd().length - pronoun.length;
  const written = pronoun.toLowerCase() === 'its' ? `[${name}'s]` : `[${name}]`;
  return sentence.slice(0, at) + written + sentence.slice(at + pronoun.length);
}

/**
 * The sentence without an opening phrase that points back, when the paper's own name follows it as
 * the subject: "Based on this, Feather introduces a scheduler…" → "Feather introduces a scheduler…"
 * (a quotation may start inside a sentence; what is left stands on its own). Null otherwise.
 */
function withoutLeadIn(sentence: string, title: string): string | null {
  const lead = backPointingOpening(sentence);
  if (lead === null) return null;
  const rest = sentence.slice(lead.length);
  return paperName({ title, abstract: rest }) ? rest : null;
}

/**
 * A digest's first sentence, which opens with its verb and leaves the paper as its subject ("Asks
 * what really determines…, and shows that…"), written with the paper as the subject: "[Feather] asks
 * what…", or "[The paper] offers…" for a paper without a name of its own. Null for any other sentence.
 */
function withPaperAsSubject(sentence: string, name: string | null): string | null {
  // The verb must be followed by its object or a clause ("Asks what…", "Studies how…", "Presents a…"):
  // "Studies show that…", "Reports from several hospitals…" open with a plural noun, the subject of
  // a background sentence, which the paper did not find.
  if (!opensWithoutSubject(sentence) || !VERB_THEN_ITS_OBJECT.test(sentence)) return null;
  // Only one that states what was found: "Offers a mechanistic account of why…" announces a topic,
  // which answers no question about it.
  if (!STATES_FINDING.test(sentence)) return null;
  return `[${name ?? 'The paper'}] ${sentence[0]!.toLowerCase()}${sentence.slice(1)}`;
}

/**
 * The abstract sentences that name the paper by a pronoun, by their start offset in the abstract,
 * each written with the name in brackets, and those that name it after an opening phrase pointing
 * back, written without that phrase. A run about the name starts at a sentence that opens with it
 * and lasts through sentences that open with it, with such a pronoun, or with "The <noun> is…".
 */
export function sentencesNamingPaper(paper: { title: string; abstract: string }): Map<number, string> {
  const written = new Map<number, string>();
  const name = paperName(paper);
  let inRun = false;
  for (const [index, { start, end }] of sentenceSpans(paper.abstract).entries()) {
    const sentence = paper.abstract.slice(start, end);
    const subject = index === 0 ? withPaperAsSubject(sentence, name ?? titleHead(paper.title) ?? null) : null;
    if (subject !== null) {
      written.set(start, subject);
      // The sentences after it are about the paper as much as those after its name.
      inRun = name !== null;
      continue;
    }
    const cut = withoutLeadIn(sentence, paper.title);
    if (cut !== null) {
      written.set(start, cut);
      inRun = name !== null && opensWith(cut, name);
      continue;
    }
    if (!name) continue;
    const opensWithName = opensWith(sentence, name);
    const named: string | null = inRun ? withName(sentence, name) : null;
    if (named) written.set(start, named);
    inRun = opensWithName || named !== null || (inRun && DEFINITE_DESCRIPTION.test(sentence));
  }
  return written;
}
