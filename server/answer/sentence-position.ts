// Where a cited sentence stands in its abstract: after the first sentence that states the study's
// aim or method, where an abstract reports its results, or before it, where it sets out background.
import { sentenceSpans } from '../../indexer/passages/split-passages.ts';

/**
 * A sentence of the study's own aim or design: the authors or the study as its subject ("we
 * examined", "Here, …", "This study…", "The following paper elucidates…"), an aim or a section label
 * ("The aim was…", "To determine whether…", "METHODS:"), or a method in the passive ("Patients were
 * randomised…", "Leaves were stained…").
 */
const AIM_OR_METHOD = new RegExp(
  [
    String.raw`\b(?:we|our|here)\b`,
    String.raw`\b(?:this|the\s+present|the\s+current|the\s+following)\s+(?:study|report|paper|review|trial|work|analysis|investigation|survey|article)\b`,
    String.raw`\b(?:aims?|aimed|purpose|objectives?|goals?)\b`,
    String.raw`^\s*to\s+(?:determine|evaluate|assess|investigate|examine|explore|compare|test|describe|identify|study|estimate)\b`,
    String.raw`\b(?:was|were)\s+(?:\p{L}+ly\s+)?(?:randomi[sz]ed|enrolled|included|recruited|assigned|allocated|measured|assessed|evaluated|collected|obtained|performed|analy[sz]ed|screened|studied|examined|followed|interviewed|surveyed|selected|stained|taken|asked|carried\s+out|conducted|undertaken|administered|divided|classified|categori[sz]ed|matched|initiated|recorded|extracted|sequenced|reviewed|treated|injected|exposed|incubated|genotyped|scanned|tested|compared|calculated|determined|investigated|identified|used)\b`,
  ].join('|'),
  'iu',
);
/** A section label in capitals ("METHODS:", "RESULTS"). */
const SECTION_LABEL = /\b(?:METHODS?|RESULTS?|FINDINGS|DESIGN|PARTICIPANTS|SETTING|PATIENTS)\b/u;

/** Whether a sentence states the study's aim or method, or opens a section of methods or results. */
export function statesAimOrMethod(sentence: string): boolean {
  return AIM_OR_METHOD.test(sentence) || SECTION_LABEL.test(sentence);
}

/**
 * Whether the sentence of an abstract that starts at `start` comes after the abstract's first
 * sentence of aim or method (statesAimOrMethod): there an abstract reports what the study found, so
 * a plainly stated result ("All cultures were negative") is a finding; before it, the same wording
 * is background ("Trauma patients who require anticoagulation pose a difficult problem").
 */
export function afterFirstAim(abstract: string, start: number): boolean {
  for (const span of sentenceSpans(abstract)) {
    if (span.end > start) return false;
    if (statesAimOrMethod(abstract.slice(span.start, span.end))) return true;
  }
  return false;
}
