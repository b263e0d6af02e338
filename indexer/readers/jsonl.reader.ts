// JSON Lines: one JSON object per line; blank lines are skipped, and every record keeps its exact line.
import { describeKind, jsonSyntaxError, problemAt } from './locate.ts';
import type { InputProblem, RawRecord, Reader } from './reader.ts';

/** Reads JSON Lines (also NDJSON and BEIR corpus files); each non-blank line is one record. */
export const readJsonl: Reader = (text, file) => {
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  let line = 0;
  let record = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line += 1;
    const content = text.slice(start, end);
    start = end + 1;
    if (content.trim() === '') continue;
    record += 1;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      const { reason, offset } = jsonSyntaxError(error, content.length);
      problems.push(problemAt(file, line, record, null, `is not valid JSON: ${reason} (column ${offset + 1})`));
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(problemAt(file, line, record, null, `expected a JSON object, got ${describeKind(value)}`));
      continue;
    }
    records.push({ fields: value as Record<string, unknown>, location: { file, line, record } });
  }
  return { records, problems };
};
