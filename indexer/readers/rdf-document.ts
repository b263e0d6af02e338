// An RDF/XML document (Zotero's "Zotero RDF" export) as elements in document order whose names carry one prefix per
// namespace ("dc:title", "bib:authors") whatever prefixes the file declares, each top-level node with its line. A file
// cut short or damaged has every top-level node that parses alone read, and the damage is reported at its line.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineOf, lineStarts, problemAt } from './locate.ts';
import type { InputProblem } from './reader.ts';
import { salvageChildren } from './xml-children-salvage.ts';
import { parseValidated, XML_PARSER_OPTIONS } from './xml-document.ts';
import { scanDocument } from './xml-spans.ts';

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
 * <rdf:RDF>, gives none; one cut short or damaged gives every node that parses alone (xml-children-salvage.ts).
 */
export function parseRdf(text: string, file: string): { nodes: TopNode[]; problems: InputProblem[] } {
  const valid = XMLValidator.validate(text);
  if (valid === true) {
    const root = readRoot(text, file);
    if ('problems' in root) return { nodes: [], problems: root.problems };
    // Each node at the line its span starts on, when the spans are exactly the nodes.
    const { spans } = scanDocument(text);
    const starts = lineStarts(text);
    const lined = spans.length === root.element.children.length;
    const nodes = root.element.children.map(
      (element, index): TopNode => ({
        element,
        line: lined ? lineOf(starts, spans[index]!.start) : null,
      }),
    );
    return { nodes, problems: [] };
  }
  // The validator gives no column for some damage (a comment never closed before the root).
  const column = valid.err.col === undefined ? '' : ` (column ${valid.err.col})`;
  const message = `is not well-formed XML: ${valid.err.msg}${column}`;
  const damage = [problemAt(file, valid.err.line, null, null, message)];
  const salvaged = salvageChildren<RdfElement>(
    text,
    file,
    damage,
    (wrapped) => {
      const root = readRoot(wrapped, file);
      if ('problems' in root) return { reason: root.problems[0]?.message ?? 'could not be read' };
      const [element] = root.element.children;
      return element === undefined ? { reason: 'is empty' } : { value: element };
    },
    { roots: ['RDF'], unit: 'node' },
  );
  return {
    nodes: salvaged.children.map(({ value, location }) => ({ element: value, line: location.line })),
    problems: salvaged.problems,
  };
}

const PARSER = new XMLParser({ ...XML_PARSER_OPTIONS, attributeNamePrefix: '', preserveOrder: true });

/** A well-formed document's root as an element with resolved names, or why it is no RDF document. */
function readRoot(text: string, file: string): { element: RdfElement } | { problems: InputProblem[] } {
  const parsed = parseValidated(PARSER, text, file);
  if ('problems' in parsed) return parsed;
  const ordered = parsed.parsed;
  const root = (Array.isArray(ordered) ? ordered : []).map((entry) => toElement(entry, new Map())).find(Boolean);
  if (root?.name !== 'rdf:RDF') {
    const message = `expected a Zotero RDF export (<rdf:RDF>), found <${root?.name ?? 'nothing'}>`;
    return { problems: [problemAt(file, 1, null, null, message)] };
  }
  return { element: root };
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
