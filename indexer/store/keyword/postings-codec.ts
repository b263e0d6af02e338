// How a posting list is stored: a `docs` blob of little-endian int32 doc numbers and a `tf` blob of
// (title, body) count pairs in the narrowest width (1, 2 or 4 bytes) that fits the largest count.
import os from 'node:os';
import { AppError } from '../../../core/errors.ts';

if (os.endianness() !== 'LE') {
  throw new AppError('INTERNAL', 'The keyword index stores little-endian blobs; this machine is big-endian.');
}

/** Interleaved (title, body) counts, one pair per doc, in the width they were stored in. */
export type CountArray = Uint8Array | Uint16Array | Uint32Array;

/** A count array type: its elements are the count width. */
export type CountArrayType = Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor;

/** The narrowest count array type that holds `max`. */
export function countArrayType(max: number): CountArrayType {
  return max <= 0xff ? Uint8Array : max <= 0xffff ? Uint16Array : Uint32Array;
}

/** A decoded posting list: `df` docs ascending, and their counts at 2·i (title) and 2·i + 1 (body). */
export type Posting = { df: number; docs: Int32Array; counts: CountArray };

/** A stored row of the postings table as read raw: df, docs blob, tf blob. */
export type PostingRow = [number, Buffer, Buffer];

// Views a blob as 32-bit or 16-bit values; a Buffer from SQLite may start at an unaligned offset, so it is then copied.
function view<T extends Int32Array | Uint16Array | Uint32Array>(
  blob: Buffer,
  Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
): T {
  const size = Type.BYTES_PER_ELEMENT;
  if (blob.byteOffset % size === 0) return new Type(blob.buffer, blob.byteOffset, blob.byteLength / size);
  const copy = new Uint8Array(blob);
  return new Type(copy.buffer, 0, copy.byteLength / size);
}

/** Decodes a stored `docs` blob, which must hold `df` doc numbers. */
export function decodeDocs(docs: Buffer, df: number, term: string): Int32Array {
  const decoded = view(docs, Int32Array);
  if (decoded.length !== df) {
    throw new AppError('INDEX_CORRUPT', `The posting list of term "${term}" holds ${decoded.length} docs, not ${df}.`);
  }
  return decoded;
}

/** Decodes a stored `tf` blob into an interleaved (title, body) array for `df` docs. */
export function decodeCounts(tf: Buffer, df: number, term: string): CountArray {
  const width = tf.byteLength / (2 * df);
  if (width === 1) return new Uint8Array(tf.buffer, tf.byteOffset, tf.byteLength);
  if (width === 2) return view(tf, Uint16Array);
  if (width === 4) return view(tf, Uint32Array);
  throw new AppError(
    'INDEX_CORRUPT',
    `The posting list of term "${term}" has ${tf.byteLength} count bytes for ${df} docs.`,
  );
}

/** Decodes a stored row of `term` (views over the row's buffers where they are aligned). */
export function decodePosting(term: string, [df, docs, tf]: PostingRow): Posting {
  const decoded = decodeDocs(docs, df, term);
  return { df, docs: decoded, counts: decodeCounts(tf, df, term) };
}

/**
 * Encodes the first `length` docs and counts as the `docs` and `tf` blobs. The docs blob is a view over
 * `docs`'s memory: bind it before `docs` is overwritten.
 */
export function encodePosting(
  docs: Int32Array,
  title: Uint32Array,
  body: Uint32Array,
  length: number,
): [docs: Buffer, tf: Buffer] {
  let max = 0;
  for (let i = 0; i < length; i++) {
    if (title[i]! > max) max = title[i]!;
    if (body[i]! > max) max = body[i]!;
  }
  const tf = new (countArrayType(max))(2 * length);
  for (let i = 0; i < length; i++) {
    tf[2 * i] = title[i]!;
    tf[2 * i + 1] = body[i]!;
  }
  return [Buffer.from(docs.buffer, docs.byteOffset, 4 * length), Buffer.from(tf.buffer, 0, tf.byteLength)];
}
