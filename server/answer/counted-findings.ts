// What of a cited sentence the bottom line (bottom-line.ts) reads as a finding, beyond the judge's
// own cues: a study's report in its own words ("we now show that…", "We find that…"), an observation
// ("The regenerated fins appeared normal"), a denied ability ("its inability to bind microtubules");
// and what it does not read: a null finding in a relative clause that describes a thing ("…an
// antibody that alone had no effect"), "similar to" in the subject before any verb ("a growth rate
// similar to that of the wild type"), which compares two things and finds nothing, and a result
// "unchanged after adjustment", which holds; nor an inference after a finding (", suggesting
// that…") as hedging the finding. A finding counts only when it is about the question's subject, and
// a positive one only when it states the contrast or qualifier the question turns on, if any.
import { NULL_FINDING } from '../verify/judge/null-findings.ts';
import { isNominalNull } from './nominal-null.ts';
import { holdsStem } from './own-terms.ts';
import { conceptForms, topicWords } from './question-concepts.ts';
import { FINITE_VERB, inRelativeClause } from './relative-clauses.ts';

/** A study's report of what it found, in its own words ("we now show that", "We find that", "we provide the first evidence that"). */
const REPORTS_FINDING =
  /\bwe\s+(?:(?:now|here|further|also|thus|therefore|then|first|additionally|finally)\s+)?(?:(?:show|showed|find|found|report|reported|demonstrate|demonstrated|observe|observed|establish|established|reveal|revealed|confirm|confirmed|discover|discovered)|provide\s+(?:(?:the\s+)?(?:first|direct|further|new|strong|compelling|conclusive|clear|genetic|biochemical|structural)\s+)*evidence)\s+that\b/iu;

/** Earlier studies' findings the sentence reports ("studies have confirmed its comparable effectiveness"). */
const OTHERS_FOUND =
  /\b(?:studies|trials|analyses|experiments)\s+(?:have|has)\s+(?:(?:now|also|consistently|repeatedly)\s+)?(?:confirmed|shown|demonstrated|established|revealed)\b/iu;

/**
 * An observation of how a thing looked ("appeared morphologically normal"): "appeared" with an
 * adjective right after it, or after one adverb ending in -ly; not before "to" or "that", which hedge
 * ("appeared to reduce", "it appeared that"), nor before a preposition or an adverb ("looked into
 * whether", "appeared frequently after", which say something came about), nor before an adjective of
 * uncertainty ("appeared inconsistent across studies"), which reports no finding.
 */
const APPEARANCE =
  /\b(?:appeared|looked)(?=\s+(?:\p{L}+ly\s+)?(?!\p{L}+ly\b)(?!(?:to|that|as|in|into|on|at|with|from|after|before|during|within|for|by|like|whether|if|only|more|less|later|earlier|first|again|soon|then|there|here|when|while|where|inconsistent|variable|mixed|unclear|uncertain|heterogeneous|equivocal|conflicting|contradictory|ambiguous)\b)\p{L})/giu;

/** A noun or verb that denies an ability or an outcome, with the verb it denies: "inability to bind", "failed to reduce". */
const DENIED_ABILITY = /\b(?:inability|failure|unable|incapable|fails?|failed)\s+(?:of\s+\S+\s+)?to\s+(\p{L}+)/iu;

// The judge's null findings, each found (its twin has the same source).
const NULL_FINDINGS = new RegExp(NULL_FINDING.on('').source, 'giu');
/** Verbs in the present that a finding's main clause often holds ("yields survival similar to…"). */
const PRESENT_VERB =
  /^(?:yields|shows|produces|achieves|gives|provides|offers|reaches|attains|confers|results|leads)$/iu;

/** A participle in -ed before with, to or by ("treated with", "exposed to"), which describes a noun and is no finite verb. */
const PARTICIPLE_PHRASE = /\b\p{L}{3,}ed\s+(?:with|to|by)\b/giu;

/**
 * Whether a "similar to" describes a noun of the subject ("Strains with a growth rate similar to
 * that of the wild type were favored", "Cells treated with a dose similar to that used clinically
 * showed…"): no verb comes before it. After one it is the finding ("was similar to placebo",
 * "yielded overall survival similar to that of standard therapy").
 */
function describesSubject(before: string): boolean {
  const words = before.replace(PARTICIPLE_PHRASE, ' ').match(/\p{L}+/gu) ?? [];
  return !words.some((word) => FINITE_VERB.test(word) || PRESENT_VERB.test(word));
}

/** What a result held when adjusted is about: an association, an effect, a benefit, an estimate. */
const RESULT_HELD =
  /\b(?:associations?|effects?|benefits?|relations?|relationships?|estimates?|associated|related|linked|correlated)\b/iu;

/**
 * Whether a null finding says a result held when adjusted ("…, which remained unchanged after
 * adjustment for duration of diabetes", "the benefit was unchanged after adjustment"): that is the
 * result's robustness, not a null finding. What comes before must name the result; "Survival was not
 * affected after adjustment" is a null finding on survival.
 */
function robustness(nullFinding: string, before: string, after: string): boolean {
  return (
    /chang|alter|affect/iu.test(nullFinding) &&
    RESULT_HELD.test(before) &&
    /^\s+(?:after|when|following|with|on)\s+(?:further\s+|additional\s+|multivariate\s+)?(?:adjust|control|correct|account|stratif)/iu.test(
      after,
    )
  );
}

/**
 * The sentence as the bottom line reads it: the clause a study reports when it says what it found
 * ("we now show that …"), an observation ("appeared normal") written as a plain
 * one ("were normal"), and a null finding in a describing relative clause, an attributive "similar
 * to" or a result "unchanged after adjustment" taken out, so that neither the judge's reading nor
 * the finding cues see it. A null finding after ", which" or ", who" is taken out too, unless
 * `keepCommaClauses` (the bottom line's second reading, bottom-line.ts): it is most often about
 * something else ("reduced body weight compared with placebo, which had no effect").
 */
export function countedText(sentence: string, keepCommaClauses = false): string {
  // What the study reports, without a clause set against it ("Although fibroblasts normally fail to
  // enter the wound, we find that loss of Rac1 leads to…").
  const reported = REPORTS_FINDING.exec(sentence);
  let text = (reported ? sentence.slice(reported.index + reported[0].length).trim() : sentence).replace(
    APPEARANCE,
    'were',
  );
  const dropped: Array<[number, number]> = [];
  for (const match of text.matchAll(NULL_FINDINGS)) {
    const similar = /^similar\s+to\b/iu.test(match[0]);
    const attributive = similar && describesSubject(text.slice(0, match.index));
    // "did not differ" holds its clause's verb; "no effect", matched from "no", follows it ("had no effect").
    const opensWithVerb = /^(?:did|was|were|is|are)\b/iu.test(match[0]);
    const end = match.index + match[0].length;
    if (
      attributive ||
      robustness(match[0], text.slice(0, match.index), text.slice(end)) ||
      inRelativeClause(text, match.index, opensWithVerb, keepCommaClauses)
    )
      dropped.push([match.index, end]);
  }
  for (const [start, end] of dropped.reverse()) {
    const similar = /^similar/iu.test(text.slice(start, end));
    text = text.slice(0, start) + (similar ? 'like' : '') + text.slice(end);
  }
  return text.replace(/\s{2,}/gu, ' ');
}

/**
 * Whether a sentence, as written, carries a cue of a finding the judge's own cues miss: a report in
 * the study's own words, an observation of how a thing looked, a denied ability the claim asserts,
 * or a null finding stated with a noun of change ("No reduction in stroke risk was seen").
 */
export function reportsFinding(sentence: string, claim: string): boolean {
  return (
    REPORTS_FINDING.test(sentence) ||
    isNominalNull(sentence, claim) ||
    OTHERS_FOUND.test(sentence) ||
    new RegExp(APPEARANCE.source, 'iu').test(sentence) ||
    deniesAbility(sentence, claim)
  );
}

/** Whether a sentence denies the claim's verb as an ability or an outcome ("its inability to bind microtubules" for "Abc3 bind microtubules"). */
export function deniesAbility(text: string, claim: string): boolean {
  const denied = DENIED_ABILITY.exec(text);
  if (!denied || claim === '') return false;
  return holdsStem(conceptForms(claim), conceptForms(denied[1]!).values().next().value ?? '');
}

/**
 * The share of a claim's topic words a finding must hold to be about the question's subject. On
 * PubMedQA (its cited sentences replayed offline) 0.15 leaves the committed bottom lines as they were,
 * give or take two right and two wrong; 0.2 and above dropped about two right ones for each wrong one.
 */
const MIN_TOPIC_SHARE = 0.15;

/**
 * Whether a cited sentence is about the claim's subject: it holds a share of the claim's topic words
 * (in another form of their stem too). A finding about something else the paper mentions ("Different
 * citation rates were demonstrated for reviews and for letters" for "Is the impact factor a suitable
 * measure of journal quality…?") is no answer either way. Names are not required: a finding often
 * leaves the question's abbreviations out.
 */
export function aboutClaim(text: string, claim: string): boolean {
  const forms = [...new Set([...topicWords(claim)].map((w) => w.form))];
  if (forms.length === 0) return true;
  const held = conceptForms(text);
  return forms.filter((form) => holdsStem(held, form)).length >= MIN_TOPIC_SHARE * forms.length;
}

/** The share of a claim's topic words a text holds (in another form of their stem too). */
export function topicShare(text: string, claim: string): number {
  const forms = [...new Set([...topicWords(claim)].map((w) => w.form))];
  if (forms.length === 0) return 0;
  const held = conceptForms(text);
  return forms.filter((form) => holdsStem(held, form)).length / forms.length;
}

/** A clause of the authors' inference after a finding (", suggesting that…", ", which indicates…"). */
const INFERENCE_CLAUSE =
  /,\s*(?:suggesting|indicating|implying)\s+that\b|,\s*which\s+(?:suggests|indicates|implies)\b/iu;
/** The share of the claim's topic words the finding before an inference must hold to be read alone. */
const MIN_HEAD_SHARE = 0.7;

/**
 * The finding a sentence states before the authors' inference (", suggesting that…"), when it holds
 * most of the claim's topic words: the inference hedges itself, not the finding ("…strongly prefer
 * nucleosomes over dimers, suggesting that Arp8 functions as a recognition module"). Null otherwise.
 */
export function findingBeforeInference(sentence: string, claim: string): string | null {
  const inference = INFERENCE_CLAUSE.exec(sentence);
  if (inference === null || claim === '') return null;
  const head = sentence.slice(0, inference.index);
  return head !== '' && topicShare(head, claim) >= MIN_HEAD_SHARE ? head : null;
}

/**
 * The contrasts and qualifiers a yes/no question may turn on, each with the words a finding states
 * it in: a difference by sex; a difference (a comparison states one too: "higher … than"); a limit
 * to one thing ("only", "restricted to"); how often (a share answers it too); a high or low rate; a
 * quantity over all or most ("all" states "only" and "most" too). Not asked: "sex hormones",
 * "same-sex", "adjusted for age and sex", "different" before a noun ("different doses": various),
 * "making a difference" (any effect), "differential diagnosis", "not only", "only" before an amount
 * ("only a modest impact", "only a third"), "widely" ("vary widely"), "common" (a name: "common
 * carotid"), "high" before a noun ("high cumulative dose" names a group), "all-cause", "at all",
 * "the most" (a superlative).
 */
const ASKED_CONTRASTS: ReadonlyArray<{ asked: RegExp; stated: RegExp }> = [
  {
    asked:
      /(?<!\b(?:same|opposite)[-\s]|\b(?:have|has|had|having)\s+|\b(?:adjust\p{L}*|controll\p{L}*)\s+for\s+(?:[\p{L}-]+,?\s+){0,4})\b(?:sex|sexes|gender|genders)\b(?![-\s]+(?:with|hormones?|steroids?|workers?|work|chromosomes?|ratios?|education|offenders?|partners?|lives|life|acts?|trafficking|identity|reassignment|determination|standardi[sz]ed|adjusted|matched)\b)/iu,
    stated: /\b(?:sex|sexes|gender|genders|m[ae]n|wom[ae]n|males?|females?|boys|girls)\b/giu,
  },
  {
    asked:
      /(?<!\bmak(?:e|es|ing)\s+(?:a|any|no)\s+(?:real\s+|significant\s+)?)\b(?:differ|differs|differed|different(?!\s+(?!(?:from|than|to|for|in|between|across|among|by|at|on|with)\b)\p{L})|differently|differences?|differential(?!\s+diagnos)|differentially)\b/iu,
    stated:
      /\b(?:differ\p{L}*|distinct|contrast\p{L}*|unlike|whereas|than|compared|versus|vs|higher|lower|greater|smaller|more|less|fewer|better|worse|increased|decreased|reduced|elevated|vary|varied|varies)\b/giu,
  },
  {
    asked:
      /(?<!\bnot\s+)\b(?:only(?!\s+(?:an?|one|two|three|few|several|some|half|third|quarter|minority|small|modest|slight|marginal|partial|moderate|twice|\d))|solely|exclusively|(?:restricted|limited|confined)\s+to)\b/iu,
    stated:
      /\b(?:only|solely|exclusive\p{L}*|restrict\p{L}*|limited|confined|specific\p{L}*|unique\p{L}*|all|every)\b/giu,
  },
  {
    asked: /\b(?:frequent|frequently|infrequently|often|commonly|usually|routinely|regularly|rarely|seldom)\b/iu,
    stated:
      /\b(?:frequen\p{L}*|infrequen\p{L}*|often|common\p{L}*|usual\p{L}*|routine\p{L}*|regular\p{L}*|rare\p{L}*|seldom|widely|prevalen\p{L}*|majority|most|proportion|percent)\b|%/giu,
  },
  {
    asked:
      /\b(?:at|with)\s+(?:an?\s+)?(?:very\s+)?(?:high|low)\s+(?:rates?|levels?|frequenc(?:y|ies)|efficienc(?:y|ies)|yields?|proportions?|incidences?|prevalences?)\b|\b(?:high|low)\s*$/iu,
    stated: /\b(?:high|higher|highest|low|lower|lowest|elevated|increased|decreased|reduced|greater)\b/giu,
  },
  {
    asked: /(?<!\bat\s+)\b(?:all|every|always)\b(?![-‐])/iu,
    stated: /\b(?:all|every|each|always|none|universal\p{L}*|consistent\p{L}*)\b|\b100\s*%/giu,
  },
  {
    asked: /(?<!\bthe\s+)\b(?:most|majority)\b/iu,
    stated: /\b(?:most|mostly|majority|predomina\p{L}*|main|mainly|largely|chiefly|primarily|all|every)\b|%/giu,
  },
];

/** Words that begin no noun: words of grammar, and adjectives standing alone ("most common in…", "most effective when…"). */
const NO_NOUN =
  /^(?:a|an|the|of|in|on|at|for|to|by|with|without|than|as|from|into|among|between|during|after|before|when|where|if|whether|and|or|but|nor|not|that|which|who|is|are|was|were|be|been|being|do|does|did|have|has|had|can|could|will|would|should|may|might|must|more|less|very|too|so|such|common|likely|important|prevalent|severe|similar|different|safe|better|worse|\p{L}+(?:ly|ive|ful|ous|able|ible))$/iu;
/** A word that may begin a noun, or an adjective before one ("hand", "pregnant"). */
const NOUN_WORD = String.raw`(?:(?!(?:${NO_NOUN.source.slice(1, -1)})\b)[\p{L}-]+)`;
/**
 * A qualifier of the question's subject or exposure, which is not the contrast it turns on: how
 * often before a noun or a participle and a noun ("frequent hand washing", "commonly prescribed
 * antibiotics"), "all" or "most" before a noun ("all pregnant women"), not after a pronoun ("they all
 * benefit"), as "high" before a noun names a group.
 */
const SUBJECT_QUALIFIER = new RegExp(
  String.raw`\bfrequent(?=\s+${NOUN_WORD})|\b(?:frequently|commonly|often)(?=\s+\p{L}+(?:ed|en|wn)\s+${NOUN_WORD})|(?<!\b(?:they|we|you|these|those|them|us)\s+)\b(?:all|most)(?=\s+${NOUN_WORD})`,
  'giu',
);

/**
 * Whether a finding states the contrast or qualifier its question turns on (ASKED_CONTRASTS), when
 * the question has one: "Survival was significantly lower in treated patients" shares the topic of
 * "Is there a sex difference in survival?" but says nothing of sex, and "An increased risk of IBD
 * was found after either infection" nothing of a difference between the two. A word the claim holds
 * itself states nothing ("increased" in "Was the increased risk … different…?"), but for the
 * question's own word of contrast. On PubMedQA's cited sentences (replayed offline) this took away
 * one wrong yes and no right one; on the opened development questions four wrong yeses.
 */
export function statesAskedContrast(text: string, claim: string): boolean {
  const claimWords = new Set((claim.toLowerCase().match(/\p{L}+/gu) ?? []) as string[]);
  // A qualifier in a relative clause describes a thing the question names ("drugs that are often
  // prescribed…"); it is not what the question turns on.
  const main = claim.replace(/\b(?:that|which|who|whom|whose)\b.*$/iu, '').replace(SUBJECT_QUALIFIER, ' ');
  return ASKED_CONTRASTS.every(
    ({ asked, stated }) =>
      !asked.test(main) ||
      [...text.matchAll(stated)].some(([word]) => asked.test(word) || !claimWords.has(word.toLowerCase())),
  );
}
