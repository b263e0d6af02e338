// CSL-JSON, as Zotero and other reference managers export it: an array of items whose fields
// (author [{family, given}], issued {date-parts}, container-title, DOI, URL, keyword) map through FIELD_ALIASES.
import { readJson } from './json.reader.ts';
import type { Reader } from './reader.ts';

const ARXIV_NUMBER = /^\s*arxiv:\s*(\S+?)(?:v\d+)?\s*$/i;

/** Reads a CSL-JSON array; an arXiv preprint's "number" ("arXiv:2401.01234") becomes its arxivId. */
export const readCslJson: Reader = (text, file) => {
  const { records, problems } = readJson(text, file);
  for (const { fields } of records) {
    const arxiv = typeof fields.number === 'string' ? ARXIV_NUMBER.exec(fields.number) : null;
    if (arxiv?.[1] && fields.arxivId === undefined) fields.arxivId = arxiv[1];
  }
  return { records, problems };
};
