// JSON documents: an array of paper objects, or an object holding that array under "papers", "items",
// "records", "results" (OpenAlex) or "data" (Semantic Scholar), or a Crossref answer (its works under
// "message"), Semantic Scholar's recommendations ("recommendedPapers"), or Zotero's items (its web API's answers,
// also asked for CSL JSON, and Better BibTeX's JSON); each record keeps its number and the line its object starts on. A Semantic Scholar batch
// answer's nulls (ids it did not know) and the Zotero notes and attachments passed over are counted.
import { fromScholarlyApi, isSemanticScholarPaper, recommendedPapers } from './api-records.ts';
import { crossrefAnswerWorks } from './crossref-works.ts';
import { repairCslRecord } from './csl-fields.ts';
import { describeKind, jsonSyntaxError, lineOf, lineStarts, problemAt } from './locate.ts';
import type { InputProblem, RawRecord, Reader } from './reader.ts';
import {
  fromZoteroJson,
  isZoteroApiCslItem,
  isZoteroApiItem,
  NAMED_POSITIONS,
  type PassedOverReason,
  passedOverNotice,
} from './zotero-items.ts';

/** Keys under which a wrapper object may hold the array of papers, in order of preference. */
export const ARRAY_KEYS = ['papers', 'items', 'records', 'results', 'data'] as const;

/** Reads a JSON array of objects (or a wrapper object around one); one element is one record. */
export const readJson: Reader = (text, file) => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { reason, offset } = jsonSyntaxError(error, text.length);
    const starts = lineStarts(text);
    const line = lineOf(starts, offset);
    const column = offset - (starts[line - 1] ?? 0) + 1;
    return {
      records: [],
      problems: [problemAt(file, line, null, null, `is not valid JSON: ${reason} (column ${column})`)],
    };
  }

  const found = recordArray(value);
  if (!found) {
    const shape =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? `an object with keys ${Object.keys(value).slice(0, 8).join(', ') || '(none)'}`
        : describeKind(value);
    const quoted = ARRAY_KEYS.map((key) => `"${key}"`);
    const keys = `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
    // Semantic Scholar's recommendations answer is its one key: an object of other records under it is not read.
    const recommendations =
      value !== null && typeof value === 'object' && 'recommendedPapers' in value
        ? ' (a "recommendedPapers" array is read only when it is the object\'s one key and every entry is a Semantic Scholar paper, with its "paperId" and the API\'s fields)'
        : '';
    const message = `expected a JSON array of papers, or an object with a ${keys} array; got ${shape}${recommendations}`;
    return { records: [], problems: [problemAt(file, 1, null, null, message)] };
  }

  // One work: a Crossref single-work answer, at its "message"; a Zotero API answer for one item, at the top.
  const single = found.path[0] === 'message' ? messageLine(text) : 1;
  const lines = found.single ? [single] : elementLines(text, found.path);
  const aligned = lines.length === found.items.length;
  // Semantic Scholar's batch answer is an array in the order of the ids asked, null for each id it does not know:
  // an array whose every other entry is a Semantic Scholar paper (a user's own records mixed in make it none).
  const known = found.items.filter((item) => item !== null);
  const batch =
    found.path.length === 0 &&
    known.length > 0 &&
    known.every((item) => isObject(item) && isSemanticScholarPaper(item));
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  const unknownIds: number[] = [];
  const passedOver: { reason: PassedOverReason; at: number }[] = [];
  for (const [index, item] of found.items.entries()) {
    const location = { file, line: aligned ? (lines[index] ?? null) : null, record: index + 1 };
    if (item === null && batch) unknownIds.push(index + 1);
    else if (!isObject(item)) {
      problems.push({ ...location, field: null, message: `expected a JSON object, got ${describeKind(item)}` });
    } else {
      const zotero = fromZoteroJson(item);
      if (zotero !== undefined && 'skipped' in zotero) passedOver.push({ reason: zotero.skipped, at: index + 1 });
      else {
        const record: RawRecord = { fields: zotero?.fields ?? fromScholarlyApi(item), location };
        // The API's answer asked for CSL JSON holds each item as CSL-JSON, repaired as that reader's are.
        if (zotero?.csl) repairCslRecord(record);
        records.push(record);
      }
    }
  }
  const notices = [
    ...(unknownIds.length > 0 ? [unknownIdsNotice(file, unknownIds, found.items.length)] : []),
    ...(passedOver.length > 0 ? [passedOverNotice(file, passedOver, 'entries')] : []),
  ];
  return notices.length > 0 ? { records, problems, notices } : { records, problems };
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Says which entries of a Semantic Scholar batch answer are null (ids it did not know, passed over), numbered from 1
 * as records are.
 */
function unknownIdsNotice(file: string, numbers: readonly number[], entries: number): string {
  const named = numbers.slice(0, NAMED_POSITIONS).join(', ');
  const more = numbers.length > NAMED_POSITIONS ? ` and ${numbers.length - NAMED_POSITIONS} more` : '';
  const are = numbers.length === 1 ? 'is' : 'are';
  const which = numbers.length === 1 ? 'entry' : 'entries';
  return `${file}: ${numbers.length} of its ${entries} entries ${are} null (${which} ${named}${more}, counted from 1 as records are), ids Semantic Scholar did not know, which its batch answer writes as null; the other papers were read`;
}

/** The records and where they are: the keys leading to their array (none for a top-level array), or one work. */
type Found = { items: unknown[]; path: readonly string[]; single: boolean };

function recordArray(value: unknown): Found | null {
  if (Array.isArray(value)) return { items: value, path: [], single: false };
  // The API's answer for one item (".../items/<key>") is that item alone.
  if (isZoteroApiItem(value) || isZoteroApiCslItem(value)) return { items: [value], path: [], single: true };
  const recommended = recommendedPapers(value);
  if (recommended) return { items: recommended, path: ['recommendedPapers'], single: false };
  const crossref = crossrefAnswerWorks(value);
  if (crossref) return { items: crossref.works, path: ['message', 'items'], single: crossref.single };
  if (value === null || typeof value !== 'object') return null;
  for (const key of ARRAY_KEYS) {
    const items = (value as Record<string, unknown>)[key];
    if (Array.isArray(items)) return { items, path: [key], single: false };
  }
  return null;
}

/** The line of a Crossref single-work answer's "message" key (its last, as JSON.parse keeps), else 1. */
function messageLine(text: string): number {
  const at = text.lastIndexOf('"message"');
  return at === -1 ? 1 : lineOf(lineStarts(text), at);
}

/**
 * The 1-based line on which each element of the records array starts: the top-level array when `path` is
 * empty, else the array reached by following `path`'s keys from the top-level object (their last
 * occurrences, as JSON.parse keeps). Runs on text JSON.parse has accepted, so it only tracks strings,
 * nesting, keys and commas.
 */
export function elementLines(text: string, path: readonly string[]): number[] {
  let lines: number[] = [];
  let line = 1;
  let depth = 0;
  let target = -1;
  let expecting = false;
  let lastString = '';
  // The key most recently read at each depth up to the path's length (index 0 unused).
  const keys: (string | undefined)[] = [];
  const onPath = () => depth === path.length && path.every((key, index) => keys[index + 1] === key);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      line++;
      continue;
    }
    if (code === 0x20 || code === 0x09 || code === 0x0d) continue;
    if (expecting && depth === target && code !== 0x5d) {
      lines.push(line);
      expecting = false;
    }
    switch (code) {
      case 0x22: {
        const start = i;
        for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
        if (depth >= 1 && depth <= path.length) lastString = JSON.parse(text.slice(start, i + 1)) as string;
        break;
      }
      case 0x3a:
        if (depth >= 1 && depth <= path.length) keys[depth] = lastString;
        break;
      case 0x2c:
        if (depth === target) expecting = true;
        break;
      case 0x5b:
      case 0x7b:
        if (code === 0x5b && onPath()) {
          lines = [];
          target = depth + 1;
          expecting = true;
        }
        depth++;
        // A new object or array has no key read yet: a key seen in an earlier sibling does not lead here.
        if (depth <= path.length) keys[depth] = '';
        break;
      case 0x5d:
      case 0x7d:
        depth--;
        if (depth < target) target = -1;
        break;
    }
  }
  return lines;
}
