// Whether a sentence reads as a finding (results, conclusions, "we found", "X outperforms Y") rather
// than an aim, a design or background ("We compare X with Y"): the stance prefers a finding, and the
// 'evidenceFinding' feature says which.
import { caseless } from '../caseless-pattern.ts';
import type { SentenceReading } from './stance-reading.ts';

const FINDING = caseless(
  /\b(?:results?|conclusions?|(?:we|and)\s+(?:found|show|showed|demonstrate|demonstrated|observed|report)|(?:was|were)\s+(?:associated|observed|found|increased|decreased|reduced|higher|lower)|significantly|indicat\w+|reveal\w*|demonstrat\w*|outperform\w*|underperform\w*|surpass\w*)\b/iu,
);
const AIM = caseless(
  /^(?:\s*(?:objectives?|aims?|background|purpose|importance|context|design|methods?)\b|\s*to\s+(?:determine|evaluate|assess|investigate|examine|explore|compare|test|describe)\b)|\b(?:outcome\s+measures?|primary\s+outcome|secondary\s+outcomes?)\b|\bwhether\b|\b(?:we|this\s+study)\s+(?:investigated|examined|asked|evaluated|assessed|aimed)\b/iu,
);

// "We compare X with Y": what the study compares, before any result.
const COMPARES = caseless(/\b(?:we|this\s+(?:study|paper|work))\s+compare[ds]?\b/iu);
// The result of a comparison: "A was faster", "more accurate than B" ("other than", "rather than"
// compare nothing).
const COMPARATIVE = caseless(
  /\b(?:better|worse|faster|slower|higher|lower|greater|smaller|larger|shorter|longer|stronger|weaker|fewer|cheaper)\b|\b(?:more|less)\s+\w+\s+than\b|\b(?!(?:other|rather|earlier|later)\b)\w+er\s+than\b/iu,
);

/** Whether a sentence reads as a finding rather than an aim, a design or background. */
export function isFinding(text: string): boolean {
  return FINDING.test(text) && !AIM.test(text);
}

/**
 * Whether a sentence only announces what a study sets out to do ("To determine whether…", "We
 * compare X with Y") and states no finding ("…and found A faster", "A was more accurate than B"):
 * the stance is read on it only after the findings that align as well.
 */
export function onlyAnnounces(text: string): boolean {
  return !FINDING.test(text) && (AIM.test(text) || (COMPARES.test(text) && !COMPARATIVE.test(text)));
}

// isFinding of a reading's text, kept with the reading (an evidence sentence is compared with many claims).
const findings = new WeakMap<SentenceReading, boolean>();

export function readsAsFinding(reading: SentenceReading): boolean {
  let finding = findings.get(reading);
  if (finding === undefined) {
    finding = isFinding(reading.text);
    findings.set(reading, finding);
  }
  return finding;
}
