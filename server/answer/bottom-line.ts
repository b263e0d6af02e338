// The bottom line of a yes/no question ("Does X reduce Y?"), read from the findings the answer
// cites: the verify judge's reading of each cited sentence says whether it reports a finding (not
// an aim or background), and whether that finding is positive or null ("no significant
// difference", "was not associated"). Findings for the question's proposition say yes, null ones
// say no (the other way round when the question asks whether two things are alike). It commits
// only when the balance is clear; otherwise `mixed` (both sides cited) or `unclear`. A statement
// that settles the question outright (own-terms.ts, self-category.ts), and a finding against that
// settles it alone (settling-findings.ts), count as much as they need.
import { sentenceSpans } from '../../indexer/passages/split-passages.ts';
import { englishWordsIfReadable } from '../english/english-words.ts';
import type { EvidenceSentence } from '../verify/evidence-sentences.ts';
import { nameInParentheses } from '../verify/paper-name.ts';
import { nameOfTitle } from '../verify/resolve-reference.ts';
import type { BottomLine } from './answer.schema.ts';
import { deniesStatement, isFinding, readSentence, reversesDirection } from './answer-judge.ts';
import { notOnlyStated, onlyPartStated } from './asked-quantifiers.ts';
import { expandContractions } from './contractions.ts';
import { aboutClaim, countedText, findingBeforeInference, reportsFinding } from './counted-findings.ts';
import { missedOpposite, neededAlike } from './missed-opposites.ts';
import { withoutOtherDenial, withoutSharedDenials } from './other-denials.ts';
import { holdsStem, ownTermsStance } from './own-terms.ts';
import { plainResult, valuesWithoutDirection } from './plain-results.ts';
import { conceptForms, topicWords, writtenAsName } from './question-concepts.ts';
import { commaClauseHoldsOutcome, hasCommaClause, matchesInMainClause } from './relative-clauses.ts';
import { otherKindStated } from './self-category.ts';
import { countedFinding, leavesOpen, opposesClaim, withoutCaveat } from './settling-findings.ts';
import { lossWrittenAlike } from './small-loss.ts';
import { adverbOfManner } from './unknown-share.ts';

/**
 * Defaults, fitted by `citelens eval-ask` (k-fold over PubMedQA's questions, maximising correct
 * minus wrong commitments on the training folds; every fold chose these): yes takes one more
 * finding for than against, no takes two more against than for. PubMedQA's null findings say
 * "no" barely more often than "yes", so one alone is not clear evidence.
 */
export const BOTTOM_LINE_DEFAULTS = {
  /** Findings for minus findings against at or above which the bottom line is yes. */
  minNetFor: 1,
  /** Findings against minus findings for at or above which the bottom line is no. */
  minNetAgainst: 2,
};
export type BottomLineOptions = typeof BOTTOM_LINE_DEFAULTS;

// The question's auxiliary, taken out of its claim.
const AUXILIARY =
  /\b(?:is|are|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|must)\s+(?:it|they|there|this|these|that)?\b/iu;
// The "not" of a negative question, on the auxiliary that opens it ("Doesn't DAPRO rely on…?", read
// "Does not DAPRO rely on…?"; "Can't EMO…?", read "Cannot EMO…?"), which asks the same as "Does DAPRO
// rely on…?". A "not" further on is the claim's own ("Aspirin does not reduce stroke risk, does it?").
const OPENING_NOT =
  /^(\s*)(?:(is|are|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|must)\s+not|(can)not)\b/iu;
/** A question asking whether things are alike, which a null finding answers with yes. */
const SAMENESS = /\b(?:similar|same|comparable|equivalent|equal|equally|non-?inferior|as\s+\w+\s+as)\b/iu;
/** Result statistics that make a sentence a finding even without a reporting verb. */
const STATISTIC =
  /\bsignificant(?:ly)?\b|\bp\s*[<≤]\s*0?\.0\d*|\b(?:odds|hazard)\s+ratio\b|\b(?:OR|HR|RR)\s*[=:]?\s*\d/u;
/**
 * An effect reported in the past tense ("aspirin reduced the risk", "did not reduce", "had little
 * effect"; contractions are written out first); not a present passive, which states what holds in
 * general ("growth is improved when…").
 */
const REPORTED_EFFECT =
  /(?<!\b(?:is|are|be)\s+)\b(?:reduced|increased|decreased|improved|lowered|raised|prevented|worsened|predicted|showed|found|had\s+(?:no|little|minimal|negligible)|did\s+not|was\s+not|were\s+not|(?:was|were)\s+able\s+to)\b/iu;
/**
 * What a paper announces it presents ("Here, we report the development of a maize line…", "We report
 * the structure of…"): the judge reads "we report" as a finding's cue, but what follows is what the
 * paper offers, not a result that answers a question either way ("we report that…" still is one).
 */
const ANNOUNCES =
  /\b(?:here,?\s+)?we\s+(?:(?:now|also|further|first)\s+)?(?:report|present|describe|introduce)\b(?!\s+that\b)/giu;
/**
 * An effect a paper denies in the present tense ("aspirin does not reduce the risk", "is not
 * associated with", "has no effect on"): a finding as much as "did not reduce" is. The present tense
 * is read only when denied: "aspirin reduces platelet aggregation" is as often the background a study
 * starts from as its finding. Not in a relative clause, which describes a thing ("stress that does not
 * cause adverse effects").
 */
const DENIED_EFFECT =
  /(?<!\b(?:that|which|who)\s+)\b(?:does|do|is|are)\s+not\s+(?:(?:significantly|substantially|materially|appear\s+to|seem\s+to)\s+)?(?:reduce|increase|decrease|improve|lower|raise|prevent|worsen|predict|affect|influence|alter|change|cause|protect|benefit|enhance|impair|shorten|prolong|differ|associated|related|correlated|linked|predictive|effective|beneficial|superior)\b|\b(?:has|have)\s+no\s+(?:(?:significant|measurable|detectable|clear)\s+)?(?:effect|impact|influence|association|benefit)\b/iu;

// A "not" that limits a quantity or a certainty rather than denying an effect: "not all gains carry
// over to…", "does not always…", "cannot always", "not necessarily", "not clearly", "not
// consistently"; and "clear", "certain" or "known" after a linking verb ("it is not clear that…", "it
// is still not entirely clear", "it wasn't certain": read with its contractions written out), since
// elsewhere "clear" is a verb ("treatment did not clear the virus"). "all" before a hyphen starts a
// word of its own ("not all-cause mortality"). The judge reads such a "not" as a negation (verify
// needs that: "not all gains carry over" does not back "gains carry over"), but in the bottom line's
// vote it is neither for the question nor against it, as a hedge is; "not only … but also" the judge
// already reads as no negation at all.
const LIMITING_NOT = new RegExp(
  [
    String.raw`(?:\b(can)not|\bnot)\s+(?=(?:all|every|always|clearly|necessarily(?!\s+(?:require|requires|required|need|needs|needed|depend|depends|depended)\b)|consistently|uniformly|universally|(?:yet\s+)?(?:fully|entirely|completely))\b(?![-‐‑]))`,
    String.raw`(?<=\b(?:is|was|are|were|be|been|remains?|remained|seems?|seemed|appears?|appeared)\s+(?:(?:still|yet)\s+)?)not\s+(?=(?:(?:yet|entirely|fully|completely|quite|always)\s+)?(?:clear|certain|known)\b)`,
  ].join('|'),
  'giu',
);

/** A sentence with its limiting "not"s taken out ("it is clear that…"), or null when it has none. */
function withoutLimitingNot(sentence: string): string | null {
  const taken = sentence.replace(LIMITING_NOT, (_, can: string | undefined) => (can ? `${can} ` : ' '));
  return taken === sentence ? null : taken;
}

/**
 * Whether a sentence states something in general rather than reports a study's result: no statistic,
 * no effect in the past tense, no null finding, and no "not" that limits it ("not all…").
 */
function generalStatement(written: string): boolean {
  const sentence = expandContractions(written);
  return (
    !STATISTIC.test(sentence) &&
    !REPORTED_EFFECT.test(sentence) &&
    withoutLimitingNot(sentence) === null &&
    !readSentence(sentence).nullFinding
  );
}

/** The claim a yes/no question asks about: "Does aspirin reduce stroke risk?" → "aspirin reduce stroke risk". */
export function claimOfQuestion(question: string): string {
  return expandContractions(question)
    .replace(/\?+\s*$/u, '')
    .replace(/\bwhether\b/iu, '')
    .replace(
      OPENING_NOT,
      (_, space: string, auxiliary: string | undefined, can: string | undefined) => space + (auxiliary ?? can),
    )
    .replace(AUXILIARY, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Whether a sentence denies an effect in the present tense (DENIED_EFFECT) on the claim's outcome:
 * the claim's topic words that the sentence's subject and verb do not already hold must follow the
 * verb, all but one of them. "Aspirin does not reduce all-cause mortality" is background to "aspirin
 * reduce colorectal cancer risk", not a finding against it. Without a claim, any such denial counts.
 */
function deniesClaimOutcome(sentence: string, claim: string): boolean {
  const denial = DENIED_EFFECT.exec(sentence);
  if (denial === null) return false;
  if (claim === '') return true;
  const before = conceptForms(sentence.slice(0, denial.index + denial[0].length));
  const after = conceptForms(sentence.slice(denial.index + denial[0].length));
  const outcome = [...new Set([...topicWords(claim)].map((w) => w.form))].filter((form) => !holdsStem(before, form));
  const held = outcome.filter((form) => holdsStem(after, form)).length;
  return outcome.length === 0 || (held > 0 && held >= outcome.length - 1);
}

/**
 * Which way one cited sentence points on a claim: +1 a positive finding, −1 a null or negated one, 0
 * no finding, or a hedged or limited one ("not all gains carry over", "it is not clear that…"). A
 * positive finding whose effect runs the other way from the claim's ("reduced the risk" for
 * "increases the risk") is against it, as verify would call it contradicted.
 */
export function findingStance(written: string, claim = '', afterAim = false): -1 | 0 | 1 {
  const asWritten = expandContractions(written);
  // An inference after the finding (", suggesting that…") hedges itself, not the finding before it.
  const head = findingBeforeInference(asWritten, claim);
  if (head !== null) {
    const stance = findingStance(head, claim, afterAim);
    if (stance !== 0) return stance;
  }
  // A clause after ", which" or ", who" is read only when it holds the claim's outcome and the rest
  // does not, or when the sentence without it gives no stance: most often it is about something else
  // ("reduced body weight compared with placebo, which had no effect").
  const keep = commaClauseHoldsOutcome(asWritten, claim);
  const stance = readingStance(asWritten, claim, keep, afterAim);
  return stance !== 0 || keep || !hasCommaClause(asWritten) ? stance : readingStance(asWritten, claim, true, afterAim);
}

/** One reading of a sentence's stance (findingStance), with its comma relative clauses kept or taken out. */
function readingStance(asWritten: string, claim: string, keepCommaClauses: boolean, afterAim: boolean): -1 | 0 | 1 {
  // Read without a null finding in a relative clause, and with "appeared normal" as "were normal".
  const sentence = countedText(asWritten, keepCommaClauses);
  const finding =
    isFinding(sentence.replace(ANNOUNCES, ' ')) ||
    STATISTIC.test(sentence) ||
    matchesInMainClause(sentence, REPORTED_EFFECT, keepCommaClauses) ||
    deniesClaimOutcome(sentence, claim) ||
    reportsFinding(asWritten, claim) ||
    (afterAim && plainResult(sentence, claim));
  if (!finding) return 0;
  // Neither the claim's subject named by what it lacks ("viruses lacking the glycan") nor a denial
  // in a conjunct on something else is the finding's denial.
  const named = withoutSharedDenials(claim, withoutOtherDenial(sentence, claim));
  // A limiting "not" counts for neither side; another negation in the sentence still counts against.
  const limited = withoutLimitingNot(named.sentence);
  const reading = readSentence(limited ?? named.sentence);
  if (reading.nullFinding || reading.negated) return -1;
  if (reading.hedged || limited !== null) return 0;
  if (claim === '') return 1;
  // "only 70% are…" for "are all…?"; "non-pathogenic" for "pathogenic"; "dispensable for" for "required for".
  if (onlyPartStated(claim, named.sentence) || missedOpposite(claim, named.sentence)) return -1;
  // "essential for" the claim's end, whatever another end is said to need.
  if (neededAlike(claim, named.sentence)) return 1;
  const alike = lossWrittenAlike(named.claim, named.sentence);
  return reversesDirection(alike.claim, alike.sentence) ? -1 : 1;
}

/**
 * Which way a cited quote points: its finding's stance, or none when it is a sentence quoted with the
 * one before it and the two, or one and the whole, point opposite ways ("Aspirin reduced stroke risk
 * in men. This effect was absent in women."): the second's "not" or "absent" limits the first's
 * finding, it does not deny it.
 */
function quoteStance(text: string, claim: string, afterAim: boolean): -1 | 0 | 1 {
  const stance = findingStance(text, claim, afterAim);
  const parts = sentenceSpans(text).map(({ start, end }) => findingStance(text.slice(start, end), claim, afterAim));
  if (parts.length < 2) return stance;
  const stances = [stance, ...parts];
  return stances.includes(1) && stances.includes(-1) ? 0 : stance;
}

/**
 * Which way a sentence that is no finding points on a question about its paper that it states:
 * "[StraTA] is tested in three environments: ALFWorld, WebShop and SciWorld" for "Is StraTA
 * evaluated on WebShop?". The question must name the paper as its title does; the sentence states
 * it when it (or its paper's title) names every name the question does (the paper's own name too,
 * even written as a word: "Feather"), and it holds the question's other topic words but at most one
 * (at least one, unless the question names two things; a word counts in another form of its stem,
 * "logically" for "logical", and an adverb of manner, "publicly", need not be held); then +1, or −1
 * when it says the opposite ("No code release is indicated"; "…instead of using a fixed K"). 0 when
 * it states nothing.
 */
export function statementStance(askedQuestion: string, written: string, title = ''): -1 | 0 | 1 {
  const question = expandContractions(askedQuestion);
  const sentence = expandContractions(written);
  const words = [...topicWords(question)];
  const forms = conceptForms(sentence);
  const titleForms = conceptForms(title);
  // Only a question about the paper itself, by the name its title gives ("GlazyBench", "UE-DPO"; not
  // "DPO" for UE-DPO): a general question ("Does aspirin reduce stroke risk?") is answered by
  // findings, which a sentence that merely shares its words is not (on PubMedQA such sentences point
  // either way as often).
  const titleName = paperNameOfTitle(title);
  const asked = new Set(words.map((w) => w.form));
  const named = conceptForms(titleName ?? '');
  if (named.size === 0 || ![...named].every((form) => asked.has(form))) return 0;
  // The paper's name is one even when written as a word ("Feather"), which its title holds.
  const isName = (w: { written: string; form: string }) => writtenAsName(w.written) || named.has(w.form);
  const names = words.filter(isName);
  if (!names.every((name) => forms.has(name.form) || titleForms.has(name.form))) return 0;
  // An adverb of manner ("publicly", "reliably") says how, which the paper may leave unsaid: "Has
  // the code for NeWTral been released publicly?" is stated by "The code has not been made available".
  const english = englishWordsIfReadable();
  const others = words.filter((w) => !isName(w) && !(english && adverbOfManner(w.written.toLowerCase(), english)));
  const held = others.filter((w) => holdsStem(forms, w.form)).length;
  // One topic word may be put otherwise ("tested" for "evaluated"), and it may be the only one when
  // two names say what the question is about.
  if (held < others.length - 1 || (held === 0 && names.length < 2)) return 0;
  // A small loss is read alike however it is put ("without losing much" in the question, "while
  // losing very little" in the paper), so the question's "without" is no denial.
  const claim = claimOfQuestion(question);
  const limited = withoutLimitingNot(sentence);
  const alike = lossWrittenAlike(claim, limited ?? sentence);
  const denied = deniesStatement(alike.claim, alike.sentence);
  if (limited !== null) return denied ? -1 : 0;
  return denied ? -1 : 1;
}

/** The name a title gives its paper: "EMO: Pretraining…", "Neural Weight Translation (NeWTral)", or a title of at most two words. */
function paperNameOfTitle(title: string): string | null {
  return (
    nameOfTitle(title) ??
    [nameInParentheses(title)].find((name) => name !== undefined && writtenAsName(name)) ??
    (title.trim() !== '' && title.trim().split(/\s+/u).length <= 2 ? title : null)
  );
}

/** What one sentence stating the question about its paper (statementStance) counts for in the balance. */
const STATEMENT_WEIGHT = Math.max(BOTTOM_LINE_DEFAULTS.minNetFor, BOTTOM_LINE_DEFAULTS.minNetAgainst);

/** The cited findings' balance on the question: net findings for its proposition, and the sources on each side. */
export function findingBalance(
  asked: string,
  cited: ReadonlyArray<{ n: number; text: string; title?: string; afterAim?: boolean }>,
): { net: number; yes: number[]; no: number[] } {
  const question = expandContractions(asked);
  const flip = SAMENESS.test(question) ? -1 : 1;
  const claim = claimOfQuestion(question);
  // A question about two or more papers by the names their titles give ("Is EMO better than
  // SoftSAE?") is answered by no finding that names only one of them: "…while losing very little
  // performance" is EMO's alone. Other names ("Is MRI better than CT…?") are topics, left to findings.
  const titleNames = conceptForms(cited.map(({ title }) => paperNameOfTitle(title ?? '') ?? '').join(' '));
  const names = [...new Set([...topicWords(question)].map((w) => w.form))].filter((form) => titleNames.has(form));
  const namesAll = (text: string) => {
    if (names.length < 2) return true;
    const forms = conceptForms(text);
    return names.every((form) => forms.has(form));
  };
  let net = 0;
  const yes = new Set<number>();
  const no = new Set<number>();
  for (const { n, text, title, afterAim = false } of cited) {
    // What a paper states of itself answers a question about it either way ("it does not depend on
    // conditional independence assumptions" for "Does DAPRO assume conditional independence?";
    // "No code release is indicated"), where one null finding is weak evidence for no: so such a
    // statement is read first, and counts as much as the bottom line needs.
    // Then a paper's saying what it is, which puts it in no other kind ("RangeGuard is an ECC
    // scheme…" for "Is RangeGuard a scheduler…?"); then a sentence answering on the question's own
    // terms, whatever paper it names ("greater search depth lowers citation accuracy"), unless it
    // reports a study's result, which the fitted balance weighs ("did not reduce", "p < 0.05").
    const paperName = paperNameOfTitle(title ?? '');
    const statement =
      statementStance(question, text, title) ||
      (paperName !== null && otherKindStated(question, text, paperName) ? -1 : 0) ||
      // Values side by side say no more on the question's own terms than as a plain result.
      (generalStatement(text) && !valuesWithoutDirection(text) ? ownTermsStance(question, text, claim, title) : 0);
    // A caveat whose rejection is denied ("…, although residual confounding cannot be ruled out")
    // leaves the finding the rest of the sentence states.
    const found = withoutCaveat(text);
    const about = found !== '' && namesAll(found) && aboutClaim(found, claim);
    const finding = about ? quoteStance(found, claim, afterAim) : 0;
    // A qualifier opposed to the claim's ("regardless of" for "only when") or a model the authors
    // reject settles the question however the rest reads; then a statement, then the findings.
    // A rejection denied ("We cannot rule out the hypothesis that…"), or a sentence that is only a
    // caveat ("A benefit cannot be ruled out"), leaves the question open.
    const stance =
      leavesOpen(text) || found === ''
        ? 0
        : about && (opposesClaim(claim, text) || notOnlyStated(claim, text))
          ? -STATEMENT_WEIGHT
          : statement !== 0
            ? flip * STATEMENT_WEIGHT * statement
            : countedFinding(claim, found, finding, flip < 0, STATEMENT_WEIGHT);
    net += stance;
    if (stance > 0) yes.add(n);
    if (stance < 0) no.add(n);
  }
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { net, yes: sorted(yes), no: sorted(no) };
}

/** The verdict a balance of findings gives. */
export function verdictOf(
  balance: { net: number; yes: readonly number[]; no: readonly number[] },
  options: BottomLineOptions = BOTTOM_LINE_DEFAULTS,
): BottomLine['verdict'] {
  if (balance.net >= options.minNetFor) return 'yes';
  if (-balance.net >= options.minNetAgainst) return 'no';
  return balance.yes.length > 0 && balance.no.length > 0 ? 'mixed' : 'unclear';
}

/** The bottom line of a yes/no question from the answer's cited sentences (each with its source number). */
export function bottomLine(
  question: string,
  cited: ReadonlyArray<{ n: number; sentence: EvidenceSentence; title?: string; afterAim?: boolean }>,
  options: Partial<BottomLineOptions> = {},
): BottomLine {
  const balance = findingBalance(
    question,
    cited.map(({ n, sentence, title, afterAim }) => ({
      n,
      text: sentence.text,
      ...(title !== undefined ? { title } : {}),
      ...(afterAim !== undefined ? { afterAim } : {}),
    })),
  );
  const verdict = verdictOf(balance, { ...BOTTOM_LINE_DEFAULTS, ...options });
  return { verdict, claim: claimOfQuestion(question), yes: balance.yes, no: balance.no };
}
