// Which phrases of a finding's clause narrow it to part of what a yes/no question asks, so that one
// finding against does not settle the question alone (narrowed-denial.ts): a phrase naming people or
// a subgroup, a place, an age, a sex, a condition, a time window, an outcome or a level of it, or a
// comparator, that the question does not name. People, conditions and outcomes are open classes
// ("among episodic migraineurs", "in frail", "in birth weight"), so a phrase narrows by any word the
// question does not name unless it is one of the closed kinds that never narrow: a set the finding
// holds over ("for any of the scored sections"), how it was measured or kept ("by mass spectrometry",
// "in phosphate buffer", "in scenarios with…"), a phrase joined by "and" to one on the question's own
// terms, and the trial's own words ("in 1200 patients", "during follow-up"). Even there an age, a
// sex, a condition, a time or a group still narrows ("for all women", "by 6 months").
import { LIMIT_WORD } from './asked-group.ts';
import { withoutCoveringGroups } from './covering-groups.ts';
import { conceptForm, topicWords } from './question-concepts.ts';

/** A phrase that may narrow a finding, from its opening word to the next punctuation. */
const RESTRICTION =
  /\b(?:(?:in|among|for|within|during|after|before|at|aged|over|under|more\s+than|less\s+than|compared\s+(?:with|to)|versus|vs)\s+|(?=(?:over|under|aged)\d))([^,;.]*)/giu;
/** Where a phrase joins another by "and" or "or" ("in scenarios with … and for extending screening …"). */
const JOINED_PHRASE = /\s+(?:and|or)\s+(?=(?:in|among|for|within|during|after|before|at)\b)/iu;
/**
 * Where the parts of a phrase begin: at each preposition or relative word; not after a word of a
 * whole set ("any of the subgroups" is one part).
 */
const PART_START =
  /(?<!\b(?:any|all|each|every|either|both|none))\s+(?=(?:in|among|for|within|during|after|before|at|over|under|aged|of|with|without|from|on|by|using|via|through|across|between|to|into|than|versus|vs|compared|who|whom|whose|that|which|when|where)\b)/iu;
/** A part that opens a phrase of its own, after which what went before no longer qualifies it. */
const PHRASE_OPENING = /^(?:in|among|for|within|during|after|before|at|over|under|aged)\b/iu;
/** A time with a number ("within 24 h", "at 6 months", "for 12 weeks") or a year ("in 2010"), whose number is no study word. */
const TIMED =
  /(\d[\d.,]*)\s*(?:-|–|to)?\s*(?:\d[\d.,]*\s*)?(?:h|hrs?|hours?|min(?:utes?)?|d|days?|wks?|weeks?|mo|months?|y|yrs?|years?)\b|\b((?:19|20)\d\d)\b(?!\s+\p{L}+s\b)/iu;
/** A part that says how a thing was measured or done ("by mass spectrometry", "using MRI"). */
const METHOD_OPENING = /^(?:by|using|via)\b/iu;
/** A part that holds over a whole set ("for any of the tracts", "in all subgroups", "at any dose"). */
const UNIVERSAL = /^\p{L}+\s+(?:any|all|each|every|either|both)\b/iu;
/**
 * What a finding was measured in or by, which narrows it to no part of the question: a medium, an
 * assay or experiment, a modelled scenario, an analysis or a statistical model.
 */
const MEASURED_IN =
  /\b(?:solutions?|buffers?|medi(?:um|a)|assays?|experiments?|simulations?|scenarios?|analys[ie]s|measurements?|(?:regression|multivariate|multivariable|univariate|statistical|logistic|linear|cox)\s+(?:\p{L}+\s+)?models?)\b/iu;
/** What a whole set ranges over, which over all of it narrows nothing ("at any age", "at all levels", "in any condition"). */
const DIMENSION = /^(?:ages?|stages?|grades?|times?|doses?|levels?|concentrations?|conditions?|sexes|genders?)$/iu;
/** A level of significance, which says how a result was tested ("at the 0.05 level"). */
const SIGNIFICANCE_LEVEL = /\bat\s+the\s+(?:[\d.]+\s*%?|significance)\s+levels?\b/giu;

/**
 * Words about the study itself ("in this trial", "in our cohort", "in either group", "during
 * follow-up", "after adjustment for confounders", "in the adults studied"), and numbers ("in 1200
 * patients"); not a limit ("in patients over 70"), which limitsAsWords writes as a word.
 */
const STUDY_WORDS =
  /^(?:\d[\d,.]*|this|our|the|present|current|study|trial|trials|cohort|sample|analysis|data|participants|patients|subjects|placebo|controls?|sham|usual|standard|care|groups?|arms?|either|both|overall|whole|population|randomi[sz]ed|controlled|period|follow|up|follow-up|adjustment|confounders|intervention|studied|enrolled|included|recruited|end)$/iu;
/** A comparison with what a trial compares against, which is no comparator ("compared with placebo", "versus usual care"). */
const CONTROL_COMPARISON =
  /^(?:compared\s+(?:with|to)|versus|vs\.?)\s+(?:(?:a|the|matching)\s+)*(?:placebo|controls?|sham|(?:usual|standard)\s+care)\s*$/iu;

/** Nouns for people, living models and tissues, which narrow wherever they stand ("for all smokers"). */
const WHO =
  /^(?:patients?|people|persons?|individuals?|participants?|subjects?|volunteers?|adults?|child(?:ren)?|infants?|neonates?|newborns?|babies|adolescents?|teenagers?|youths?|students?|pupils?|workers?|employees?|residents?|inpatients?|outpatients?|users?|smokers?|non-?smokers?|drinkers?|mothers?|fathers?|parents?|famil(?:y|ies)|couples?|pregnancies|veterans?|athletes?|nurses?|physicians?|doctors?|surgeons?|clinicians?|practitioners?|survivors?|recipients?|donors?|carriers?|(?:non-?)?responders?|mice|mouse|rats?|animals?|dogs?|cats?|pigs?|piglets?|sheep|cattle|cows?|monkeys?|primates?|rodents?|rabbits?|hamsters?|zebrafish|fl(?:y|ies)|worms?|larvae|embryos?|strains?|mutants?|species|isolates?|plants?|seedlings?|cells?|neurons?|tissues?|organs?|lines?|biopsies|specimens?|hearts?|livers?|kidneys?|lungs?|brains?|muscles?|skin|bones?|blood|plasma|serum|urine|saliva)$/iu;
/**
 * Nouns for the groups and places a study is divided into: over a whole set they narrow nothing ("in
 * any of the subgroups", "in all hospitals"), in what a measurement was made in they do ("in
 * subgroup analyses").
 */
const GROUPS =
  /^(?:cases|controls?|those|ones|populations?|communit(?:y|ies)|households?|countr(?:y|ies)|nations?|regions?|areas?|hospitals?|clinics?|cent(?:re|er)s?|settings?|schools?|homes?|units?|wards?|practices?|groups?|subgroups?|arms?|cohorts?|strat(?:a|um)|quartiles?|tertiles?|quintiles?|deciles?|subsets?|categor(?:y|ies)|subtypes?)$/iu;

/**
 * Words that narrow wherever they stand, even over a whole set ("for all women"): an age, a sex, a
 * condition, a time, a degree ("the smallest models", "high-dose"), a level or manner of the effect.
 */
const QUALIFIER =
  /^(?:ages?|aged|older|younger|elderly|old|young|adult|p(?:a)?ediatric|geriatric|juvenile|neonatal|infant|adolescent|childhood|(?:pre|post)?menopausal|midlife|m[ae]n|wom[ae]n|males?|females?|boys|girls|sex|gender|maternal|paternal|diseases?|disorders?|syndromes?|cancers?|tumou?rs?|carcinomas?|infections?|injur(?:y|ies)|failure|deficien(?:cy|t)|insufficiency|stages?|grades?|lesions?|diabet(?:es|ic)|hypertens(?:ion|ive)|obes(?:e|ity)|overweight|pregnan(?:t|cy)|healthy|(?:un)?infected|positive|negative|risk|severe|mild|moderate|advanced|chronic|acute|recurrent|metastatic|malignant|benign|(?:a)?symptomatic|comorbid\p{L}*|absence|presence|conditions?|prior|previous|history|familial|sporadic|hereditary|congenital|idiopathic|state|hypoxi\p{L}*|normoxi\p{L}*|fasting|fed|vitro|vivo|cultured?|knockouts?|transgenic|wild-type|(?:un)?treated|naive|resistant|sensitive|years?|months?|weeks?|days?|hours?|minutes?|h|hrs?|mins?|yrs?|wks?|mo|decades?|nights?|morning|evening|seasons?|winter|summer|spring|autumn|trimesters?|first|second|third|early|earlier|late|later|initial|final|baseline|(?:post|pre|peri)operative|postpartum|postnatal|prenatal|antenatal|long-term|short-term|term|phases?|visits?|era|times?|onset|recovery|discharge|admission|high|low|small|large|heavy|big|long|short|strong|weak|higher|lower|larger|smaller|greater|heavier|longer|shorter|bigger|better|worse|stronger|weaker|smallest|largest|highest|lowest|oldest|youngest|heaviest|longest|shortest|biggest|greatest|least|best|worst|strongest|weakest|earliest|latest|levels?|manner|fashion|terms|respect|regard|\d+(?:h|hrs?|min|d|wks?|mo|y|yrs?)|\p{L}+(?:itis|osis|omas?|a?emia|pathy|algia|plegia|trophy|ectomy|otomy|ostomy|plasty|iasis|uria|penia))$/iu;

/** The capitalised names in a part after its first word ("in the US", "in Asian patients"), as words. */
const capitalised = (part: string) =>
  [...part.matchAll(/(?<=\s)\p{Lu}[\p{L}\p{N}-]*/gu)].map(([written]) => ({
    word: written.toLowerCase(),
    form: conceptForm(written.toLowerCase()),
  }));

/** The numbers a text writes ("12", "2010"). */
const numbersOf = (text: string): string[] => text.match(/\d[\d.,]*/gu) ?? [];

/** The words of a phrase that are topic words, not the study's own. */
const ownWords = (text: string) => [...topicWords(text)].filter(({ word }) => !STUDY_WORDS.test(word));

/**
 * Whether one phrase narrows a finding to what the question does not name (`unnamed` tells a word
 * the question does not hold): a comparator but placebo or usual care, or one of the question's own;
 * otherwise a part of it with such a word, or a capitalised name, or a time with a number the
 * question does not give. A part over a whole set ("for any of the tracts"), and one on how the
 * finding was measured with the parts that qualify it ("in scenarios with wider access"), narrow
 * only by a qualifier or a word for people (QUALIFIER, WHO, a limit of age). Phrases joined by "and"
 * or "or" are read each on its own.
 */
function narrowsBy(phrase: string, claim: string, unnamed: (word: { word: string; form: string }) => boolean): boolean {
  // A comparator narrows unless it is the trial's control, or one the question compares with too.
  if (/^(?:more|less|compared|versus|vs)/iu.test(phrase))
    return (
      !CONTROL_COMPARISON.test(phrase) &&
      (!/\b(?:than|compared|versus|vs)\b/iu.test(claim) || ownWords(phrase).some(unnamed))
    );
  return phrase.split(JOINED_PHRASE).some((joined) => {
    let measured = false;
    for (const part of joined.trim().split(PART_START)) {
      if (PHRASE_OPENING.test(part)) measured = false;
      const words = ownWords(part).filter(unnamed);
      const universal = UNIVERSAL.test(part);
      // An age, a sex, a condition, a time or people narrow wherever they stand; what a whole set
      // ranges over ("at any age") does not.
      const qualifiers = universal ? words.filter(({ word }) => !DIMENSION.test(word)) : words;
      if (qualifiers.some(({ word }) => QUALIFIER.test(word) || WHO.test(word) || LIMIT_WORD.test(word))) return true;
      if (universal) continue;
      measured ||= METHOD_OPENING.test(part) || MEASURED_IN.test(part);
      if (measured) {
        if (words.some(({ word }) => GROUPS.test(word))) return true;
        continue;
      }
      const timed = TIMED.exec(part);
      if (timed !== null && !numbersOf(claim).includes(timed[1] ?? timed[2] ?? '')) return true;
      if (words.length > 0 || capitalised(part).some(unnamed)) return true;
    }
    return false;
  });
}

/**
 * Whether a clause narrows its finding to something the question does not name: any phrase of it
 * that narrows (narrowsBy), once groups that together cover everyone are taken out ("in men and
 * women alike"). `unnamed` tells a word the question does not hold.
 */
export function narrowsFinding(
  clause: string,
  claim: string,
  unnamed: (word: { word: string; form: string }) => boolean,
): boolean {
  const text = withoutCoveringGroups(clause).replace(SIGNIFICANCE_LEVEL, ' ');
  return [...text.matchAll(RESTRICTION)].some((restriction) => narrowsBy(restriction[0], claim, unnamed));
}
