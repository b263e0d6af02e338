// What a null finding stated with a noun of change is about (nominal-null.ts): what it says did not
// change ("stroke risk" of "There was no reduction in stroke risk with aspirin"), what it is an
// effect of ("surgeon experience" of "no effect of surgeon experience on complications"), and the
// groups it compares; whether that is the question's outcome and subject; and whether it describes
// the groups compared before treatment or a control arm rather than a finding ("At baseline, there
// was no difference in cholesterol between the groups", "no difference in BMI or ASA grade").
import { claimSides, OUTCOME_END } from './claim-sides.ts';
import { namesOutcome } from './denied-way.ts';
import { clausesOf } from './finding-clauses.ts';
import { holdsStem } from './own-terms.ts';
import { conceptForms } from './question-concepts.ts';

/** A nominal null finding's parts: what did not change, what it is an effect of, the groups compared ("between …"). */
type NullObject = { object: string; exposure: string | null; between: string; sides: readonly string[] | null };

/** The words of a phrase up to where what it names ends (OUTCOME_END: "aspirin use" of "aspirin use after stroke"). */
function headOf(phrase: string): string {
  const words = phrase.trim().split(/\s+/u);
  const end = words.findIndex((word, i) => i > 0 && OUTCOME_END.test(word));
  return (end < 0 ? words : words.slice(0, end)).join(' ');
}

/**
 * The parts of what follows a noun of change (`rest`: " of surgeon experience on complications after
 * surgery"): "of E on X" names the effect's cause and its outcome; "between A and B" (of an
 * association) its two sides; "between the groups in X" the groups and then what differs; "in",
 * "of", "on", "regarding" or "with regard to" what changed.
 */
function nullObject(written: string): NullObject {
  // "no change from baseline in X" is a change in X.
  const rest = written.replace(/^\s*from\s+baseline\b/iu, '');
  const between = /\bbetween\s+(.*)$/iu.exec(rest)?.[1] ?? '';
  const effect = /^\s*of\s+(.+?)\s+on\s+(.+)$/iu.exec(rest);
  if (effect !== null)
    return { object: headOf(effect[2] ?? ''), exposure: headOf(effect[1] ?? ''), between, sides: null };
  const compared =
    /^\s*between\s+(.+?)\s+(?:in|regarding|with\s+regard\s+to|with\s+respect\s+to|in\s+terms\s+of)\s+(.+)$/iu.exec(
      rest,
    );
  if (compared !== null)
    return { object: headOf(compared[2] ?? ''), exposure: null, between: compared[1] ?? '', sides: null };
  const association = /^\s*between\s+(.+?)\s+(?:and|with)\s+(.+)$/iu.exec(rest);
  if (association !== null)
    return {
      object: '',
      exposure: null,
      between: '',
      sides: [headOf(association[1] ?? ''), headOf(association[2] ?? '')],
    };
  const changed = /^\s*(?:in|of|on|regarding|with\s+regard\s+to|with\s+respect\s+to|in\s+terms\s+of)\s+(.+)$/iu.exec(
    rest,
  );
  return { object: changed === null ? '' : headOf(changed[1] ?? ''), exposure: null, between, sides: null };
}

/** Whether a text holds any of the forms (in another form of their stem too). */
const holdsAny = (text: string, forms: readonly string[]) => {
  const held = conceptForms(text);
  return forms.some((form) => holdsStem(held, form));
};

/**
 * Whether a nominal null finding (the words after its noun, `rest`) is on the claim's outcome, of its
 * subject: what did not change holds none of the claim's subject ("aspirin use after stroke" is the
 * subject's use, for "aspirin reduce stroke") unless the groups it is compared between are the
 * outcome's, and, where the claim names a specific outcome (claimSides), a word of it; what it is an
 * effect of, when named ("no effect of surgeon experience on complications"), holds the subject. Of
 * an association, one side holds the subject and the other the outcome.
 */
export function onClaimOutcome(rest: string, claim: string): boolean {
  const { subject: asked, outcome, specific } = claimSides(claim);
  const subject = asked.filter((form) => !outcome.includes(form));
  const onOutcome = (text: string) => !specific || holdsAny(text, outcome);
  const { object, exposure, between, sides } = nullObject(rest);
  if (sides !== null)
    return sides.some(
      (side, i) =>
        onOutcome(side) && !holdsAny(side, subject) && (subject.length === 0 || holdsAny(sides[1 - i] ?? '', subject)),
    );
  // The subject compared between groups that differ by the outcome ("no difference in gender between
  // those with timely and delayed diagnosis" for "gender associated with delayed diagnosis").
  if (holdsAny(object, subject) && !(specific && holdsAny(object, outcome)))
    return specific && holdsAny(between, outcome);
  if (!onOutcome(object)) return false;
  return exposure === null || subject.length === 0 || holdsAny(exposure, subject);
}

/**
 * A time before the groups were treated, when what they were like is described: "at baseline" (not
 * a change "from baseline" or a "baseline-adjusted" value), "before treatment", "preoperative",
 * "at entry".
 */
const BEFORE_TREATMENT =
  /(?<!\b(?:from|since|over|to|relative\s+to|compared\s+(?:with|to)|versus|vs\.?|above|below)\s+)\bbaseline\b(?![-‐]adjusted)|\b(?:before|prior\s+to)\s+(?:the\s+)?(?:treatment|surgery|operation|intervention|randomi[sz]ation|enrol?lment|therapy|study\s+entry)\b|\bpre-?(?:operative(?:ly)?|treatment|intervention|randomi[sz]ation)\b|\bat\s+(?:study\s+)?(?:entry|enrol?lment|inclusion|randomi[sz]ation)\b/iu;
/** A control arm on its own ("In the placebo group…", "among controls"): a change there is no effect of the treatment. */
const CONTROL_ARM =
  /\b(?:in|among|within)\s+(?:the\s+)?(?:(?:placebo|sham|control|usual[-\s]care|comparison|untreated)[-\s](?:treated\s+)?(?:groups?|arms?|patients|participants|subjects|cohorts?|treated)|controls)\b/iu;
/**
 * What the groups compared were like, named first in what did not differ ("BMI, ASA grade or
 * comorbidity"; not "age-adjusted mortality"), or their characteristics or demographics anywhere.
 */
const CHARACTERISTIC =
  /^(?:(?:the|their|any)\s+)?(age|ages|sex|gender|baseline|demographics?|background|bmi|body\s+mass\s+index|asa|comorbidit(?:y|ies)|race|ethnicity|height)(?![\p{L}-])|\b(characteristics|demographics)\b/iu;

/**
 * Whether a nominal null finding (starting at `index` of the sentence, the words after its noun
 * `rest`) describes the groups compared rather than a finding: in a clause set before treatment
 * ("At baseline, there was no difference in cholesterol between the groups"), in a control arm
 * ("In the placebo group there was no change in cholesterol"), or on what the groups were like ("no
 * difference in BMI, ASA grade or comorbidity", "with regard to sex"; not with an outcome listed
 * beside it, "characteristics or survival": namesOutcome), unless that is the claim's
 * outcome ("Does orlistat reduce BMI?"), or its subject with the groups compared by its outcome
 * ("There was no difference in gender between those with timely and delayed diagnosis" for "Is
 * gender associated with delayed diagnosis?").
 */
export function describesGroups(sentence: string, index: number, rest: string, claim: string): boolean {
  const marked = `${sentence.slice(0, index)}\u0000${sentence.slice(index)}`;
  const clause = clausesOf(marked).find((part) => part.includes('\u0000')) ?? marked;
  if (BEFORE_TREATMENT.test(clause) || CONTROL_ARM.test(clause)) return true;
  const { object, between } = nullObject(rest);
  const characteristic = CHARACTERISTIC.exec(object);
  // Listed with an outcome ("patients' characteristics or survival"), it is a finding on that.
  if (characteristic === null || namesOutcome(object)) return false;
  const { subject, outcome } = claimSides(claim);
  const variable = characteristic[1] ?? characteristic[2] ?? '';
  if (holdsAny(variable, outcome)) return false;
  return !(holdsAny(variable, subject) && holdsAny(between, outcome));
}
