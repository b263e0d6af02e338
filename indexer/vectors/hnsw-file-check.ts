// Checks a saved hnswlib graph before it is loaded: hnswlib trusts the file, so a neighbour id past
// the element count (a few flipped bits) makes a later search read outside its memory and crash the
// process. Reads the file once, in chunks, checking its structure and computing its CRC-32.
import fs from 'node:fs';
import zlib from 'node:zlib';

/** What the graph file is checked against (from the manifest). */
export type HnswFileExpectation = {
  dimensions: number;
  /** Byte size recorded when the file was written. */
  bytes: number;
  /** CRC-32 recorded when the file was written; indexes built before it was recorded have none. */
  crc32?: number | undefined;
};

const HEADER_BYTES = 96;
const CHUNK_BYTES = 4 * 1024 * 1024;
/** hnswlib draws levels with mult = 1/ln(M); even 2^32 elements stay far below this. */
const MAX_LEVEL = 64;

/** Reads a file front to back in chunks, keeping a running CRC-32 of everything read. */
class ChunkedFile {
  crc = 0;
  #buffer = Buffer.alloc(0);
  #offset = 0;
  #position = 0;

  constructor(private readonly handle: fs.promises.FileHandle) {}

  /** The next `n` bytes, or undefined at the end of the file. */
  async take(n: number): Promise<Buffer | undefined> {
    while (this.#buffer.length - this.#offset < n) {
      const chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, n));
      const { bytesRead } = await this.handle.read(chunk, 0, chunk.length, this.#position);
      if (bytesRead === 0) return undefined;
      this.#position += bytesRead;
      const read = chunk.subarray(0, bytesRead);
      this.crc = zlib.crc32(read, this.crc);
      this.#buffer = Buffer.concat([this.#buffer.subarray(this.#offset), read]);
      this.#offset = 0;
    }
    const out = this.#buffer.subarray(this.#offset, this.#offset + n);
    this.#offset += n;
    return out;
  }

  /** Every byte not taken yet (the upper layers are small: about 4 bytes per element). */
  async rest(): Promise<Buffer> {
    const parts = [this.#buffer.subarray(this.#offset)];
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await this.handle.read(chunk, 0, chunk.length, this.#position);
      if (bytesRead === 0) break;
      this.#position += bytesRead;
      const read = chunk.subarray(0, bytesRead);
      this.crc = zlib.crc32(read, this.crc);
      parts.push(read);
    }
    this.#buffer = Buffer.alloc(0);
    this.#offset = 0;
    return Buffer.concat(parts);
  }
}

// The bytes as little-endian 32-bit words (a view when aligned, which every read here is; else a copy).
function words(bytes: Buffer): Uint32Array {
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Uint32Array(copy.buffer, 0, bytes.length >> 2);
}

// A neighbour list at word `at`: its size (the low 16 bits of the first word), then the ids.
function checkLinks(links: Uint32Array, at: number, max: number, count: number, where: string): string | undefined {
  const size = links[at]! & 0xffff;
  if (size > max) return `${where} lists ${size} neighbours; at most ${max} fit`;
  for (let i = 1; i <= size; i++) {
    const id = links[at + i]!;
    if (id >= count) return `${where} names neighbour ${id}; the graph has ${count} elements`;
  }
  return undefined;
}

/**
 * The first problem found in the graph file `file` (undefined when it is sound): a header that does
 * not match the dimensions, a neighbour list longer than the graph allows or naming an element
 * that does not exist, a size or CRC-32 other than the manifest's.
 */
export async function checkHnswFile(file: string, expected: HnswFileExpectation): Promise<string | undefined> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size !== expected.bytes) return `it is ${size} bytes; the manifest records ${expected.bytes}`;
    const reader = new ChunkedFile(handle);
    const header = await reader.take(HEADER_BYTES);
    if (!header) return 'its header is cut short';
    const num = (at: number) => Number(header.readBigUInt64LE(at));
    const [offsetLevel0, maxElements, count, bytesPerElement, labelOffset, offsetData] = [0, 8, 16, 24, 32, 40].map(
      num,
    );
    const maxLevel = header.readInt32LE(48);
    const entryPoint = header.readUInt32LE(52);
    const [maxM, maxM0] = [num(56), num(64)];
    const level0Bytes = maxM0! * 4 + 4;
    const upperBytes = maxM * 4 + 4;
    if (
      offsetLevel0 !== 0 ||
      offsetData !== level0Bytes ||
      labelOffset !== offsetData + expected.dimensions * 4 ||
      bytesPerElement !== labelOffset + 8 ||
      bytesPerElement % 4 !== 0 ||
      count! > maxElements! ||
      maxLevel < 0 ||
      maxLevel > MAX_LEVEL ||
      (count! > 0 && entryPoint >= count!) ||
      maxM0! > 65_535 ||
      maxM > 65_535
    ) {
      return 'its header does not describe a graph of this index';
    }
    const elements = count!;
    // Level 0: every element's neighbour list, read a batch of elements at a time.
    const batch = Math.max(1, Math.floor(CHUNK_BYTES / bytesPerElement!));
    for (let first = 0; first < elements; first += batch) {
      const n = Math.min(batch, elements - first);
      const block = await reader.take(n * bytesPerElement!);
      if (!block) return 'it ends inside the bottom layer';
      const blockWords = words(block);
      const wordsPerElement = bytesPerElement! >> 2;
      for (let i = 0; i < n; i++) {
        const problem = checkLinks(blockWords, i * wordsPerElement, maxM0!, elements, `element ${first + i}`);
        if (problem) return problem;
      }
    }
    // Upper levels: per element, a byte count and that many bytes of neighbour lists.
    const upper = await reader.rest();
    const upperWords = words(upper);
    let at = 0;
    for (let i = 0; i < elements; i++) {
      if (at >= upperWords.length) return 'it ends inside the upper layers';
      const bytes = upperWords[at++]!;
      if (bytes % upperBytes !== 0 || bytes / upperBytes > maxLevel) {
        return `element ${i} has upper layers of ${bytes} bytes, which no level fits`;
      }
      if (at + bytes / 4 > upperWords.length) return 'it ends inside the upper layers';
      for (let level = 0; level < bytes / upperBytes; level++) {
        const where = `element ${i} on level ${level + 1}`;
        const problem = checkLinks(upperWords, at + level * (upperBytes >> 2), maxM, elements, where);
        if (problem) return problem;
      }
      at += bytes / 4;
    }
    if (at * 4 !== upper.length) return 'it has bytes past the end of the graph';
    if (expected.crc32 !== undefined && reader.crc !== expected.crc32) {
      return `its CRC-32 is ${reader.crc}; the manifest records ${expected.crc32}`;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/** The CRC-32 of a file, read in chunks (recorded in the manifest when a graph is written). */
export function fileCrc32(file: string): number {
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let crc = 0;
    for (let read = fs.readSync(fd, chunk); read > 0; read = fs.readSync(fd, chunk)) {
      crc = zlib.crc32(chunk.subarray(0, read), crc);
    }
    return crc;
  } finally {
    fs.closeSync(fd);
  }
}
