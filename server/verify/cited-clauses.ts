// The parts of a sentence that cite different sources: "A runs on CPUs [1], while B needs GPUs [2]"
// cites [1] for its first clause and [2] for its second. Verify judges each citation against its
// clause, and so does the check of a generated answer, so the two read a sentence the same way.

/** A citation's place in the text; a narrative one ("Lin (2026) shows …") opens the words it cites for. */
export type ClauseMarker = { start: number; end: number; narrative?: true };
export type CitedClause<C extends ClauseMarker> = { start: number; end: number; citations: C[] };

const WORD = /[\p{L}\p{N}]+/gu;

// Words of a span outside its markers.
function wordsOutside(text: string, start: number, end: number, markers: readonly ClauseMarker[]): number {
  let words = 0;
  let position = start;
  for (const m of markers) {
    if (m.end <= position || m.start >= end) continue;
    words += text.slice(position, Math.max(position, m.start)).match(WORD)?.length ?? 0;
    position = Math.max(position, m.end);
  }
  return words + (text.slice(position, end).match(WORD)?.length ?? 0);
}

// A marker that opens its clause and a verb follows ("[1] found …, while [2] reports …") is the
// clause's subject: it cites the words after it, as a narrative citation does.
const CLAUSE_OPENING = /(?:[,;:]|\b(?:and|but|while|whereas|although|though))\s*$/u;
// A lower-case word after the marker that does not join a clause ("…, [1] and B …" cites the words before).
const VERB_AFTER = /^\s+(?!(?:and|but|or|nor|while|whereas|which|that|who|as|so|then)\b)\p{Ll}/u;
function usedAsSubject(text: string, sentenceStart: number, m: ClauseMarker): boolean {
  const before = text.slice(Math.max(sentenceStart, m.start - 24), m.start);
  const opens = before.trim() === '' || CLAUSE_OPENING.test(before);
  return opens && VERB_AFTER.test(text.slice(m.end, m.end + 12));
}

// "As shown in [1], [2] and [3], sinks are structural", "According to [1], …": markers in a phrase
// that opens a clause say where the words after them are shown, and a list of markers ("[1], [2]
// and [3]") is one place: neither ends a clause. "Sinks are similar to [1], but …" still does.
const LEADING_PHRASE =
  /(?:^|[,;:]|\b(?:and|but|while|whereas))\s*(?:as\s+\p{L}+\s+)?(?:in|by|from|see(?:\s+also)?|following|per|cf\.|according\s+to|e\.g\.,?)\s*$/iu;
const LIST_JOIN = /^[\s,;]*(?:(?:and|or|&)\s*)?$/u;

// The markers after which no clause ends: one the list goes on after, and every one of a list in a
// clause's opening phrase.
function markersInPhrase<C extends ClauseMarker>(text: string, sentenceStart: number, markers: readonly C[]): Set<C> {
  const inPhrase = new Set<C>();
  let listStart = 0;
  for (let k = 0; k < markers.length; k++) {
    const m = markers[k]!;
    if (k > 0 && !LIST_JOIN.test(text.slice(markers[k - 1]!.end, m.start))) listStart = k;
    const next = markers[k + 1];
    if (next && next.start > m.end && LIST_JOIN.test(text.slice(m.end, next.start))) inPhrase.add(m);
    const first = markers[listStart]!;
    if (LEADING_PHRASE.test(text.slice(Math.max(sentenceStart, first.start - 60), first.start))) inPhrase.add(m);
  }
  return inPhrase;
}

/**
 * The clauses of a sentence, each with the citations it carries. A sentence is cut after a marker
 * that more words follow ("… [1], while … [7]."), before a narrative marker or one used as a
 * clause's subject that words precede ("…, while Chen (2025) finds …", "…, while [2] finds …"),
 * and at each ";". A clause with no marker of its own takes the next clause's (or, at the end, the
 * previous clause's); markers written after the full stop (`trailing`) belong to the last clause.
 * A clause of fewer than `minWords` words outside its markers ("X [1] is larger than Y [2]": "X")
 * is joined to the next one.
 */
export function citedClauses<C extends ClauseMarker>(
  text: string,
  span: { start: number; end: number },
  markers: readonly C[],
  trailing: readonly C[] = [],
  minWords = 0,
): CitedClause<C>[] {
  const cuts: number[] = [];
  const inPhrase = markersInPhrase(text, span.start, markers);
  for (const m of markers) {
    if (m.narrative || usedAsSubject(text, span.start, m)) {
      if (m.start > span.start && /[\p{L}\p{N}]/u.test(text.slice(span.start, m.start))) cuts.push(m.start);
      continue;
    }
    if (inPhrase.has(m)) continue;
    const after = /^[\s,.;:]*(?=[\p{L}\p{N}(])/u.exec(text.slice(m.end, span.end));
    if (after) cuts.push(m.end + after[0].replace(/\s+$/u, '').length);
  }
  for (let i = text.indexOf(';', span.start); i >= 0 && i < span.end; i = text.indexOf(';', i + 1)) cuts.push(i + 1);
  const bounds = [span.start, ...[...new Set(cuts)].sort((a, b) => a - b), span.end];
  const clauses: CitedClause<C>[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i]!;
    const end = bounds[i + 1]!;
    const own = markers.filter((m) => m.start >= start && m.start < end);
    const last = clauses.at(-1);
    // A cut that leaves only markers: they belong to the clause before.
    if (last && wordsOutside(text, start, end, markers) === 0) {
      last.end = end;
      last.citations.push(...own);
      continue;
    }
    // A clause too short to be judged on its own is read with the next.
    if (last && wordsOutside(text, last.start, last.end, markers) < minWords) {
      last.end = end;
      last.citations.push(...own);
      continue;
    }
    clauses.push({ start, end, citations: own });
  }
  const last = clauses.at(-1);
  const before = clauses.at(-2);
  if (last && before && wordsOutside(text, last.start, last.end, markers) < minWords) {
    before.end = last.end;
    before.citations.push(...last.citations);
    clauses.pop();
  }
  if (clauses.length > 0) clauses.at(-1)!.citations.push(...trailing);
  for (let i = clauses.length - 1; i >= 0; i--) {
    if (clauses[i]!.citations.length === 0) {
      const donor =
        clauses.slice(i + 1).find((c) => c.citations.length > 0) ??
        clauses
          .slice(0, i)
          .reverse()
          .find((c) => c.citations.length > 0);
      if (donor) clauses[i]!.citations = donor.citations.slice();
    }
  }
  return clauses;
}
