// MODS XML (the Library of Congress's Metadata Object Description Schema), as Zotero's and Mendeley's MODS exports and
// library catalogues write it: a <modsCollection> of <mods> records, or one <mods>. Each record is read as the Zotero
// item Zotero's MODS importer makes of it (mods-item.ts), by the Zotero database's rules; its id is its DOI, else a key
// made from its content, as for RIS (a record identifier such as Zotero's "#item_12" is local to one export).
import { problemAt } from './locate.ts';
import { modsItem } from './mods-item.ts';
import type { RawRecord, Reader } from './reader.ts';
import { salvageChildren } from './xml-children-salvage.ts';
import { elementLocations, listOf, parseXml, rootOf, type XmlNode } from './xml-document.ts';
import { exportedItemFields } from './zotero-export.ts';

const LISTS = new Set(['mods']);
const RECORDS: ReadonlySet<string> = new Set(['mods']);

/** Reads a MODS document; each <mods> record is one paper, numbered in the file's order, at the line it starts on. */
export const readModsXml: Reader = (text, file) => {
  const parsed = parseXml(text, file, LISTS);
  if ('problems' in parsed) {
    // Cut short or damaged: each record that parses alone is read, whatever prefix it is written under.
    const salvaged = salvageChildren(text, file, parsed.problems, recordOf, {
      roots: ['modsCollection'],
      records: RECORDS,
      unit: 'record',
    });
    const records = salvaged.children.map(({ value, location }) => ({ fields: recordFields(value), location }));
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

/** The <mods> record of a collection holding it alone, or why there is none. */
function recordOf(wrapped: string): { value: XmlNode } | { reason: string } {
  const parsed = parseXml(wrapped, '', LISTS);
  if ('problems' in parsed) return { reason: parsed.problems[0]?.message ?? 'could not be read' };
  const collection = parsed.document.modsCollection;
  const [mods] = collection !== null && typeof collection === 'object' ? listOf((collection as XmlNode).mods) : [];
  return mods !== null && typeof mods === 'object' ? { value: mods as XmlNode } : { reason: 'is empty' };
}

function recordFields(mods: XmlNode): Record<string, unknown> {
  return exportedItemFields(modsItem(mods));
}
