// The statements of an RDF/XML document as a reader asks for them: a node's type, the values of one of its
// properties (text, a node written inside it, or a node written elsewhere and named by rdf:resource), and how many
// nodes point to each node (a journal an article is part of is no item of its own; one several articles share holds
// none's volume or DOI).
import { nameOfUri, type RdfElement } from './rdf-document.ts';

/** What a property holds: text, or a node (written in place or elsewhere), or the URI of a node the document lacks. */
export type RdfValue = { text: string } | { node: RdfElement } | { uri: string };

/** Properties whose targets remain items of their own: a collection's members, an item's related items. */
const MEMBERSHIP = new Set(['dcterms:hasPart', 'dc:relation']);

/** A document's nodes, found by the URI or node id they are named by. */
export class RdfGraph {
  private readonly byName = new Map<string, RdfElement>();
  /** The nodes pointing to each named node, by its name. */
  private readonly pointers = new Map<string, Set<RdfElement>>();

  /** Indexes the top-level `nodes` and every node written inside them. */
  constructor(nodes: readonly RdfElement[]) {
    for (const node of nodes) this.index(node);
  }

  /** The URI (rdf:about) or blank node id (rdf:nodeID) a node is named by, or undefined. */
  static nameOf(node: RdfElement): string | undefined {
    return node.attributes['rdf:about'] ?? node.attributes['rdf:nodeID'];
  }

  /** Whether a node other than a collection (or an item relating to it) points to the node named `name`. */
  isPointedTo(name: string): boolean {
    return this.pointers.has(name);
  }

  /** Whether several nodes point to `node` (a journal two articles are part of): its volume or DOI is none's alone. */
  isShared(node: RdfElement): boolean {
    const name = RdfGraph.nameOf(node);
    return name !== undefined && (this.pointers.get(name)?.size ?? 0) > 1;
  }

  /** A node's type: its element's name ("bib:Article"), or for an rdf:Description its first rdf:type. */
  typeOf(node: RdfElement): string {
    if (node.name !== 'rdf:Description') return node.name;
    const type = node.children.find((child) => child.name === 'rdf:type');
    const uri = type?.attributes['rdf:resource'];
    return uri === undefined ? node.name : nameOfUri(uri);
  }

  /** The values of `property` on `node`, in document order. */
  values(node: RdfElement, property: string): RdfValue[] {
    return node.children.filter((child) => child.name === property).flatMap((child) => this.valuesOf(child));
  }

  /** The nodes `property` of `node` names, written in place or elsewhere. */
  nodes(node: RdfElement, property: string): RdfElement[] {
    return this.values(node, property).flatMap((value) => ('node' in value ? [value.node] : []));
  }

  /** The first non-blank text of `property` on `node`, trimmed, or "". */
  text(node: RdfElement, property: string): string {
    return firstText(this.values(node, property));
  }

  /** What a property element holds: the node it names, the nodes written inside it, or its text. */
  valuesOf(property: RdfElement): RdfValue[] {
    const named = property.attributes['rdf:resource'] ?? property.attributes['rdf:nodeID'];
    if (named !== undefined) {
      const node = this.byName.get(named);
      return [node === undefined ? { uri: named } : { node }];
    }
    // rdf:parseType="Resource": the property element holds the properties of an unnamed node itself.
    if (property.attributes['rdf:parseType'] === 'Resource')
      return [{ node: { ...property, name: 'rdf:Description' } }];
    if (property.children.length > 0) return property.children.map((node) => ({ node }));
    return [{ text: property.text }];
  }

  private index(node: RdfElement): void {
    const name = RdfGraph.nameOf(node);
    if (name !== undefined && !this.byName.has(name)) this.byName.set(name, node);
    for (const property of node.children) {
      const target = property.attributes['rdf:resource'] ?? property.attributes['rdf:nodeID'];
      if (target !== undefined && !MEMBERSHIP.has(property.name)) {
        this.pointers.set(target, (this.pointers.get(target) ?? new Set()).add(node));
      }
      for (const inner of property.children) this.index(inner);
    }
  }
}

/** The first non-blank text among `values`, trimmed, or "". */
export function firstText(values: readonly RdfValue[]): string {
  for (const value of values) {
    if ('text' in value && value.text.trim() !== '') return value.text.trim();
  }
  return '';
}
