// A Zotero item read from one of Zotero's file exports (Zotero RDF, MODS) as a record: its fields as the Zotero database
// reader maps them (zotero-fields.ts), and, since such an export holds no item keys, the id a RIS record gets.
import { coerceDoi, contentKey, doiFromLink, nameOf } from './values.ts';
import { type ZoteroItem, zoteroItemFields } from './zotero-fields.ts';

/**
 * An item's record fields as the Zotero database reader gives them (its type after its tags), with the DOI a doi.org
 * URL names, under the id RIS records get: "doi:<DOI>", else "arxiv:<id>", else one made from its first author, year
 * and title.
 */
export function exportedItemFields(item: ZoteroItem): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(zoteroItemFields(item))) {
    fields[key] = value;
    if (key === 'tags') fields.entryType = item.itemType;
  }
  fields.entryType ??= item.itemType;
  if (fields.doi === undefined && typeof fields.url === 'string') {
    // An item type without a DOI field (a report, a book) gives it only as its link; the id is then made from it.
    const doi = doiFromLink(fields.url);
    if (doi !== undefined) fields.doi = doi;
  }
  // Named here, not left to validation: a citation key in Extra ("Citation Key: silva2019tidal") would be taken for it.
  const doi = typeof fields.doi === 'string' ? coerceDoi(fields.doi) : undefined;
  if (doi?.ok) fields.id = `doi:${doi.value}`;
  else if (typeof fields.arxivId === 'string') fields.id = `arxiv:${fields.arxivId}`;
  else {
    const authors = Array.isArray(fields.authors) ? fields.authors.map(nameOf).filter((name) => name !== null) : [];
    const key = contentKey({ authors, year: fields.year, title: fields.title });
    if (key !== null) fields.id = key;
  }
  return fields;
}
