import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readInputBytes } from '../../cli/read-input.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('read-input', () => {
  it('reads standard input as it comes, and refuses it past the limit instead of reading it whole', async () => {
    const small = Readable.from([Buffer.from('Litespark runs on CPUs '), Buffer.from('[1].')]);
    expect((await readInputBytes('-', { stdin: small })).toString()).toBe('Litespark runs on CPUs [1].');
    // An endless input (as `verify - < /dev/zero`) ends at the limit with one clear error.
    const endless = Readable.from(
      (function* () {
        for (;;) yield Buffer.alloc(1024);
      })(),
    );
    await expect(readInputBytes('-', { stdin: endless, limit: 10_000 })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: 'standard input is larger than 10,000 bytes, the most read as one document; nothing was read',
    });
  });

  it('reads a regular file within the limit, and names a missing one or a folder plainly', async () => {
    const dir = tempDir('citelens-read-input-');
    const file = path.join(dir, 'draft.md');
    fs.writeFileSync(file, 'A claim [1].');
    expect((await readInputBytes(file)).toString()).toBe('A claim [1].');
    await expect(readInputBytes(file, { limit: 4 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    await expect(readInputBytes(path.join(dir, 'missing.md'))).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: `cannot read ${path.join(dir, 'missing.md')}: no such file`,
    });
    await expect(readInputBytes(dir)).rejects.toMatchObject({ code: 'UNREADABLE_FILE' });
  });
});
