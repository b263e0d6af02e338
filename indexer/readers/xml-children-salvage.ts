// The one repair path of the XML exports, whose records are the children of their root or of an element in it,
// whatever their names (PubMed's articles and books, EndNote's <record>s in <records>, a MODS collection's <mods>, an
// RDF document's nodes): a document that is not well-formed is scanned for its children (xml-spans.ts), each is parsed
// alone inside the start tags that hold it, so its namespaces hold, and a damaged, unclosed or cut-short one is
// reported at the line and column of its damage while the others are read.
import { XMLValidator } from 'fast-xml-parser';
import { lineOf, lineStarts, problemAt } from './locate.ts';
import type { InputProblem, RecordLocation } from './reader.ts';
import { type ChildSpan, localName, scanDocument } from './xml-spans.ts';

/**
 * One child of the root read alone: what its reader made of it, its name as written, and where it starts (its record
 * number counts the children of the names read, damaged ones included).
 */
export type SalvagedChild<T> = { value: T; name: string; location: RecordLocation };

/** How a child parsed alone is read: its value, or why it gives none ("is empty"). */
export type ChildReader<T> = (wrapped: string) => { value: T } | { reason: string };

/** What the root must be and what its children are called. */
export type SalvageOptions = {
  /** The local names the root may have ("modsCollection"); another root's document is not repaired. */
  roots: readonly string[];
  /**
   * The local names of the children that are records ("mods"): only they are read, numbered in messages; without
   * them every child is read, and messages name none by number (an RDF node may be a journal or a note).
   */
  records?: ReadonlySet<string>;
  /** What a child is called in messages: "record", "node". */
  unit: string;
  /** The local names of the elements between the root and its children, outermost first (EndNote's ["records"]). */
  within?: readonly string[];
};

/** Entity declarations longer than this are not repeated before each child, nor holder tags this far past the root's. */
const MAX_PROLOG = 16 * 1024;

/**
 * The children of the root of a document that did not parse whole (or of the elements `options.within` names), each
 * read by `read` from itself wrapped in the start tags that hold it (after the prolog, so entities the DOCTYPE declares
 * hold), in document order, with a problem for each that does not parse (at the line and column of its damage), that
 * has no closing tag, or that the end of the file cuts short. `damage`, the whole document's problem, is returned when the damage lies outside every child.
 */
export function salvageChildren<T>(
  text: string,
  file: string,
  damage: readonly InputProblem[],
  read: ChildReader<T>,
  options: SalvageOptions,
): { children: SalvagedChild<T>[]; problems: InputProblem[] } {
  const { records, unit, within = [] } = options;
  const scan = scanDocument(text, records, within);
  // What stands between the root's start tag and the holder's is repeated before each child: a great deal of it there
  // is no export's, and is not repaired.
  if (
    scan.root === null ||
    !options.roots.includes(localName(scan.root)) ||
    scan.holders.length < within.length + 1 ||
    scan.holderTagEnd - scan.rootTagEnd > MAX_PROLOG
  )
    return { children: [], problems: [...damage] };
  const starts = lineStarts(text);
  // Of the prolog, only the entities its DOCTYPE declares are repeated before each child: its comments, the rest of its
  // internal subset and a byte order mark (for which the validator counts no column) are not.
  const entities = entityDeclarations(text.slice(0, scan.rootTagStart));
  const closing = [...scan.holders].reverse().map((name) => `</${name}>`);
  const wrap = { before: entities + text.slice(scan.rootTagStart, scan.holderTagEnd), after: closing.join('') };
  const isRecord = (name: string) => records === undefined || records.has(localName(name));
  const children: SalvagedChild<T>[] = [];
  const problems: InputProblem[] = [];
  let counted = 0;
  const locationOf = (span: { start: number }): RecordLocation => {
    counted += 1;
    return { file, line: lineOf(starts, span.start), record: counted };
  };
  // A problem names its record's number only when the children are records (an RDF node may be a journal, a note).
  const problem = (location: RecordLocation, message: string, line = location.line) =>
    problemAt(file, line, records === undefined ? null : location.record, null, message);
  for (const span of scan.spans.filter((one) => isRecord(one.name))) {
    const location = locationOf(span);
    const others = `the other ${unit}s were read`;
    if (span.unterminated !== undefined) {
      const line = lineOf(starts, span.unterminated);
      const column = span.unterminated - starts[line - 1]! + 1;
      const what = text.startsWith('<!--', span.unterminated)
        ? 'a comment'
        : text.startsWith('<![CDATA[', span.unterminated)
          ? 'a CDATA section'
          : 'markup';
      const message = `is not well-formed XML: ${what} opened here is never closed (column ${column}); this <${span.name}> (from line ${location.line}) was passed over, ${others}`;
      problems.push(problem(location, message, line));
      continue;
    }
    if (!span.closed) {
      problems.push(problem(location, unclosed(span, text, scan.holders.at(-1)!, starts, options)));
      continue;
    }
    const wrapped = `${wrap.before}${text.slice(span.start, span.end)}${wrap.after}`;
    const valid = XMLValidator.validate(wrapped);
    if (valid !== true) {
      const toFile = positionInFile(wrapped, wrap.before.length, entities.length, scan.rootTagStart, span, starts);
      const at = toFile(valid.err.line, valid.err.col);
      const reason = valid.err.msg.replace(/opened in line (\d+), col (\d+)/, (_, line: string, col: string) => {
        const opened = toFile(Number(line), Number(col));
        return `opened in line ${opened.line}, col ${opened.column}`;
      });
      const message = `is not well-formed XML: ${reason} (column ${at.column}); this <${span.name}> (from line ${location.line}) was passed over, ${others}`;
      problems.push(problem(location, message, at.line));
      continue;
    }
    const result = read(wrapped);
    if ('value' in result) children.push({ value: result.value, name: span.name, location });
    else problems.push(problem(location, `this <${span.name}> ${result.reason}; ${others}`));
  }
  const cut = scan.open[within.length + 1];
  // Records are counted; an RDF document's nodes are not, as its journals and notes are nodes too.
  const complete = (count: number) =>
    records !== undefined || count === 0 ? readBefore(count, unit) : `the ${unit}s before it were read`;
  if (cut !== undefined && isRecord(cut.name)) {
    problems.push(problem(locationOf(cut), cutShort(cut.name, complete(children.length))));
  } else if (scan.open.length > 0 && text.slice(scan.spans.at(-1)?.end ?? scan.holderTagEnd).trim() === '') {
    // Cut between two children: each child before the cut was read, but for those reported above.
    const read = problems.length === 0 ? `every ${unit} in it was read` : `its other ${unit}s were read`;
    const message = `the file ends before its ${closing.slice(-scan.open.length).join('')} (was the export interrupted?); ${read}`;
    problems.push(problemAt(file, starts.length, null, null, message));
  }
  if (problems.length > 0 || children.length === 0) {
    return { children, problems: problems.length > 0 ? problems : [...damage] };
  }
  // The damage lies outside every child (text between them, a closing tag missing at the end): every child was read.
  const count = children.length;
  const all =
    records === undefined
      ? `; its complete ${unit}s were read`
      : `; its ${count} complete ${unit}${count === 1 ? ' was' : 's were'} read`;
  return { children, problems: damage.map((problem) => ({ ...problem, message: `${problem.message}${all}` })) };
}

/**
 * Says a child had no closing tag: the next record's opening or its holder's closing tag ended it, at `span.end`. Where
 * records are not told apart (RDF nodes nest), the root's closing tag ends one that took every later child inside it.
 */
function unclosed(
  span: ChildSpan,
  text: string,
  holder: string,
  starts: readonly number[],
  options: SalvageOptions,
): string {
  const { records, unit } = options;
  const tag = span.name;
  const line = lineOf(starts, span.end);
  const before = text.startsWith('</', span.end) ? `</${holder}>` : `the next ${unit} starts`;
  const read =
    records === undefined
      ? `it and the ${unit}s after it were passed over`
      : `it was passed over, the other ${unit}s were read`;
  return `<${tag}> has no </${tag}> before ${before} (line ${line}): ${read}`;
}

/**
 * Turns a line and column the validator gave in `wrapped` (the DOCTYPE's entities, `entityLength` long, then the tags
 * from the root's at `rootStart`, up to `prefixLength`, then the child's text, then the holders' closing tags) into the
 * line and column in the file; a position in the entities is the root's start, one in the closing tag the child's end.
 */
function positionInFile(
  wrapped: string,
  prefixLength: number,
  entityLength: number,
  rootStart: number,
  span: ChildSpan,
  starts: readonly number[],
): (line: number, column: number) => { line: number; column: number } {
  const wrappedStarts = lineStarts(wrapped);
  return (line, column) => {
    const offset = (wrappedStarts[line - 1] ?? 0) + column - 1;
    const inFile =
      offset < prefixLength
        ? rootStart + Math.max(0, offset - entityLength)
        : Math.min(span.start + offset - prefixLength, span.end - 1);
    const fileLine = lineOf(starts, inFile);
    return { line: fileLine, column: inFile - (starts[fileLine - 1] ?? 0) + 1 };
  };
}

const ENTITY = /<!ENTITY(?:[^>"']|"[^"]*"|'[^']*')*>/gu;

/**
 * The entities a prolog's DOCTYPE declares, as a DOCTYPE holding only them ("<!DOCTYPE x [<!ENTITY …>]>"), or "" when
 * it declares none or too many to repeat before each child.
 */
function entityDeclarations(prolog: string): string {
  const doctype = /<!DOCTYPE\s+([^\s[>]+)[^[>]*\[/u.exec(prolog);
  if (doctype === null) return '';
  const declared = prolog.slice(doctype.index).match(ENTITY) ?? [];
  const subset = declared.join('');
  return subset === '' || subset.length > MAX_PROLOG ? '' : `<!DOCTYPE ${doctype[1]} [${subset}]>`;
}

/** What a cut-short message says was read before the cut: "the 2 records before it were read". */
function readBefore(count: number, unit: string): string {
  if (count === 0) return `there is no complete ${unit} before it`;
  return count === 1 ? `the ${unit} before it was read` : `the ${count} ${unit}s before it were read`;
}

/** Says an element was cut short by the end of the file. */
function cutShort(tag: string, read: string): string {
  return `<${tag}> is cut short: the file ends before its </${tag}> (was the export interrupted?); ${read}`;
}
