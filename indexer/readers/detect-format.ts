// Tells a file's format from its extension, then from its content: JSON vs JSON Lines vs CSL-JSON,
// CSV vs TSV, BibTeX, RIS, MEDLINE, Web of Science (tab-delimited or plain text), EndNote and RefWorks
// tagged text, and XML: PubMed, EndNote, Zotero RDF, MODS or an arXiv Atom feed.
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import { FIELD_ALIASES } from '../paper.schema.ts';
import { recommendedPapers } from './api-records.ts';
import { crossrefAnswerWorks } from './crossref-works.ts';
import { ARRAY_KEYS } from './json.reader.ts';
import type { Format } from './reader.ts';
import { REFWORKS_START } from './refworks.reader.ts';
import { WOS_PLAIN_START } from './wos.reader.ts';
import { localName, rootNameOf } from './xml-spans.ts';

const EXTENSIONS: Record<string, Format | 'json-like' | 'xml-like'> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json-like',
  '.csljson': 'csl-json',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.bib': 'bibtex',
  '.bibtex': 'bibtex',
  '.xml': 'xml-like',
  '.atom': 'arxiv-atom',
  '.ris': 'ris',
  '.nbib': 'medline',
  '.enw': 'endnote-tagged',
  '.medline': 'medline',
  '.sqlite': 'zotero',
  '.rdf': 'zotero-rdf',
};

/** The extensions that tell (or help tell) a file's format, as users' hints list them (see FORMAT_EXTENSIONS in core/errors.ts). */
export const KNOWN_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

/** How much of the text the content checks look at: enough for a few records, cheap for huge files. */
const SNIFF_CHARS = 64 * 1024;
const CSL_MARKERS = /"(?:date-parts|container-title|family|citation-key|title-short)"\s*:/;
const BIBTEX_ENTRY = /^[ \t]*@[ \t]*[A-Za-z]+\s*[{(]/m;
const RIS_START = /^TY {1,2}- \S/m;
const MEDLINE_START = /^PMID- ?\d/m;
/**
 * EndNote tagged text: its first line is a tag line ("%0 Journal Article", "%T …") and a second tag line follows.
 * A line is matched as everything up to its "\n" (a "\r" before it included), so it matches one way only: with an
 * optional "\r" after it as well, 40 CRLF lines would backtrack 2^40 ways.
 */
const ENDNOTE_TAGGED_START = /^\uFEFF?%[0-9A-Z@][ \t]+\S[^\n]*\n(?:[^\n]*\n){0,40}?%[0-9A-Z@+!][ \t]+\S/;
/** A Web of Science tab-delimited header: two-letter tags, starting with PT (publication type) or FN. */
const WOS_HEADER = /^\uFEFF?(?:PT|FN)\t(?:[A-Z][A-Z0-9]\t)+/;
const KNOWN_COLUMNS = new Set(Object.values(FIELD_ALIASES).flatMap((aliases) => aliases.map((a) => a.toLowerCase())));

/**
 * The format of `file`, from its extension when that is conclusive, else from the start of `text`.
 * @throws AppError UNKNOWN_FORMAT when neither tells.
 */
export function detectFormat(file: string, text: string): Format {
  const byExtension = EXTENSIONS[path.extname(file).toLowerCase()];
  if (byExtension === 'tsv' && WOS_HEADER.test(text.slice(0, SNIFF_CHARS))) return 'wos';
  if (byExtension !== undefined && byExtension !== 'json-like' && byExtension !== 'xml-like') return byExtension;
  const head = text.slice(0, SNIFF_CHARS).trimStart();
  if (byExtension === 'json-like') return jsonFlavour(text, head) ?? 'json';
  if (byExtension === 'xml-like') return xmlFlavour(head, text) ?? 'arxiv-atom';
  if (head.startsWith('[') || head.startsWith('{')) return jsonFlavour(text, head) ?? 'json';
  if (head.startsWith('<')) {
    const xml = xmlFlavour(head, text);
    if (xml) return xml;
  }
  if (MEDLINE_START.test(head)) return 'medline';
  if (RIS_START.test(head)) return 'ris';
  if (WOS_HEADER.test(head) || WOS_PLAIN_START.test(head.slice(0, 4096))) return 'wos';
  if (ENDNOTE_TAGGED_START.test(head)) return 'endnote-tagged';
  if (REFWORKS_START.test(head)) return 'refworks';
  if (BIBTEX_ENTRY.test(head)) return 'bibtex';
  const delimited = delimitedFlavour(head);
  if (delimited) return delimited;
  throw new AppError(
    'UNKNOWN_FORMAT',
    `${file}: could not tell the format (expected JSON, JSON Lines, CSV or TSV with a header row, BibTeX, RIS, PubMed MEDLINE, Web of Science tab-delimited or plain text, EndNote tagged text (%0, %T lines), RefWorks tagged text (RT lines), PubMed, EndNote or MODS XML, Zotero RDF, or an arXiv Atom feed)`,
    { file },
  );
}

/** The format of `file` when its extension alone tells it (".json" does not: it may hold JSON Lines). */
export function formatFromExtension(file: string): Format | undefined {
  const byExtension = EXTENSIONS[path.extname(file).toLowerCase()];
  // A ".tsv" may be a Web of Science export and a ".xml" any of five exports: the content decides.
  return byExtension === 'json-like' || byExtension === 'xml-like' || byExtension === 'tsv' ? undefined : byExtension;
}

const PUBMED_ROOT = /<PubmedArticleSet[\s>]/;
const ENDNOTE_ROOT = /<xml>\s*<records[\s>]/;
const ENDNOTE_RECORDS = /<records[\s>]/;
const ZOTERO_NAMESPACES = /http:\/\/www\.zotero\.org\/namespaces\/export#|http:\/\/purl\.org\/net\/biblio#/;

/**
 * Which XML export a document is, from its root element: PubMed, EndNote, Zotero RDF (an <rdf:RDF> declaring Zotero's
 * namespace or the Bibliontology one Zotero writes items in), MODS (<modsCollection> or <mods>) or an Atom feed, under
 * any prefix. The root is found by a scan past the prolog, not a pattern: comments repeated before it cannot make it
 * slow.
 */
function xmlFlavour(head: string, text: string): Format | null {
  if (PUBMED_ROOT.test(head)) return 'pubmed-xml';
  if (ENDNOTE_ROOT.test(head)) return 'endnote-xml';
  // The root is sought in the whole text: comments before it may run past the head.
  const root = rootNameOf(text);
  const name = root === null ? null : localName(root);
  if (name === 'PubmedArticleSet') return 'pubmed-xml';
  if (name === 'xml' && ENDNOTE_RECORDS.test(text)) return 'endnote-xml';
  if (name === 'RDF' && ZOTERO_NAMESPACES.test(head)) return 'zotero-rdf';
  if (name === 'modsCollection' || name === 'mods') return 'mods';
  if (name === 'feed') return 'arxiv-atom';
  return null;
}

function jsonFlavour(text: string, head: string): Format | null {
  if (head.startsWith('[')) return CSL_MARKERS.test(head) ? 'csl-json' : 'json';
  if (!head.startsWith('{')) return null;
  // The first line comes from the whole text: a JSON Lines record may be longer than the sniffed head.
  const start = text.indexOf('{');
  const newline = text.indexOf('\n', start);
  const firstLine = text.slice(start, newline === -1 ? text.length : newline);
  let first: unknown;
  try {
    first = JSON.parse(firstLine);
  } catch {
    return 'json'; // A pretty-printed object: its first line is not a whole value.
  }
  const rest = newline === -1 ? '' : text.slice(newline + 1, newline + 1 + SNIFF_CHARS).trim();
  const wrapper =
    first !== null &&
    typeof first === 'object' &&
    (ARRAY_KEYS.some((key) => key in first) ||
      crossrefAnswerWorks(first) !== null ||
      recommendedPapers(first) !== null);
  return rest === '' && wrapper ? 'json' : 'jsonl';
}

function delimitedFlavour(head: string): Format | null {
  const [first = '', second = ''] = head.split('\n', 2).map((line) => line.replace(/\r$/, ''));
  // Dimensions writes one line ("About the data: …") above its header row.
  return headerFlavour(first) ?? headerFlavour(second);
}

function headerFlavour(header: string): Format | null {
  const delimiter = header.includes('\t') ? '\t' : header.includes(',') ? ',' : null;
  if (delimiter === null) return null;
  // A header row must name at least one paper field; otherwise any prose with a comma would pass as CSV.
  const columns = header.split(delimiter).map((cell) => cell.trim().replace(/^"|"$/g, '').toLowerCase());
  if (!columns.some((column) => KNOWN_COLUMNS.has(column))) return null;
  return delimiter === '\t' ? 'tsv' : 'csv';
}
