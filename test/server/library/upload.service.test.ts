import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appErrorOf } from '../../../server/http/error-handler.ts';
import { addPart, createUpload } from '../../../server/library/upload.service.ts';
import { uploadsFolder } from '../../../server/library/uploads-folder.ts';

const made: string[] = [];
afterEach(() => {
  for (const id of made.splice(0)) fs.rmSync(path.join(uploadsFolder(), id), { recursive: true, force: true });
});

describe('upload.service', () => {
  // Regression (second review of 29e3090): Node's write errors carry no path, so a full disk during
  // an upload was "Could not answer: no space left on the disk" without the file or the verb.
  it.skipIf(!fs.existsSync('/dev/full'))('names the file a part was being written to when the disk is full', () => {
    const { id } = createUpload();
    made.push(id);
    const file = path.join(uploadsFolder(), id, 'papers.jsonl');
    fs.symlinkSync('/dev/full', file);
    let thrown: unknown;
    try {
      addPart(id, 'papers.jsonl', 0, new TextEncoder().encode('{"title":"A"}\n'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'ENOSPC', path: file });
    const answered = appErrorOf(thrown, { where: 'the upload', log: () => {} });
    expect(answered.code).toBe('DISK_FULL');
    expect(answered.message).toBe(
      `Could not write the file ${file} while answering: no space left on the disk (ENOSPC).`,
    );
  });
});
