// Reading a file the user names on the command line (a draft to verify, its references, a query
// file) as `citelens index` reads its inputs: only a regular file, never a device or a pipe that
// would never end (/dev/zero), bounded in size, and a missing path said plainly. "-" is standard input.
import fs from 'node:fs';
import fsp, { type FileHandle } from 'node:fs/promises';
import { AppError } from '../core/errors.ts';
import { READ_LIMITS, readBounded } from '../indexer/readers/input-file.ts';

/** The name of `file` in messages: "standard input" for "-". */
export function inputName(file: string): string {
  return file === '-' ? 'standard input' : file;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory, not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device, not a regular file';
  if (stat.isFIFO()) return 'a pipe, not a regular file';
  if (stat.isSocket()) return 'a socket, not a regular file';
  return 'not a regular file';
}

function reasonOf(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  if (error.code === 'EISDIR') return 'it is a directory, not a file';
  return error.message;
}

/**
 * The bytes of `file` ("-" for standard input), at most `limit` of them (the limit `index` reads by).
 * @throws AppError UNREADABLE_FILE for a missing path, a directory, a device, a pipe or a socket, and
 * FILE_TOO_LARGE past the size limit, each naming the file.
 */
export async function readInputBytes(
  file: string,
  options: { stdin?: AsyncIterable<Buffer | string>; limit?: number } = {},
): Promise<Buffer> {
  const limit = options.limit ?? READ_LIMITS.maxFileBytes;
  if (file === '-') return readStandardInput(options.stdin ?? process.stdin, limit);
  let handle: FileHandle;
  try {
    // Non-blocking, so that opening a pipe nobody writes to does not wait for a writer.
    handle = await fsp.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    throw new AppError('UNREADABLE_FILE', `cannot read ${file}: ${reasonOf(error as NodeJS.ErrnoException)}`, {
      file,
    });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new AppError('UNREADABLE_FILE', `${file} is ${kindOf(stat)}`, { file });
    return await readBounded(handle, file, limit);
  } finally {
    await handle.close();
  }
}

// Standard input, read as it comes and refused past the limit (`verify - < /dev/zero` ends, where
// reading it whole would fill the memory first).
async function readStandardInput(stdin: AsyncIterable<Buffer | string>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const piece of stdin) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
      total += chunk.length;
      if (total > limit) {
        throw new AppError(
          'FILE_TOO_LARGE',
          `standard input is larger than ${limit.toLocaleString('en-US')} bytes, the most read as one document; nothing was read`,
          { file: '-', limit },
        );
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('UNREADABLE_FILE', `cannot read standard input: ${reasonOf(error as NodeJS.ErrnoException)}`, {
      file: '-',
    });
  }
  return Buffer.concat(chunks, total);
}
