// What the XML readers share: the parser's options, a well-formedness check whose failure names its line, a parse in
// which the elements named as lists are always arrays, the text of a node, and the lines elements start on.
import { type X2jOptions, XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineOf, lineStarts, problemAt } from './locate.ts';
import type { InputProblem, RecordLocation } from './reader.ts';

export type XmlNode = Record<string, unknown>;

/**
 * How every XML reader parses: attributes kept, values left as text (an ISSN "0028-0836" or a year stays a string),
 * entities and character references resolved (EndNote writes "&#xD;" between the addresses of one field).
 */
export const XML_PARSER_OPTIONS = {
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
} as const satisfies X2jOptions;

/**
 * What `parser` makes of a text the validator passed, or the problem it stopped at: the validator passes some DOCTYPE
 * declarations the parser then refuses (bad entity names, too many or too large entities), reported at the DOCTYPE.
 */
export function parseValidated(
  parser: XMLParser,
  text: string,
  file: string,
): { parsed: unknown } | { problems: InputProblem[] } {
  try {
    return { parsed: parser.parse(text) };
  } catch (error) {
    const message = `could not be read as XML: ${error instanceof Error ? error.message : String(error)}`;
    const doctype = text.indexOf('<!DOCTYPE');
    const line = doctype === -1 ? 1 : lineOf(lineStarts(text.slice(0, doctype + 1)), doctype);
    return { problems: [problemAt(file, line, null, null, message)] };
  }
}

/**
 * The parsed document, or the problem that stopped it. `lists` names the elements that are always
 * arrays, however many a document holds; `raw` the elements whose content is kept as written (markup
 * such as <i> inside a title, cleaned later with the rest of the text: "*.ArticleTitle"); `keepSpace`
 * keeps the spaces around text. Attributes are kept as "@_name", namespaces dropped.
 */
export function parseXml(
  text: string,
  file: string,
  lists: ReadonlySet<string>,
  options: { raw?: readonly string[]; keepSpace?: boolean } = {},
): { document: XmlNode } | { problems: InputProblem[] } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // The validator gives no column for some damage (a comment never closed before the root).
    const column = valid.err.col === undefined ? '' : ` (column ${valid.err.col})`;
    const message = `is not well-formed XML: ${valid.err.msg}${column}`;
    return { problems: [problemAt(file, valid.err.line, null, null, message)] };
  }
  const parser = new XMLParser({
    ...XML_PARSER_OPTIONS,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    isArray: (name) => lists.has(name),
    stopNodes: [...(options.raw ?? [])],
    // Text split into runs ("Tides in ", "Pine Island") keeps the spaces at their ends.
    trimValues: !options.keepSpace,
  });
  const parsed = parseValidated(parser, text, file);
  return 'problems' in parsed ? parsed : { document: parsed.parsed as XmlNode };
}

/** The name of the document's root element. */
export function rootOf(document: XmlNode): string {
  return Object.keys(document).find((name) => !name.startsWith('?') && !name.startsWith('!')) ?? 'nothing';
}

/** The text of a node: a plain value, the "#text" of an element with attributes, or the first of a list. */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) return textOf((node as XmlNode)['#text']);
  if (Array.isArray(node)) return textOf(node[0]);
  return '';
}

/** A node that may be one element or several, as a list. */
export function listOf(node: unknown): unknown[] {
  if (node === undefined || node === null || node === '') return [];
  return Array.isArray(node) ? node : [node];
}

/**
 * Where each of the `count` parsed `<tag>` elements is: its record number, and the 1-based line it
 * starts on (any namespace prefix) when the text holds exactly that many (else no line).
 */
export function elementLocations(text: string, file: string, tag: string, count: number): RecordLocation[] {
  const starts = lineStarts(text);
  const pattern = new RegExp(`<(?:[\\w-]+:)?${tag}[\\s>/]`, 'g');
  const lines = [...text.matchAll(pattern)].map((match) => lineOf(starts, match.index));
  return Array.from({ length: count }, (_, index) => ({
    file,
    line: lines.length === count ? (lines[index] ?? null) : null,
    record: index + 1,
  }));
}
