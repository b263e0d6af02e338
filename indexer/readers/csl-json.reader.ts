// CSL-JSON, as Zotero and other reference managers export it: an array of items whose fields
// (author [{family, given}], issued {date-parts}, container-title, DOI, URL, keyword) map through FIELD_ALIASES.
import { repairCslRecord } from './csl-fields.ts';
import { readJson } from './json.reader.ts';
import type { Reader } from './reader.ts';

/**
 * Reads a CSL-JSON array. An arXiv preprint's id is read from its "number" ("arXiv:2401.01234", or bare when
 * "archive" or "publisher" is arXiv) or its arxiv.org "URL" (its arXiv DOI is read as every reader's is); a
 * conference paper without "container-title" takes "event-title" as its venue; a title or container title written
 * as a list is its first entry; a citation key beside the item's id is kept as metadata `citationKey`
 * (csl-fields.ts). Zotero's web API answers asked for CSL JSON (include=csljson) are read by readJson.
 */
export const readCslJson: Reader = (text, file) => {
  const read = readJson(text, file);
  // A Zotero API answer's CSL item was repaired by readJson already; a repair runs again without effect.
  for (const record of read.records) repairCslRecord(record);
  return read;
};
