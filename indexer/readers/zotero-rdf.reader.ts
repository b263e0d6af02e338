// Zotero RDF, as Zotero's File → Export Library… writes it in its "Zotero RDF" format: an <rdf:RDF> of items
// (bib:Article, bib:Book, rdf:Description… each with a z:itemType), the journals and books they are part of, their
// attachments (z:Attachment) and notes (bib:Memo), and the collections (z:Collection) that hold them. Each item is
// read as the Zotero database's are (zotero-fields.ts), its collections' names among its tags; attachments and notes
// are passed over and counted in a notice. The export holds no item keys: an item's id is its DOI, else its arXiv id,
// else a key made from its content, as for RIS (an "#item_12" is local to one export).
import { parseRdf, type RdfElement } from './rdf-document.ts';
import { RdfGraph } from './rdf-graph.ts';
import type { RawRecord, Reader } from './reader.ts';
import { exportedItemFields } from './zotero-export.ts';
import { type PassedOverReason, passedOverNotice } from './zotero-items.ts';
import { rdfItemOf } from './zotero-rdf-items.ts';

const COLLECTION_CLASSES = new Set(['z:Collection', 'bib:Collection']);

/** Reads a Zotero RDF export; each item node is one paper, numbered in the file's order, at the line it starts on. */
export const readZoteroRdf: Reader = (text, file) => {
  const { nodes, problems } = parseRdf(text, file);
  const graph = new RdfGraph(nodes.map((node) => node.element));
  const collections = collectionsOf(
    nodes.map((node) => node.element),
    graph,
  );
  const records: RawRecord[] = [];
  const passedOver: { reason: PassedOverReason; at: number }[] = [];
  for (const [index, { element, line }] of nodes.entries()) {
    const item = rdfItemOf(element, graph);
    if (item === undefined) continue;
    if ('skipped' in item) {
      passedOver.push({ reason: item.skipped, at: line ?? index + 1 });
      continue;
    }
    const name = RdfGraph.nameOf(element);
    const inCollections = name === undefined ? [] : (collections.get(name) ?? []);
    records.push({
      fields: exportedItemFields({ ...item, tags: [...item.tags, ...inCollections] }),
      location: { file, line, record: records.length + 1 },
    });
  }
  const lined = nodes.every((node) => node.line !== null);
  const notices = passedOver.length > 0 ? [passedOverNotice(file, passedOver, lined ? 'lines' : 'entries')] : [];
  return { records, problems, notices };
};

/** The names of the collections (z:Collection) each item is in, by the item's URI: a collection lists its members. */
function collectionsOf(nodes: readonly RdfElement[], graph: RdfGraph): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const node of nodes) {
    if (!COLLECTION_CLASSES.has(graph.typeOf(node))) continue;
    const title = graph.text(node, 'dc:title');
    if (title === '') continue;
    for (const member of node.children.filter((child) => child.name === 'dcterms:hasPart')) {
      const uri = member.attributes['rdf:resource'];
      if (uri !== undefined) names.set(uri, [...(names.get(uri) ?? []), title]);
    }
  }
  return names;
}
