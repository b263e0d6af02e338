// A node of a Zotero RDF export as the Zotero item it was written from: its type (z:itemType), its fields under
// Zotero's names (the title of the journal, book or proceedings it is part of, its publisher, its DOI and ISBN written
// as "DOI 10.…" identifiers, its URL), its creators by role (bib:authors, bib:editors, z:programmers…) and its tags,
// as Zotero's "Zotero RDF" translator writes them; or, for a note or a file, that it holds no paper.
import type { RdfElement } from './rdf-document.ts';
import { firstText, RdfGraph, type RdfValue } from './rdf-graph.ts';
import type { ZoteroCreator, ZoteroItem } from './zotero-fields.ts';
import { containerTitleField, publisherField, typeField } from './zotero-item-types.ts';
import type { PassedOverReason } from './zotero-items.ts';

/** The item types of nodes without z:itemType, by their class, as Zotero's RDF importer reads them. */
const CLASS_TYPES: Readonly<Record<string, string>> = {
  'bib:Article': 'journalArticle',
  'bib:Book': 'book',
  'bib:BookSection': 'bookSection',
  'bib:Thesis': 'thesis',
  'bib:Report': 'report',
  'bib:Manuscript': 'manuscript',
  'bib:Letter': 'letter',
  'bib:Patent': 'patent',
  'bib:Document': 'webpage',
};
/** Classes of the nodes Zotero writes for what holds no work of its own. */
const PASSED_OVER_CLASSES: Readonly<Record<string, PassedOverReason>> = {
  'bib:Memo': 'note',
  'z:Attachment': 'attachment',
};
const PASSED_OVER_TYPES: ReadonlySet<string> = new Set(['note', 'attachment', 'annotation']);
/** Zotero's three creator roles in the Bibliontology namespace; every other role is z:<role>s. */
const BIBLIO_ROLES: Readonly<Record<string, string>> = {
  'bib:authors': 'author',
  'bib:editors': 'editor',
  'bib:contributors': 'contributor',
};
/** Call numbers, written as subjects of these classes. */
const CALL_NUMBER_CLASSES = new Set(['dcterms:LCC', 'dcterms:DDC', 'dcterms:UDC']);
/** Properties of an item kept under Zotero's field name; the rest are read below or not at all (links to files, notes). */
const ITEM_FIELDS: Readonly<Record<string, string>> = {
  'dc:title': 'title',
  'dcterms:abstract': 'abstractNote',
  'dc:date': 'date',
  'dcterms:issued': 'issueDate',
  'dcterms:dateSubmitted': 'accessDate',
  'bib:pages': 'pages',
  'prism:volume': 'volume',
  'prism:number': 'number',
  'prism:edition': 'edition',
  'dcterms:alternative': 'journalAbbreviation',
  'dc:rights': 'rights',
  'dc:coverage': 'archiveLocation',
  'dcterms:medium': 'medium',
  'dc:language': 'language',
};
const IDENTIFIER = /^\s*(DOI|ISBN|ISSN)\s+(\S.*?)\s*$/i;
/** Zotero's properties read apart from the other z: fields: the item's type, and Extra (with dc:description). */
const READ_APART = new Set(['z:itemType', 'z:type', 'z:extra']);

/** A node read as a Zotero item, or why it was passed over; undefined for a node that is no item (a journal, a collection). */
export type RdfItem = ZoteroItem | { skipped: PassedOverReason };

/**
 * The item a top-level node was written from: any node with a z:itemType, or, without one, a node of an item's class
 * (bib:Article, bib:Book…) that no other node points to (a book a chapter is part of is the chapter's container).
 */
export function rdfItemOf(node: RdfElement, graph: RdfGraph): RdfItem | undefined {
  const type = graph.typeOf(node);
  const declared = graph.text(node, 'z:itemType') || graph.text(node, 'z:type');
  const skipped = PASSED_OVER_CLASSES[type] ?? (PASSED_OVER_TYPES.has(declared) ? declared : undefined);
  if (skipped !== undefined) return { skipped: skipped as PassedOverReason };
  const name = RdfGraph.nameOf(node);
  const itemType = declared || (name !== undefined && graph.isPointedTo(name) ? undefined : CLASS_TYPES[type]);
  if (itemType === undefined) return undefined;
  const values = new Map<string, string>();
  const creators: ZoteroCreator[] = [];
  const tags: string[] = [];
  const set = (field: string, value: string) => {
    const text = value.trim();
    if (text !== '' && !values.has(field)) values.set(field, text);
  };
  for (const property of node.children) {
    const held = graph.valuesOf(property);
    const field = ITEM_FIELDS[property.name];
    const role = BIBLIO_ROLES[property.name] ?? creatorRole(property);
    if (field !== undefined) set(field, firstText(held));
    else if (property.name === 'dc:type') set(typeField(itemType), firstText(held));
    else if (property.name === 'bib:presentedAt') set('conferenceName', titleGiven(held, graph));
    else if (role !== undefined) {
      creators.push(...creatorNames(held, graph).map((name) => ({ creatorType: role, name })));
    } else if (property.name.startsWith('z:') && !READ_APART.has(property.name)) {
      set(property.name.slice(2), firstText(held));
    }
  }
  // Properties read by value, once each (an element may be written several times: several subjects). Zotero writes
  // Extra as dc:description; another tool's description is the work's, not lines of "DOI:" and "arXiv:" to read ids from.
  const description = [...graph.values(node, 'dc:description'), ...graph.values(node, 'z:extra')]
    .flatMap((value) => ('text' in value && value.text.trim() !== '' ? [value.text.trim()] : []))
    .join('\n');
  set(declared ? 'extra' : 'abstractNote', description);
  readDcIdentifiers(node, graph, set);
  readSubjects(node, graph, set, tags);
  readPublisher(
    node,
    graph,
    (value) => set(publisherField(itemType), value),
    (place) => set('place', place),
  );
  readContainers(node, graph, itemType, set);
  return { itemType, values, creators, tags };
}

/** A creator role written in Zotero's namespace ("z:programmers" → "programmer"), when the property holds people. */
function creatorRole(property: RdfElement): string | undefined {
  if (!property.name.startsWith('z:') || !property.name.endsWith('s') || property.children.length === 0)
    return undefined;
  return property.name.slice(2, -1);
}

/** The people of a creator property: the members (rdf:li) of an rdf:Seq (or Bag) of foaf:Person nodes, or the people themselves. */
function creatorNames(values: readonly RdfValue[], graph: RdfGraph): ZoteroCreator['name'][] {
  return values.flatMap((value) => {
    if ('text' in value) return value.text.trim() === '' ? [] : [{ literal: value.text.trim() }];
    if (!('node' in value)) return [];
    const container = ['rdf:Seq', 'rdf:Bag', 'rdf:Alt'].includes(value.node.name);
    const members = container
      ? value.node.children.filter((child) => child.name === 'rdf:li').flatMap((li) => graph.valuesOf(li))
      : [value];
    return members.flatMap((member) => {
      if ('node' in member) return nameOfPerson(member.node, graph);
      return 'text' in member && member.text.trim() !== '' ? [{ literal: member.text.trim() }] : [];
    });
  });
}

/** A foaf:Person's name as Zotero held it: given and family name apart, or a family name alone kept whole (a body). */
function nameOfPerson(person: RdfElement, graph: RdfGraph): ZoteroCreator['name'][] {
  const first = (properties: string[]) => properties.map((p) => graph.text(person, p)).find((v) => v !== '') ?? '';
  const lastName = first(['foaf:surname', 'foaf:familyName', 'foaf:lastName', 'foaf:family_name']);
  const firstName = first(['foaf:givenName', 'foaf:givenname', 'foaf:firstName']);
  if (lastName === '' && firstName === '') {
    const whole = graph.text(person, 'foaf:name');
    return whole === '' ? [] : [{ literal: whole }];
  }
  return [firstName === '' ? { literal: lastName } : { firstName, lastName }];
}

/** The title a property gives: its text, or the dc:title of the node it names (a bib:Conference). */
function titleGiven(values: readonly RdfValue[], graph: RdfGraph): string {
  for (const value of values) {
    if ('text' in value && value.text.trim() !== '') return value.text;
    const title = 'node' in value ? graph.text(value.node, 'dc:title') : '';
    if (title !== '') return title;
  }
  return '';
}

type Setter = (field: string, value: string) => void;

/** dc:identifier: "DOI 10.…", "ISBN …", "ISSN …" (Zotero's way), a bare DOI, a dcterms:URI (the URL), else an accession number. */
function readDcIdentifiers(node: RdfElement, graph: RdfGraph, set: Setter): void {
  for (const value of graph.values(node, 'dc:identifier')) {
    if ('node' in value) {
      if (graph.typeOf(value.node) === 'dcterms:URI') set('url', graph.text(value.node, 'rdf:value'));
      continue;
    }
    if (!('text' in value)) continue;
    const labelled = IDENTIFIER.exec(value.text);
    if (labelled) set(labelled[1]!.toUpperCase() === 'DOI' ? 'DOI' : labelled[1]!.toUpperCase(), labelled[2]!);
    else if (/^\s*10\.\d{4,9}\//.test(value.text)) set('DOI', value.text);
    else set('accessionNumber', value.text);
  }
}

/** dc:subject: a tag as text, an automatic tag (z:AutomaticTag), or a call number (dcterms:LCC, DDC, UDC). */
function readSubjects(node: RdfElement, graph: RdfGraph, set: Setter, tags: string[]): void {
  for (const value of graph.values(node, 'dc:subject')) {
    if ('text' in value && value.text.trim() !== '') tags.push(value.text.trim());
    if (!('node' in value)) continue;
    const type = graph.typeOf(value.node);
    const text = graph.text(value.node, 'rdf:value');
    if (type === 'z:AutomaticTag' && text !== '') tags.push(text);
    else if (CALL_NUMBER_CLASSES.has(type)) set('callNumber', text);
  }
}

/** dc:publisher: a foaf:Organization's name (and its vcard:adr locality, the place), or text. */
function readPublisher(
  node: RdfElement,
  graph: RdfGraph,
  name: (value: string) => void,
  place: (value: string) => void,
) {
  for (const value of graph.values(node, 'dc:publisher')) {
    if ('text' in value) name(value.text);
    if (!('node' in value)) continue;
    name(graph.text(value.node, 'foaf:name'));
    for (const address of graph.nodes(value.node, 'vcard:adr')) place(graph.text(address, 'vcard:locality'));
  }
}

/**
 * dcterms:isPartOf: the container (a bib:Journal, bib:Book, z:Website…: its title under the item type's field, its
 * volume, issue, abbreviation and the identifiers Zotero writes on it, the DOI among them), a series (bib:Series, also
 * on the container) and a section (bib:Part, which Zotero makes part of the container in the item's stead). Zotero
 * writes a container for each item; one that several items point to
 * (a file merged by hand, another tool's export) is the journal's alone: the volume, issue and DOI on it are none's.
 */
function readContainers(node: RdfElement, graph: RdfGraph, itemType: string, set: Setter): void {
  let container: RdfElement | undefined;
  const series: RdfElement[] = [];
  const parts = graph.nodes(node, 'dcterms:isPartOf');
  for (const [index, part] of parts.entries()) {
    const type = graph.typeOf(part);
    if (type === 'bib:Series') series.push(part);
    else if (type !== 'bib:Part') container ??= part;
    else if (index === parts.indexOf(part)) {
      set('section', graph.text(part, 'dc:title'));
      parts.push(...graph.nodes(part, 'dcterms:isPartOf'));
    }
  }
  if (container !== undefined) {
    set(containerTitleField(itemType), graph.text(container, 'dc:title'));
    set('journalAbbreviation', graph.text(container, 'dcterms:alternative'));
    const shared = graph.isShared(container);
    if (!shared) {
      set('volume', graph.text(container, 'prism:volume'));
      set('issue', graph.text(container, 'prism:number'));
    }
    // A shared journal's ISSN or book's ISBN is still each item's; its DOI, URL or accession number is not.
    const own: Setter = (field, value) => {
      if (field === 'ISSN' || field === 'ISBN') set(field, value);
    };
    readDcIdentifiers(container, graph, shared ? own : set);
    series.push(...graph.nodes(container, 'dcterms:isPartOf').filter((part) => graph.typeOf(part) === 'bib:Series'));
  }
  for (const one of series) {
    set('series', graph.text(one, 'dc:title'));
    set('seriesTitle', graph.text(one, 'dcterms:alternative'));
    set('seriesText', graph.text(one, 'dc:description'));
    set('seriesNumber', graph.text(one, 'dc:identifier'));
  }
}
