// Where an XML document's root and the elements just inside it start and end, found by a linear scan of its tags
// (comments, CDATA, processing instructions and a DOCTYPE passed over): the root's name before the document is parsed,
// the line each top-level record starts on, and, in a file cut short or damaged, where each record begins and ends.

/** A top-level element: its name as written ("bib:Article"), the offsets of its first and past its last character. */
export type ElementSpan = { name: string; start: number; end: number };

/** A top-level element that ended, and whether its own closing tag (or "/>") ended it rather than what followed. */
export type ChildSpan = ElementSpan & { closed: boolean };

/** What a scan of a document's tags found. */
export type DocumentScan = {
  /** The root element's name as written, or null when the text holds no element. */
  root: string | null;
  /** The offsets of the root's start tag and just past it. */
  rootTagStart: number;
  rootTagEnd: number;
  /**
   * The elements that hold the children, from the root in (EndNote's <xml>, <records>: just the root by default), as
   * written, and the offset just past the first start tag of the innermost.
   */
  holders: string[];
  holderTagEnd: number;
  /** The children (elements just inside the holders) that ended, in document order. */
  spans: ChildSpan[];
  /** The elements still open where the text ends (the root first), each with end -1. */
  open: ElementSpan[];
};

/** An element's name without its prefix ("mods:mods" → "mods"). */
export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * The root's name and start tag, its child elements (in document order) and the elements still open where the text
 * ends. The text need not be well-formed: a closing tag closes the open element of its name and any left open inside
 * it (one naming no open element is passed over), an opening tag of one of `records` (local names, such as MODS's
 * "mods") ends a record of them left open, and a tag, comment or declaration left unterminated ends the scan. Given
 * `within` (local names, such as EndNote's ["records"]), the children are those of the elements of these names nested
 * in that order inside the root, not the root's own.
 */
export function scanDocument(
  text: string,
  records: ReadonlySet<string> = new Set(),
  within: readonly string[] = [],
): DocumentScan {
  const depth = within.length + 1;
  const spans: ChildSpan[] = [];
  const open: ElementSpan[] = [];
  // How many elements of each name are open: a closing tag naming none is passed over without a search of the stack.
  const openNames = new Map<string, number>();
  const push = (element: ElementSpan) => {
    open.push(element);
    openNames.set(element.name, (openNames.get(element.name) ?? 0) + 1);
  };
  const popTo = (depth: number) => {
    for (const element of open.splice(depth)) openNames.set(element.name, openNames.get(element.name)! - 1);
  };
  let root: string | null = null;
  let rootTagStart = 0;
  let rootTagEnd = 0;
  const holders: string[] = [];
  let holderTagEnd = 0;
  // Whether the open elements are the root and the holders `within` names, so that the next one opened is a child.
  const inHolders = () =>
    open.length >= depth && within.every((name, index) => localName(open[index + 1]!.name) === name);
  let at = text.indexOf('<');
  while (at !== -1) {
    const end = markupEnd(text, at);
    if (end === -1) break;
    const name = tagName(text, at);
    if (name !== null) {
      const child = inHolders() ? open[depth] : undefined;
      if (text[at + 1] === '/') {
        const closes = (openNames.get(name) ?? 0) > 0 ? open.findLastIndex((element) => element.name === name) : -1;
        if (closes === depth && child) spans.push({ ...child, end, closed: true });
        // A holder's closing tag (the root's) ends a child left open inside it where that tag starts.
        if (closes !== -1 && closes < depth && child) spans.push({ ...child, end: at, closed: false });
        if (closes !== -1) popTo(closes);
        if (closes === 0) break;
      } else if (root === null) {
        root = name;
        rootTagStart = at;
        rootTagEnd = end;
        holders.push(name);
        holderTagEnd = end;
        if (text[end - 2] === '/') break;
        push({ name, start: at, end: -1 });
      } else {
        // A record opening inside a record left open ends it: a record never holds another.
        if (child && records.has(localName(name)) && records.has(localName(child.name))) {
          spans.push({ ...child, end: at, closed: false });
          popTo(depth);
        }
        const holder = open.length < depth && open.length === holders.length && within[open.length - 1];
        if (holder !== undefined && holder !== false && localName(name) === holder) {
          // The first holder of each depth opened: its start tag is repeated before each child read alone.
          holders.push(name);
          holderTagEnd = end;
        }
        if (text[end - 2] !== '/') push({ name, start: at, end: -1 });
        else if (open.length === depth && inHolders()) spans.push({ name, start: at, end, closed: true });
      }
    }
    at = text.indexOf('<', end);
  }
  return { root, rootTagStart, rootTagEnd, holders, holderTagEnd, spans, open };
}

/**
 * The name of a document's root element as written ("mods:modsCollection"), read past the XML declaration, comments,
 * processing instructions and a DOCTYPE that may stand before it; null when text or nothing stands there instead.
 */
export function rootNameOf(text: string): string | null {
  let at = 0;
  while (at < text.length) {
    while (at < text.length && /\s|\uFEFF/.test(text[at]!)) at += 1;
    if (text[at] !== '<') return null;
    const name = tagName(text, at);
    if (name !== null) return text[at + 1] === '/' ? null : name;
    at = markupEnd(text, at);
    if (at === -1) return null;
  }
  return null;
}

const NAME = /[^\s/>!?]+/y;

/** The name of the element tag at `at` ("<dc:title", "</dc:title"), or null for a comment, CDATA, PI or declaration. */
function tagName(text: string, at: number): string | null {
  const next = text[at + 1];
  if (next === '!' || next === '?') return null;
  NAME.lastIndex = at + (next === '/' ? 2 : 1);
  return NAME.exec(text)?.[0] ?? null;
}

/**
 * The offset just past the markup starting at `at` (a tag, comment, CDATA section, PI or DOCTYPE), or -1 if it is
 * unterminated. Each construct is found with indexOf from where it starts, so a scan stays linear in the text.
 */
function markupEnd(text: string, at: number): number {
  if (text.startsWith('<!--', at)) return after(text, '-->', at + 4);
  if (text.startsWith('<![CDATA[', at)) return after(text, ']]>', at + 9);
  if (text.startsWith('<?', at)) return after(text, '?>', at + 2);
  if (text.startsWith('<!', at)) {
    // A DOCTYPE's internal subset ("[ <!ENTITY …> ]") holds ">" of its own.
    const close = text.indexOf('>', at);
    const subset = text.indexOf('[', at);
    if (subset === -1 || close === -1 || close < subset) return close === -1 ? -1 : close + 1;
    const subsetEnd = text.indexOf(']', subset);
    return subsetEnd === -1 ? -1 : after(text, '>', subsetEnd);
  }
  // A tag ends at the first ">" outside its quoted attribute values.
  for (let i = at + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '>') return i + 1;
    if (char === '"' || char === "'") {
      i = text.indexOf(char, i + 1);
      if (i === -1) return -1;
    }
  }
  return -1;
}

function after(text: string, terminator: string, from: number): number {
  const found = text.indexOf(terminator, from);
  return found === -1 ? -1 : found + terminator.length;
}
