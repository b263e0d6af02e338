// Opening an input file safely: only regular files (never a device, pipe or socket such as /dev/zero),
// and whole-file reads bounded by a size limit, with a message that says what to do instead.
import fs, { type FileHandle } from 'node:fs/promises';
import { AppError } from '../../core/errors.ts';

export const READ_LIMITS = {
  /**
   * Largest file read whole (every format but JSON Lines, which is read line by line). V8 strings stop at
   * about 512 million characters; half that leaves room for the decoded copy.
   */
  maxFileBytes: 256 * 1024 * 1024,
  /** Longest JSON Lines record: a hundred times the largest paper the schema allows (100,000-character fields). */
  maxRecordBytes: 16 * 1024 * 1024,
};

/**
 * Runs `use` on `file` open for reading, after checking that it is a regular file.
 * @throws AppError UNREADABLE_FILE for a missing, unreadable or non-regular path.
 */
export async function withInputFile<T>(file: string, use: (handle: FileHandle) => Promise<T>): Promise<T> {
  let handle: FileHandle;
  try {
    handle = await fs.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      const kind = stat.isDirectory()
        ? 'a directory'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : stat.isFIFO()
            ? 'a pipe'
            : stat.isSocket()
              ? 'a socket'
              : 'not a regular file';
      const message = stat.isDirectory()
        ? `${file} is a directory, not a file`
        : `${file} is ${kind}, not a regular file; save the papers to a file and index that`;
      throw new AppError('UNREADABLE_FILE', message, { file });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory, not a file'
            : (error as Error).message;
    throw new AppError('UNREADABLE_FILE', `cannot read ${file}: ${reason}`, { file }, { cause: error });
  }
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

/**
 * The whole content of an open file, refusing one larger than `limit` bytes without reading past it (the
 * size is checked as bytes arrive too, for a file that grows while it is read).
 * @throws AppError FILE_TOO_LARGE naming `file` and the limit.
 */
export async function readBounded(handle: FileHandle, file: string, limit = READ_LIMITS.maxFileBytes): Promise<Buffer> {
  const tooLarge = () =>
    new AppError(
      'FILE_TOO_LARGE',
      `${file} is larger than ${formatMegabytes(limit)}, the most read as one document; nothing was read`,
      { file, limit },
    );
  const { size } = await handle.stat();
  if (size > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(size - total, 64 * 1024), limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > limit) throw tooLarge();
    chunks.push(chunk.subarray(0, bytesRead));
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
}

function formatMegabytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`
    : `${bytes.toLocaleString('en-US')} bytes`;
}
