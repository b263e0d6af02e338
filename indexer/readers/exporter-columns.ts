// The column names reference databases write in their CSV exports (IEEE Xplore, Scopus, Zotero, Dimensions,
// Lens.org, PubMed), the paper field each fills, and how a row's cells are renamed and split to fill them.
import { FIELD_ALIASES } from '../paper.schema.ts';
import { isPubmedHeader, pubmedRowFields } from './pubmed-columns.ts';
import { citationKeyInExtra, coerceNames, contentKey, invertName, isBlank } from './values.ts';

/** Column names reference databases export, and the paper field each fills (compared case-insensitively). */
const EXPORTER_COLUMNS: Record<string, string> = {
  // IEEE Xplore
  'document title': 'title',
  'publication title': 'venue',
  'publication year': 'year',
  'author keywords': 'tags',
  'ieee terms': 'tags',
  'author affiliations': 'affiliations',
  'pdf link': 'url',
  // Scopus
  'source title': 'venue',
  'index keywords': 'tags',
  'author full names': 'authors',
  // Zotero's CSV export
  'manual tags': 'tags',
  'automatic tags': 'tags',
  // A conference paper without a proceedings title (Zotero's "Publication Title") is known by its conference,
  // before its "Publisher"; Scopus's "Conference name" likewise stands after its "Source title".
  'conference name': 'venue',
  // Dimensions (also "Title", "Abstract", "Authors", "DOI", "Source title")
  pubyear: 'year',
  'mesh terms': 'tags',
  'source linkout': 'url',
  // Lens.org (also "Title", "Abstract", "Publication Year", "Source Title", "DOI", "Keywords", "MeSH Terms")
  'author/s': 'authors',
  'external url': 'url',
  // PubMed (also "Title", "Authors", "Publication Year", "DOI"; its "PMID" makes the id)
  'journal/book': 'venue',
  // Several, and other exporters
  'article title': 'title',
  'abstract note': 'abstract',
  'publication date': 'year',
};
const KNOWN_FIELDS = new Map<string, string>();
for (const [field, aliases] of Object.entries(FIELD_ALIASES)) {
  for (const alias of aliases) if (!KNOWN_FIELDS.has(alias.toLowerCase())) KNOWN_FIELDS.set(alias.toLowerCase(), field);
}

/** Each column's paper field (or null), and whether it is an exporter's name to be renamed. */
export type ColumnMapping = { column: string; field: string | null; renamed: boolean }[];

/** Each header column's paper field: an exporter's name (renamed to the field) or a field alias, else null. */
export function columnMapping(columns: readonly string[]): ColumnMapping {
  // PubMed's "PMID" makes the id ("pmid:<PMID>", in mapExporterColumns); the cell is also kept as metadata.
  const pubmed = isPubmedHeader(columns);
  return columns
    .filter((column) => column !== '')
    .map((column) => {
      const lower = column.toLowerCase();
      if (pubmed && lower === 'pmid') return { column, field: 'id', renamed: false };
      const exporter = EXPORTER_COLUMNS[lower];
      if (exporter !== undefined) return { column, field: exporter, renamed: true };
      return { column, field: KNOWN_FIELDS.get(lower) ?? null, renamed: false };
    });
}

/** A row's cells under paper field names where an exporter's column names one; tag columns are merged. */
export function mapExporterColumns(row: Record<string, unknown>, mapping: ColumnMapping): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const tags: string[] = [];
  for (const { column, field, renamed } of mapping) {
    const value = row[column];
    // (Scopus's "[No abstract available]" is taken off with other abstract boilerplate when the record is validated.)
    if (value === undefined) continue;
    if (field === 'tags') tags.push(String(value));
    else if (field === 'authors') {
      // Lens.org's "Author/s" is renamed; Scopus's "Author full names" is read below, beside its initials.
      const key = renamed && column.toLowerCase() !== 'author full names' ? 'authors' : column;
      if (fields[key] === undefined) fields[key] = splitScopusAuthors(String(value));
    } else if (renamed && field !== null && fields[field] === undefined) fields[field] = value;
    else fields[column] = value;
  }
  if (tags.length > 0) fields.tags = tags.join(';');
  // Scopus also writes the full names, "Krisyanto, Wahyu (57219); Wibisono, Gunawan (6603)": better than initials.
  const fullNames = Object.entries(row).find(([column]) => column.toLowerCase() === 'author full names')?.[1];
  if (typeof fullNames === 'string' && fullNames.trim() !== '') {
    const names = fullNames
      .split(';')
      .map((name) => invertName(name.replace(/\s*\(\d+\)\s*$/, '')))
      .filter((name) => name !== '');
    const initials = Object.keys(fields).find((column) => column.toLowerCase() === 'authors');
    if (initials !== undefined) {
      fields['Authors (initials)'] = row[initials];
      delete fields[initials];
    }
    delete fields[Object.keys(fields).find((column) => column.toLowerCase() === 'author full names') ?? ''];
    fields.authors = names;
  }
  if (isPubmedHeader(Object.keys(row))) {
    const pubmed = pubmedRowFields(row);
    if (pubmed.authors !== undefined) {
      delete fields[Object.keys(fields).find((column) => column.toLowerCase() === 'authors') ?? ''];
      fields.authors = pubmed.authors;
    }
    if (pubmed.id !== undefined) fields.id = pubmed.id;
    const titleColumn = Object.keys(fields).find((column) => column.toLowerCase() === 'title');
    if (titleColumn !== undefined) {
      // "[Not Available]." (no English title) and no abstract in this export to take one from: the paper is
      // kept as fillTitle keeps an empty record, "Untitled (pmid:N)", marked untitled.
      if (pubmed.title !== undefined) fields[titleColumn] = pubmed.title;
      else if (pubmed.id === undefined || String(fields[titleColumn] ?? '').trim() === '') delete fields[titleColumn];
      else {
        fields[titleColumn] = `Untitled (${pubmed.id})`;
        fields.untitled = true;
      }
    }
    if (pubmed.titleTranslated) fields.titleTranslated = true;
  }
  // Zotero's CSV holds Better BibTeX's pinned key in "Extra": kept as the Zotero database reader keeps it.
  const extra = Object.entries(row).find(([column]) => column.toLowerCase() === 'extra')?.[1];
  const citationKey = citationKeyInExtra(extra);
  if (citationKey !== undefined && fields.citationKey === undefined) fields.citationKey = citationKey;
  if (KEYED_BY_CONTENT_COLUMNS.some((column) => mapping.some((entry) => entry.column.toLowerCase() === column))) {
    const key = databaseRowKey(row, mapping);
    if (key !== null) fields.id = key;
  }
  return fields;
}

/**
 * Columns that say a database exported the file: its own record id (Dimensions' "Publication ID" (pub.…),
 * Lens.org's "Lens ID", Scopus's "EID" (2-s2.0-…)), or IEEE Xplore's "Document Title" (its exports carry no
 * record id, and are named by the time of export: "export2024.12.07-04.10.33.csv").
 */
const KEYED_BY_CONTENT_COLUMNS = ['publication id', 'lens id', 'eid', 'document title'];

/**
 * The id of a Dimensions, Lens.org, Scopus or IEEE Xplore row without an id or DOI column value: a key made from
 * its content, as RIS records get, so the paper has one id whichever database it was exported from and however
 * the file is named (their own record ids stay in metadata). Null when the row has a DOI (the id is made from it)
 * or too little content.
 */
function databaseRowKey(row: Record<string, unknown>, mapping: ColumnMapping): string | null {
  const first = (field: string) =>
    mapping.filter((entry) => entry.field === field).find((entry) => !isBlank(row[entry.column]))?.column;
  if (first('id') !== undefined || first('doi') !== undefined) return null;
  const authorsColumn = first('authors');
  const names = authorsColumn === undefined ? null : coerceNames(splitScopusAuthors(String(row[authorsColumn])));
  const title = first('title');
  const year = first('year');
  return contentKey({
    authors: names?.ok ? names.value : undefined,
    title: title === undefined ? undefined : row[title],
    year: year === undefined ? undefined : row[year],
  });
}

const INITIALS = /^(?:\p{Lu}\p{Ll}?\.[\s-]*)+$/u;
const FAMILY_THEN_INITIALS = /^(.*\S)\s+((?:\p{Lu}\p{Ll}?\.[\s-]*)+)$/u;

const SUFFIX_AFTER_COMMA = /,\s*(Jr\.?|Sr\.?|II|III|IV)$/;

/**
 * Scopus writes "Krisyanto, W., Wibisono, G.": pairs of family name and initials, all joined by commas; its
 * older exports write "Müller T., Schrödinger E.", its exports since 2023 "Müller T.; King M.L., Jr.". All
 * become ["W. Krisyanto", "G. Wibisono"]; any other text is left for the usual name splitting.
 */
export function splitScopusAuthors(text: string): string | string[] {
  if (text.includes(';')) return splitFamilyThenInitials(text);
  const parts = text.split(/\s*,\s*/).filter((part) => part !== '');
  const familyFirst = parts.map((part) => FAMILY_THEN_INITIALS.exec(part));
  if (parts.length > 0 && familyFirst.every((name) => name?.[1] !== undefined && !INITIALS.test(name[1]))) {
    return familyFirst.map((name) => `${name?.[2]?.trim()} ${name?.[1]}`);
  }
  if (parts.length < 2 || parts.length % 2 !== 0) return text;
  const names: string[] = [];
  for (let at = 0; at < parts.length; at += 2) {
    const family = parts[at] ?? '';
    const initials = parts[at + 1] ?? '';
    if (!INITIALS.test(initials) || INITIALS.test(family)) return text;
    names.push(`${initials} ${family}`);
  }
  return names;
}

/**
 * "Smith J.; van der Berg A.B.; King M.L., Jr." → ["J. Smith", "A.B. van der Berg", "M.L. King Jr."]; a list in
 * which any name holds another comma ("Smith, John; …") is left as it is, for the usual splitting.
 */
function splitFamilyThenInitials(text: string): string | string[] {
  const parts = text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const unsuffixed = parts.map((part) => part.replace(SUFFIX_AFTER_COMMA, ''));
  if (unsuffixed.some((part) => part.includes(','))) return text;
  const names = parts.map((part, index) => {
    const name = FAMILY_THEN_INITIALS.exec(unsuffixed[index]!);
    if (!name?.[1] || !name[2] || INITIALS.test(name[1])) return part;
    const suffix = SUFFIX_AFTER_COMMA.exec(part)?.[1];
    return [name[2].trim(), name[1], suffix].filter(Boolean).join(' ');
  });
  return names.some((name, index) => name !== parts[index]) ? names : text;
}

/** The notice naming the columns that filled a field and those kept only as metadata. */
export function columnsNotice(file: string, mapping: ColumnMapping, delimiter: string): string {
  const used = mapping.filter((entry) => entry.field !== null).map((entry) => `${entry.column} → ${entry.field}`);
  const other = mapping.filter((entry) => entry.field === null).map((entry) => entry.column);
  const kind = delimiter === ',' ? 'CSV' : delimiter === ';' ? 'CSV (;-separated)' : 'TSV';
  const ignored = other.length === 0 ? 'none' : other.join(', ');
  return `${file}: ${kind} columns used: ${used.join(', ') || 'none'}; not used for a field (kept as metadata): ${ignored}`;
}
