// MODS XML (the Library of Congress's Metadata Object Description Schema), as Zotero's and Mendeley's MODS exports and
// library catalogues write it: a <modsCollection> of <mods> records, or one <mods>. Each record is read as the Zotero
// item Zotero's MODS importer makes of it (mods-item.ts), by the Zotero database's rules; its id is its DOI, else a key
// made from its content, as for RIS (a record identifier such as Zotero's "#item_12" is local to one export).
import { problemAt } from './locate.ts';
import { modsItem } from './mods-item.ts';
import type { RawRecord, Reader } from './reader.ts';
import { elementLocations, listOf, parseXml, rootOf, type XmlNode } from './xml-document.ts';
import { salvageElements } from './xml-salvage.ts';
import { exportedItemFields } from './zotero-export.ts';

const LISTS = new Set(['mods']);

/** Reads a MODS document; each <mods> record is one paper, numbered in the file's order, at the line it starts on. */
export const readModsXml: Reader = (text, file) => {
  const parsed = parseXml(text, file, LISTS);
  if ('problems' in parsed) {
    // Cut short or damaged: the complete records are read one by one.
    const salvaged = salvageElements(text, file, 'mods', ['modsCollection'], LISTS, parsed.problems);
    const records = salvaged.elements.map(({ node, location }) => ({ fields: recordFields(node), location }));
    return { records, problems: salvaged.problems };
  }
  const { document } = parsed;
  const collection = document.modsCollection;
  if (collection === undefined && document.mods === undefined) {
    const message = `expected a MODS <modsCollection> or <mods>, found <${rootOf(document)}>`;
    return { records: [], problems: [problemAt(file, 1, null, null, message)] };
  }
  const entries =
    collection === undefined
      ? listOf(document.mods)
      : collection !== null && typeof collection === 'object'
        ? listOf((collection as XmlNode).mods)
        : [];
  const mods = entries.filter((entry) => entry !== null && typeof entry === 'object') as XmlNode[];
  const locations = elementLocations(text, file, 'mods', mods.length);
  const records: RawRecord[] = mods.map((entry, index) => ({
    fields: recordFields(entry),
    location: locations[index]!,
  }));
  return { records, problems: [] };
};

function recordFields(mods: XmlNode): Record<string, unknown> {
  return exportedItemFields(modsItem(mods));
}
