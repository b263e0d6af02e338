// What a `?passage=<id>` link from a cited source marks on the Paper page: the cited span
// (`&start=&end=`, offsets into the field) when it lies inside that passage, else the passage.
import type { Passage } from '../../../../indexer/paper.schema.ts';

export type CitedRange = { field: Passage['field']; start: number; end: number };

const offset = (value: string | null): number | undefined =>
  value !== null && /^\d{1,7}$/.test(value) ? Number(value) : undefined;

/** The range to mark, or undefined when the link names no passage of this paper. */
export function citedRange(passages: readonly Passage[], params: URLSearchParams): CitedRange | undefined {
  const passage = passages.find((p) => String(p.id) === params.get('passage'));
  if (!passage) return undefined;
  const start = offset(params.get('start'));
  const end = offset(params.get('end'));
  if (start !== undefined && end !== undefined && start >= passage.start && end <= passage.end && start < end) {
    return { field: passage.field, start, end };
  }
  return { field: passage.field, start: passage.start, end: passage.end };
}
