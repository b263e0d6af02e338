// An XML export that is not well-formed as a whole (cut short by an interrupted export or a size limit, or
// one record damaged) still holds complete records: each is parsed alone, so the rest are read and only the
// damaged or cut one is reported, at its line. PubMed's and EndNote's records are found by their tag
// (salvageElements); the children of a MODS collection or of an RDF document, whatever their names, by a scan
// of the document's tags (salvageChildren, in xml-children-salvage.ts).
import { lineOf, lineStarts, problemAt } from './locate.ts';
import type { InputProblem, RecordLocation } from './reader.ts';
import { parseXml, type XmlNode } from './xml-document.ts';

/** What a cut-short message says was read before the cut: "the 2 records before it were read". */
export function readBefore(count: number, unit: string): string {
  if (count === 0) return `there is no complete ${unit} before it`;
  return count === 1 ? `the ${unit} before it was read` : `the ${count} ${unit}s before it were read`;
}

/** Says an element was cut short by the end of the file. */
export function cutShort(tag: string, read: string): string {
  return `<${tag}> is cut short: the file ends before its </${tag}> (was the export interrupted?); ${read}`;
}

/** One complete element parsed alone, which of the tags it is, and where it starts in the file. */
export type SalvagedElement = { node: XmlNode; tag: string; location: RecordLocation };

/**
 * The `tag` elements of a document that did not parse whole (several tags, such as PubMed's articles and
 * books, are one sequence of records), each parsed inside `wrap` (the elements that hold it, outermost first),
 * numbered by their place in the file, with a located problem for each that does not parse and for one cut
 * short at the end. `damage` (the whole document's problem) is returned when no element accounts for it.
 */
export function salvageElements(
  text: string,
  file: string,
  tags: string | readonly string[],
  wrap: readonly string[],
  lists: ReadonlySet<string>,
  damage: InputProblem[],
  options: { raw?: readonly string[]; keepSpace?: boolean } = {},
): { elements: SalvagedElement[]; problems: InputProblem[] } {
  const starts = lineStarts(text);
  // Scanned with indexOf within each element's span, not one lazy pattern, so a file of openings without
  // closings stays linear.
  const names = (typeof tags === 'string' ? [tags] : tags).join('|');
  const opening = new RegExp(`<(${names})(?:\\s[^>]{0,2000})?>`, 'g');
  const open = wrap.map((name) => `<${name}>`).join('');
  const close = [...wrap]
    .reverse()
    .map((name) => `</${name}>`)
    .join('');
  const elements: SalvagedElement[] = [];
  const problems: InputProblem[] = [];
  let end = 0;
  let record = 0;
  const following = new RegExp(opening.source, 'g');
  for (let start = opening.exec(text); start !== null; start = opening.exec(text)) {
    const tag = start[1]!;
    const closing = `</${tag}>`;
    // An element ends before the next one opens: one left unclosed does not swallow the records after it.
    following.lastIndex = start.index + 1;
    const next = following.exec(text);
    const within = text.slice(start.index, next?.index ?? text.length).indexOf(closing);
    if (within < 0 && next === null) break;
    record += 1;
    const location = { file, line: lineOf(starts, start.index), record };
    if (within < 0) {
      const message = `this <${tag}> has no </${tag}> before the next record starts (line ${lineOf(starts, next!.index)}); the others were read`;
      problems.push(problemAt(file, location.line, record, null, message));
      end = next!.index;
      opening.lastIndex = end;
      continue;
    }
    end = start.index + within + closing.length;
    opening.lastIndex = end;
    const parsed = parseXml(`${open}${text.slice(start.index, end)}${close}`, file, lists, options);
    const node = 'problems' in parsed ? undefined : elementOf(parsed.document, wrap, tag);
    if (node === undefined) {
      // The column the parser gives is within the record read alone, not the file: it is left out.
      const reason = 'problems' in parsed ? (parsed.problems[0]?.message ?? '') : 'is empty';
      const message = `this <${tag}> ${reason.replace(/ \(column \d+\)$/, '').replace(/\.$/, '')}; the others were read`;
      problems.push(problemAt(file, location.line, record, null, message));
    } else elements.push({ node, tag, location });
  }
  const cut = new RegExp(`<(${names})[\\s>]`).exec(text.slice(end));
  if (cut) {
    const line = lineOf(starts, end + cut.index);
    problems.push(problemAt(file, line, record + 1, null, cutShort(cut[1]!, readBefore(record, 'record'))));
  }
  if (problems.length > 0 || elements.length === 0)
    return { elements, problems: problems.length > 0 ? problems : damage };
  // The damage lies outside every record (closing tags missing at the end): every record was read.
  const read = `; its ${elements.length} complete record${elements.length === 1 ? ' was' : 's were'} read`;
  return { elements, problems: damage.map((problem) => ({ ...problem, message: `${problem.message}${read}` })) };
}

function elementOf(document: XmlNode, wrap: readonly string[], tag: string): XmlNode | undefined {
  let node: unknown = document;
  for (const name of [...wrap, tag]) {
    node = node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as XmlNode)[name] : undefined;
    if (Array.isArray(node)) node = node[0];
  }
  return node !== null && typeof node === 'object' ? (node as XmlNode) : undefined;
}
