// What databases add to an abstract that is not the paper's text: Scopus's "[No abstract available]"
// placeholder, an "Abstract:" label, and the publisher's copyright statement ("© 2020 Elsevier Ltd. All
// rights reserved.", WoS's "(C) 2019 Elsevier Ltd.", PubMed's "Copyright © 2020 …", PsycInfo's record line,
// EBSCO's "Copyright of … is the property of …" notice), and Springer's supplementary-material pointer.

/** An abstract without its boilerplate, and the copyright statement taken off it (kept as metadata). */
export type AbstractParts = { text: string; copyright: string | null };

/** The copyright statement taken off an abstract is at most this long (open-access licence sentences included). */
const MAX_STATEMENT_CHARS = 400;

// No two "\s*" meet (as "\s*[[(]?\s*" would when the bracket is absent): each would retry the other's run.
const PLACEHOLDER =
  /^\s*(?:[[(]\s*)?(?:no abstract(?: is)? available|abstract not available|no abstract)\s*(?:\.\s*)?(?:[\])]\s*)?$/i;
// "Abstract: …", "ABSTRACT. …", "Abstract — …"; a bare "Abstract" only in capitals ("ABSTRACT Background: …"),
// since "Abstract syntax trees are…" opens an abstract with the word.
const LABELS = [/^\s*(?:abstract|summary)\s*(?:[:.]|[—–-](?=\s))\s*/i, /^\s*ABSTRACT\s+(?=\p{Lu})/u];
// How a statement begins ("(c)" only before a year, "the author(s)" or "Crown"; "Copyright" only before a "©",
// "(c)", a year, an owner or "by"), always at a sentence's start: "see © 2020." inside a sentence is text, and
// "(c) the role of …" in a list or "Copyright of software is …" opening a sentence is text too.
const MARKER =
  /©|\(c\)(?=\s*(?:\d{4}|the\s+authors?\b|crown\b))|\b(?:crown\s+)?copyright\b(?=\s*(?:©|\(c\)|\d{4}|the\b|by\b))/giu;
// What a statement holds that a sentence of the paper seldom does; a marked sentence without one is text.
const STATEMENT_EVIDENCE = /©|\b\d{4}\b|rights reserved|licen[cs]e|published by/iu;
const SENTENCE_BEFORE = /(?:^|[.!?;:)\]"”’])\s*$/u;
// Statements that stand at the end without a marker at their start. No pattern here opens with "\s*": unanchored,
// that retries a long whitespace run from each of its positions (quadratic); the text is trimmed instead.
const TRAILING_NOTICES = [
  /\bThis article is protected by copyright\.?(?:\s*All rights reserved\.?)?\s*$/i,
  /\(Psyc(?:INFO|Info) Database Record \(c\) \d{4} APA,? all rights reserved\)\.?\s*$/i,
  // EBSCO: "Copyright of <journal> is the property of <publisher> and its content may not be copied … (Copyright
  // applies to all Abstracts.)", longer than a publisher's statement.
  /\bCopyright of\b[\s\S]{1,300}?\bis the property of\b[\s\S]{1,300}?\bmay not be copied\b[\s\S]{0,900}$/i,
];
// Springer's pointer to supplementary files ("ELECTRONIC SUPPLEMENTARY MATERIAL: The online version of this article
// (doi:…) contains supplementary material, which is available to authorized users."): dropped wherever it stands.
const SUPPLEMENT_NOTICE =
  /\bElectronic supplementary material\b:?\s*The online version of this article\b[\s\S]{0,200}?\bsupplementary material\b[^.]{0,100}\.(?=\s|$)\s*/i;
// A statement at the start ends with its first sentence; these sentences belong to it when they follow.
const STATEMENT_SENTENCE =
  /^(?:all rights reserved|published by|this is an open access article|licensee|under exclusive licen[cs]e)/i;
const SENTENCE_END = /[.!?](?=\s+["“(]?\p{Lu}|\s*$)/gu;

/**
 * Takes an abstract's boilerplate off its (cleaned) text: a placeholder becomes "", a leading "Abstract:"
 * label goes, and a copyright statement at its end (or its start) is returned apart. Text that only
 * mentions copyright mid-sentence is left as it is.
 */
export function splitAbstractBoilerplate(abstract: string): AbstractParts {
  if (PLACEHOLDER.test(abstract)) return { text: '', copyright: null };
  let text = LABELS.reduce((rest, label) => rest.replace(label, ''), abstract)
    .replace(SUPPLEMENT_NOTICE, '')
    .trimEnd();
  const trailing: string[] = [];
  for (const notice of TRAILING_NOTICES) {
    const found = notice.exec(text);
    if (found) {
      trailing.unshift(found[0].trim());
      text = text.slice(0, found.index).trimEnd();
    }
  }
  const leadingEnd = leadingStatementEnd(text);
  const leading = leadingEnd === null ? null : text.slice(0, leadingEnd).trim();
  if (leadingEnd !== null) text = text.slice(leadingEnd);
  const trailingStart = trailingStatement(text);
  if (trailingStart !== null) {
    trailing.unshift(text.slice(trailingStart).trim());
    text = text.slice(0, trailingStart);
  }
  const statements = leading === null ? trailing : [leading, ...trailing];
  return { text: text.trim(), copyright: statements.length > 0 ? statements.join(' ') : null };
}

/** Where the statement that ends the text begins: the first marker at a sentence start with a short tail. */
function trailingStatement(text: string): number | null {
  for (const match of text.matchAll(MARKER)) {
    const start = match.index;
    if (start === 0 || text.length - start > MAX_STATEMENT_CHARS) continue;
    if (!SENTENCE_BEFORE.test(text.slice(0, start))) continue;
    if (!STATEMENT_EVIDENCE.test(text.slice(start))) continue;
    return start;
  }
  return null;
}

/** Where a statement that opens the text ends (after its first sentence and those that belong to it). */
function leadingStatementEnd(text: string): number | null {
  const opening = new RegExp(MARKER.source, 'iuy');
  if (!opening.test(text)) return null;
  let end = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const next = match.index + 1;
    if (end > 0 && !STATEMENT_SENTENCE.test(text.slice(end).trimStart())) break;
    end = next;
  }
  if (end === 0 || end > MAX_STATEMENT_CHARS) return null;
  return STATEMENT_EVIDENCE.test(text.slice(0, end)) ? end : null;
}
