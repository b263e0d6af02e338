// An RDF/XML document (Zotero's "Zotero RDF" export) as elements in document order whose names carry one prefix per
// namespace ("dc:title", "bib:authors") whatever prefixes the file declares, each top-level node with its line. A file
// cut short or damaged has its complete top-level nodes read, and the damage is reported at its line.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineOf, lineStarts, problemAt } from './locate.ts';
import type { InputProblem } from './reader.ts';
import { type ElementSpan, topLevelSpans } from './xml-spans.ts';

/** An element: its name with its namespace's prefix, its attributes (likewise named), its element children and its text. */
export type RdfElement = {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: RdfElement[];
  text: string;
};

/** A node just inside the document's root, and the 1-based line it starts on (when the scan of the text found it). */
export type TopNode = { element: RdfElement; line: number | null };

/** The prefix each namespace is known by here, as Zotero declares them; older Dublin Core and PRISM namespaces alike. */
const PREFIXES: ReadonlyMap<string, string> = new Map([
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
  ['http://www.zotero.org/namespaces/export#', 'z'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/elements/1.0/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
  ['http://purl.org/net/biblio#', 'bib'],
  ['http://xmlns.com/foaf/0.1/', 'foaf'],
  ['http://purl.org/rss/1.0/modules/link/', 'link'],
  ['http://prismstandard.org/namespaces/1.2/basic/', 'prism'],
  ['http://prismstandard.org/namespaces/basic/2.0/', 'prism'],
  ['http://prismstandard.org/namespaces/basic/2.1/', 'prism'],
  ['http://nwalsh.com/rdf/vCard#', 'vcard'],
  ['http://www.w3.org/XML/1998/namespace', 'xml'],
]);

/** The name of a URI in a known namespace ("http://purl.org/net/biblio#Article" → "bib:Article"), else the URI. */
export function nameOfUri(uri: string): string {
  for (const [namespace, prefix] of PREFIXES) {
    if (uri.startsWith(namespace) && uri.length > namespace.length) return `${prefix}:${uri.slice(namespace.length)}`;
  }
  return uri;
}

/**
 * The nodes of an RDF/XML document and the problems met reading it: a document that is not XML, or whose root is not
 * <rdf:RDF>, gives none; one cut short or damaged gives the nodes complete before the damage.
 */
export function parseRdf(text: string, file: string): { nodes: TopNode[]; problems: InputProblem[] } {
  const scan = topLevelSpans(text);
  const valid = XMLValidator.validate(text);
  if (valid === true) return readWhole(text, file, scan.spans);
  const starts = lineStarts(text);
  const reportedAt = (starts[valid.err.line - 1] ?? text.length) + Math.max(valid.err.col - 1, 0);
  // The validator reports a document that ends with elements open at its first line, and one cut inside its last tag
  // at that tag; the scan knows which elements were left open.
  const endedOpen =
    scan.open.length > 0 &&
    (/^(?:Unclosed tag|Invalid '\[)/.test(valid.err.msg) || text.lastIndexOf('<') <= reportedAt);
  const cut = endedOpen ? (scan.open[1] ?? null) : null;
  const damageAt = endedOpen ? (cut?.start ?? text.length) : reportedAt;
  const problem = endedOpen
    ? cut === null
      ? problemAt(
          file,
          starts.length,
          null,
          null,
          `the file ends before its </${scan.root}> (was the export interrupted?)`,
        )
      : problemAt(
          file,
          lineOf(starts, cut.start),
          null,
          null,
          `<${cut.name}> is cut short: the file ends before its </${cut.name}> (was the export interrupted?)`,
        )
    : problemAt(file, valid.err.line, null, null, `is not well-formed XML: ${valid.err.msg} (column ${valid.err.col})`);
  const complete = scan.spans.filter((span) => span.end <= damageAt);
  const last = complete.at(-1);
  if (last === undefined || scan.root === null) return { nodes: [], problems: [problem] };
  // The complete nodes, still at their lines, closed as the file would have closed them.
  const salvaged = readWhole(`${text.slice(0, last.end)}\n</${scan.root}>`, file, complete);
  if (salvaged.problems.length > 0) return { nodes: [], problems: [problem] };
  const read = !endedOpen
    ? 'the nodes complete before it were read, the rest of the file was not'
    : cut === null
      ? 'every node in it was read'
      : 'the nodes before it were read';
  return { nodes: salvaged.nodes, problems: [{ ...problem, message: `${problem.message}; ${read}` }] };
}

/** A well-formed document's nodes, each at the line its span starts on when the spans are exactly its nodes. */
function readWhole(text: string, file: string, spans: readonly ElementSpan[]): ReturnType<typeof parseRdf> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: true,
  });
  let ordered: unknown;
  try {
    ordered = parser.parse(text);
  } catch (error) {
    const message = `could not be read as XML: ${error instanceof Error ? error.message : String(error)}`;
    return { nodes: [], problems: [problemAt(file, 1, null, null, message)] };
  }
  const root = (Array.isArray(ordered) ? ordered : []).map((entry) => toElement(entry, new Map())).find(Boolean);
  if (root?.name !== 'rdf:RDF') {
    const message = `expected a Zotero RDF export (<rdf:RDF>), found <${root?.name ?? 'nothing'}>`;
    return { nodes: [], problems: [problemAt(file, 1, null, null, message)] };
  }
  const starts = lineStarts(text);
  const lined = spans.length === root.children.length;
  const nodes = root.children.map((element, index) => ({
    element,
    line: lined ? lineOf(starts, spans[index]!.start) : null,
  }));
  return { nodes, problems: [] };
}

type Scope = ReadonlyMap<string, string>;

/** One entry of the parser's ordered output as an element with resolved names; null for text, comments and PIs. */
function toElement(entry: unknown, outer: Scope): RdfElement | null {
  if (entry === null || typeof entry !== 'object') return null;
  const record = entry as Record<string, unknown>;
  const tag = Object.keys(record).find((key) => key !== ':@' && !key.startsWith('#') && !key.startsWith('?'));
  if (tag === undefined) return null;
  const written = (record[':@'] ?? {}) as Record<string, unknown>;
  const scope = new Map(outer);
  for (const [name, value] of Object.entries(written)) {
    if (name === 'xmlns') scope.set('', String(value));
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), String(value));
  }
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(written)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) attributes[resolve(name, scope, false)] = String(value);
  }
  const children: RdfElement[] = [];
  let text = '';
  for (const child of Array.isArray(record[tag]) ? (record[tag] as unknown[]) : []) {
    const element = toElement(child, scope);
    if (element) children.push(element);
    else if (child !== null && typeof child === 'object' && '#text' in child) text += String(child['#text']);
  }
  return { name: resolve(tag, scope, true), attributes, children, text };
}

/**
 * A written name with its namespace's known prefix: "dcterms:abstract" stays so, an element in an undeclared
 * prefix is read by the prefix Zotero gives it, one in an unknown namespace is named "{namespace}local".
 */
function resolve(name: string, scope: Scope, element: boolean): string {
  const colon = name.indexOf(':');
  // An attribute without a prefix is in no namespace; an element without one is in the default namespace.
  if (colon === -1 && !element) return name;
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const local = name.slice(colon + 1);
  const namespace = scope.get(prefix);
  if (namespace === undefined) return name;
  const known = PREFIXES.get(namespace);
  return known === undefined ? `{${namespace}}${local}` : `${known}:${local}`;
}
