import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HnswVectorIndex } from '../../../indexer/vectors/hnsw.vector-index.ts';
import { checkHnswFile, fileCrc32 } from '../../../indexer/vectors/hnsw-file-check.ts';
import { tempDir } from '../../support/temp-dir.ts';

const DIMS = 8;
const COUNT = 300;

function savedGraph(): { file: string; bytes: number; crc32: number } {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 - 0.5;
  };
  const index = HnswVectorIndex.create(DIMS, COUNT, { m: 8, efConstruction: 50 });
  for (let label = 1; label <= COUNT; label++) {
    const v = Float32Array.from({ length: DIMS }, random);
    const norm = Math.hypot(...v);
    index.add(
      label,
      v.map((x) => x / norm),
    );
  }
  const file = path.join(tempDir(), 'papers.hnsw');
  index.save(file);
  return { file, bytes: fs.statSync(file).size, crc32: fileCrc32(file) };
}

// Level 0 of element `element`: header 96 bytes, then fixed-size records; the list count, then ids.
function level0Id(file: string, element: number, slot: number): number {
  const header = fs.readFileSync(file).subarray(0, 96);
  return 96 + element * Number(header.readBigUInt64LE(24)) + 4 + slot * 4;
}

describe('hnsw-file-check', () => {
  it('finds nothing wrong with a graph as hnswlib saved it', async () => {
    const { file, bytes, crc32 } = savedGraph();
    expect(await checkHnswFile(file, { dimensions: DIMS, bytes, crc32 })).toBeUndefined();
    expect(await checkHnswFile(file, { dimensions: DIMS, bytes })).toBeUndefined();
  });

  it('names a level-0 neighbour id past the element count, though the size is unchanged', async () => {
    const { file, bytes } = savedGraph();
    const data = fs.readFileSync(file);
    data.writeUInt32LE(0x7fff0000, level0Id(file, 17, 0));
    fs.writeFileSync(file, data);
    expect(await checkHnswFile(file, { dimensions: DIMS, bytes })).toMatch(
      /^element 17 names neighbour 2147418112; the graph has 300 elements$/,
    );
  });

  it('finds a flipped bit that keeps every id in range through the CRC-32', async () => {
    const { file, bytes, crc32 } = savedGraph();
    const data = fs.readFileSync(file);
    data[level0Id(file, 3, 0)]! ^= 0x01;
    fs.writeFileSync(file, data);
    expect(await checkHnswFile(file, { dimensions: DIMS, bytes, crc32 })).toMatch(/CRC-32/);
  });

  it('refuses a header for other dimensions and a file cut short or grown', async () => {
    const { file, bytes } = savedGraph();
    expect(await checkHnswFile(file, { dimensions: DIMS + 1, bytes })).toMatch(/header/);
    fs.truncateSync(file, bytes - 10);
    expect(await checkHnswFile(file, { dimensions: DIMS, bytes: bytes - 10 })).toMatch(/ends inside/);
    fs.truncateSync(file, bytes + 10);
    expect(await checkHnswFile(file, { dimensions: DIMS, bytes: bytes + 10 })).toMatch(/past the end|upper layers/);
  });
});
