// Where an XML document's root and the elements just inside it start and end, found by a linear scan of its tags
// (comments, CDATA, processing instructions and a DOCTYPE passed over): the root's name before the document is parsed,
// the line each top-level record starts on, and, in a file cut short or damaged, where each record begins and ends.

/** A top-level element: its name as written ("bib:Article"), the offsets of its first and past its last character. */
export type ElementSpan = { name: string; start: number; end: number };

/**
 * A top-level element that ended, whether its own closing tag (or "/>") ended it rather than what followed, and where a
 * comment or CDATA section in it that is never closed starts, if one ended it.
 */
export type ChildSpan = ElementSpan & { closed: boolean; unterminated?: number };

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
 * "mods") ends a record of them left open, and a "<" that opens no markup ("P < 0.001") is text. A second root of the
 * root's name (exports joined into one file) opens again where the first closed, or where it stands inside the first.
 * A comment or CDATA section left unterminated inside the root ends the record it stands in there, marked `unterminated`,
 * and the scan goes on at the next record's opening tag; elsewhere it ends the scan, as an unterminated tag at the
 * text's end does. Given `within` (local names, such as EndNote's ["records"]), the children are those of the elements
 * of these names nested in that order inside the root, not the root's own.
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
  const search = new Search(text);
  let at = text.indexOf('<');
  while (at !== -1) {
    if (!opensMarkup(text, at)) {
      at = text.indexOf('<', at + 1);
      continue;
    }
    const name = tagName(text, at);
    const end = name === null ? markupEnd(search, at) : tagEnd(text, at);
    if (end === -1 && name !== null) {
      // A tag broken off by the next "<" is text; one the text's end cuts short ends the scan.
      at = text.indexOf('<', at + 1);
      continue;
    }
    if (end === -1) {
      const resume = root !== null && open.length > 0 && records.size > 0 ? nextRecord(text, at, records) : -1;
      const child = inHolders() ? open[depth] : undefined;
      if (child) spans.push({ ...child, end: resume === -1 ? text.length : resume, closed: false, unterminated: at });
      if (resume === -1) {
        // Nothing after it is read: no element is left open to be called cut short.
        if (child) popTo(0);
        break;
      }
      popTo(Math.min(open.length, depth));
      at = resume;
      continue;
    }
    if (name !== null) {
      const child = inHolders() ? open[depth] : undefined;
      if (text[at + 1] === '/') {
        const closes = (openNames.get(name) ?? 0) > 0 ? open.findLastIndex((element) => element.name === name) : -1;
        if (closes === depth && child) spans.push({ ...child, end, closed: true });
        // A holder's closing tag (the root's) ends a child left open inside it where that tag starts.
        if (closes !== -1 && closes < depth && child) spans.push({ ...child, end: at, closed: false });
        if (closes !== -1) popTo(closes);
      } else if (root === null) {
        root = name;
        rootTagStart = at;
        rootTagEnd = end;
        holders.push(name);
        holderTagEnd = end;
        if (text[end - 2] === '/') break;
        push({ name, start: at, end: -1 });
      } else if (localName(name) === localName(root)) {
        // Another export joined to the first: its records are read as the first's. Inside the first, it ends a child
        // left open there, and the holders are opened again by their own tags.
        if (child) spans.push({ ...child, end: at, closed: false });
        if (open.length === 0 && text[end - 2] !== '/') push({ name, start: at, end: -1 });
        else popTo(Math.min(open.length, 1));
      } else if (open.length > 0) {
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
  const search = new Search(text);
  let at = 0;
  while (at < text.length) {
    while (at < text.length && /\s|\uFEFF/.test(text[at]!)) at += 1;
    if (text[at] !== '<' || !opensMarkup(text, at)) return null;
    const name = tagName(text, at);
    if (name !== null) return text[at + 1] === '/' ? null : name;
    at = markupEnd(search, at);
    if (at === -1) return null;
  }
  return null;
}

const NAME = /[^\s/>!?<]+/y;
// What may start an element's name: a "<" followed by anything else ("P < 0.001", "<3", "<=") is text.
const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;

/** Whether the "<" at `at` opens markup: a tag, a closing tag, a comment, CDATA, a declaration or a PI. */
function opensMarkup(text: string, at: number): boolean {
  const next = text[at + 1];
  if (next === '!' || next === '?') return true;
  return NAME_START.test((next === '/' ? text[at + 2] : next) ?? '');
}

/** The name of the element tag at `at` ("<dc:title", "</dc:title"), or null for a comment, CDATA, PI or declaration. */
function tagName(text: string, at: number): string | null {
  const next = text[at + 1];
  if (next === '!' || next === '?') return null;
  NAME.lastIndex = at + (next === '/' ? 2 : 1);
  return NAME.exec(text)?.[0] ?? null;
}

/**
 * The offset just past the tag at `at`: its first ">" outside its quoted attribute values; -1 when a "<" (which no
 * attribute value holds) or the text's end comes first, so a scan goes on from that "<" and stays linear.
 */
function tagEnd(text: string, at: number): number {
  let quote: string | null = null;
  for (let i = at + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '<') return -1;
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === '>') return i + 1;
    else if (char === '"' || char === "'") quote = char;
  }
  return -1;
}

/**
 * The offset just past the comment, CDATA section, PI or declaration (a DOCTYPE) at `at`, or -1 if it is unterminated.
 */
function markupEnd(search: Search, at: number): number {
  const text = search.text;
  if (text.startsWith('<!--', at)) return search.after('-->', at + 4);
  if (text.startsWith('<![CDATA[', at)) return search.after(']]>', at + 9);
  if (text.startsWith('<?', at)) return search.after('?>', at + 2);
  // A DOCTYPE's internal subset ("[ <!ENTITY …> ]") holds ">" of its own.
  const close = search.find('>', at);
  const subset = search.find('[', at);
  if (subset === -1 || close === -1 || close < subset) return close === -1 ? -1 : close + 1;
  const subsetEnd = search.find(']', subset);
  return subsetEnd === -1 ? -1 : search.after('>', subsetEnd);
}

/**
 * The offset of the next opening tag after `from` of one of `records` (local names), or -1: where a scan goes on
 * after a comment or CDATA section left open in a record.
 */
function nextRecord(text: string, from: number, records: ReadonlySet<string>): number {
  for (let at = text.indexOf('<', from + 1); at !== -1; at = text.indexOf('<', at + 1)) {
    if (text[at + 1] === '/' || !opensMarkup(text, at)) continue;
    const name = tagName(text, at);
    if (name !== null && records.has(localName(name))) return at;
  }
  return -1;
}

/**
 * Finds terminators in one text, remembering each one's last answer: the same terminator sought again from an offset
 * up to what was found (or anywhere past where none was) is answered without searching, so a text of many unterminated
 * comments is still read in linear time.
 */
class Search {
  private readonly last = new Map<string, { from: number; found: number }>();

  constructor(readonly text: string) {}

  /** The offset of the first `terminator` at or after `from`, or -1. */
  find(terminator: string, from: number): number {
    const last = this.last.get(terminator);
    if (last !== undefined && from >= last.from && (last.found === -1 || from <= last.found)) return last.found;
    const found = this.text.indexOf(terminator, from);
    this.last.set(terminator, { from, found });
    return found;
  }

  /** The offset just past the first `terminator` at or after `from`, or -1. */
  after(terminator: string, from: number): number {
    const found = this.find(terminator, from);
    return found === -1 ? -1 : found + terminator.length;
  }
}
