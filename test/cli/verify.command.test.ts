import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyResponse } from '../../server/verify/verify.schema.ts';
import { DRAFT, MODS_REFERENCES } from '../support/reference-exports.ts';
import { runCli } from '../support/run-cli.ts';
import { writeJsonl } from '../support/synthetic-papers.ts';
import { tempDir } from '../support/temp-dir.ts';

// A library indexed from a reference manager (its ids are not the draft's citation keys), and a
// LaTeX draft whose \cite keys are those of the .bib file it names.
const PAPERS = [
  {
    id: 'zotero-7QX2',
    title: 'Caffeine and working memory in adults',
    authors: ['Maria Lindqvist', 'Tom Okafor'],
    year: 2024,
    doi: '10.5555/caf.2024.001',
    abstract:
      'We ran a randomized placebo-controlled trial with 240 adults. Caffeine intake increased short-term memory recall by 12% compared with placebo.',
  },
  {
    id: 'zotero-9KD1',
    title: 'Glacier melt rates in the Alps',
    authors: ['Hans Meier'],
    year: 2022,
    abstract: 'Alpine glaciers lost mass faster between 2000 and 2020 than in any earlier record.',
  },
];
const BIB = `@article{lindqvist2024caffeine,
  author = {Lindqvist, Maria and Okafor, Tom},
  title = {Caffeine and Working Memory in Adults},
  year = {2024},
  doi = {10.5555/caf.2024.001}
}
`;

// The library, indexed once for the file (a test's tempDir is removed after it).
let index: string;
beforeAll(async () => {
  index = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-verify-cli-'));
  const indexed = await runCli(['index', writeJsonl(index, 'library.jsonl', PAPERS), '--index', index]);
  expect(indexed.code, indexed.stderr).toBe(0);
});
afterAll(() => fs.rmSync(index, { recursive: true, force: true }));

/** Writes a draft beside refs.bib and verifies it, as JSON. */
async function verifyDraft(name: string, text: string) {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'refs.bib'), BIB);
  const draft = path.join(dir, name);
  fs.writeFileSync(draft, text);
  const result = await runCli(['verify', draft, '--index', index, '--json']);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toContain(`Reading the references from ${path.join(dir, 'refs.bib')}`);
  return JSON.parse(result.stdout) as VerifyResponse;
}

describe('citelens verify', () => {
  it("reads a LaTeX draft's \\cite keys through the .bib file it names beside it, and says so", async () => {
    const response = await verifyDraft(
      'draft.tex',
      'Caffeine increased short-term memory recall in adults~\\cite{lindqvist2024caffeine}.\n\\bibliography{refs}\n',
    );
    expect(
      response.claims.flatMap((c) => c.citations.map((x) => [x.marker, x.paperId, x.resolvedBy, x.verdict])),
    ).toEqual([['[lindqvist2024caffeine]', 'zotero-7QX2', 'doi', 'supported']]);
    expect(response.references).toEqual([
      {
        n: 1,
        text: 'Maria Lindqvist, Tom Okafor (2024) Caffeine and Working Memory in Adults.',
        paperId: 'zotero-7QX2',
        resolvedBy: 'doi',
      },
    ]);
  });

  it("reads a Pandoc draft's [@key] citations through the bibliography its front matter names", async () => {
    const response = await verifyDraft(
      'draft.md',
      '---\ntitle: Memory\nbibliography:\n  - missing.json\n  - refs.bib\n---\n\nCaffeine increased short-term memory recall in adults [@lindqvist2024caffeine].\n',
    );
    expect(response.claims.flatMap((c) => c.citations.map((x) => [x.paperId, x.verdict]))).toEqual([
      ['zotero-7QX2', 'supported'],
    ]);
  });

  it('reads a MODS export given with --references as its records', async () => {
    const dir = tempDir();
    const draft = path.join(dir, 'draft.md');
    fs.writeFileSync(draft, `${DRAFT}\n`);
    fs.writeFileSync(path.join(dir, 'references.xml'), MODS_REFERENCES);
    const result = await runCli([
      'verify',
      draft,
      '--references',
      path.join(dir, 'references.xml'),
      '--index',
      index,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const response = JSON.parse(result.stdout) as VerifyResponse;
    expect(response.references.map((r) => [r.n, r.text, r.paperId])).toEqual([
      [1, 'Maria Lindqvist, Tom Okafor (2024) Caffeine and working memory in adults.', 'zotero-7QX2'],
      [2, 'Hans Meier (2022) Glacier melt rates in the Alps.', 'zotero-9KD1'],
    ]);
  });

  it('exits 3 under --strict when a citation is not supported, 0 when all are, and 1 when the check could not run', async () => {
    const dir = tempDir();
    const write = (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };
    const caffeine = 'Lindqvist M, Okafor T. Caffeine and working memory in adults. 2024. doi:10.5555/caf.2024.001';
    const supported = write(
      'supported.md',
      `Caffeine increased short-term memory recall in adults [1].\n\n[1] ${caffeine}\n`,
    );
    // The second reference is to no paper of the library: not supported, whatever the judge reads.
    const doubtful = write(
      'doubtful.md',
      `Caffeine increased short-term memory recall in adults [1]. Gravity waves were measured in 1931 [2].\n\n[1] ${caffeine}\n[2] Smith J. Quantum gravity in the laboratory. 1931.\n`,
    );

    const allSupported = await runCli(['verify', supported, '--index', index, '--strict']);
    expect(allSupported.code, allSupported.stderr).toBe(0);

    const inDoubt = await runCli(['verify', doubtful, '--index', index, '--strict']);
    expect(inDoubt.code, inDoubt.stderr).toBe(3);
    // The report is printed whole: the check ran, and its outcome is the exit status.
    expect(inDoubt.stdout).toContain('2 citations: 1 supported');
    expect(inDoubt.stderr).toBe('');
    const asJson = await runCli(['verify', doubtful, '--index', index, '--strict', '--json']);
    expect(asJson.code).toBe(3);
    expect((JSON.parse(asJson.stdout) as VerifyResponse).claims.length).toBeGreaterThan(0);
    // Without --strict the outcome is only in the report.
    expect((await runCli(['verify', doubtful, '--index', index])).code).toBe(0);

    // A check that could not run is a failure, whatever --strict says.
    const noIndex = await runCli(['verify', doubtful, '--index', path.join(dir, 'no-index'), '--strict']);
    expect(noIndex.code).toBe(1);
    expect(noIndex.stderr).toContain('There is no index in');

    const help = await runCli(['verify', '--help']);
    expect(help.stdout).toMatch(/--strict\s+exit with status 3/);
    expect(help.stdout).toContain('Exit status: 0 checked');
    expect(help.stdout).toContain('3 --strict and a citation is not supported');
  }, 90_000);

  it('says on standard error that nothing was checked when a text has no citations, and exits 0 under --strict', async () => {
    const draft = path.join(tempDir(), 'draft.md');
    fs.writeFileSync(draft, 'Caffeine increased short-term memory recall in adults.\n');
    const notice = `notice: no citations found in ${draft}; nothing was checked.\n`;
    const strict = await runCli(['verify', draft, '--index', index, '--strict']);
    expect(strict.code, strict.stderr).toBe(0);
    expect(strict.stderr).toContain(notice);
    expect(strict.stdout).toContain('0 citations');
    const asJson = await runCli(['verify', draft, '--index', index, '--strict', '--json']);
    expect(asJson.code, asJson.stderr).toBe(0);
    expect(asJson.stderr).toContain(notice);
    expect((JSON.parse(asJson.stdout) as VerifyResponse).claims.flatMap((c) => c.citations)).toEqual([]);
    const help = (await runCli(['verify', '--help'])).stdout.replace(/\s+/gu, ' ');
    expect(help).toContain('a text with no citations is 0 too, with a notice that nothing was checked');
  }, 90_000);

  it('refuses a PDF or a Word file, saying what it is and what to give instead', async () => {
    const dir = tempDir();
    const pdf = path.join(dir, 'draft.pdf');
    fs.writeFileSync(pdf, '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
    const docx = path.join(dir, 'draft.docx');
    fs.writeFileSync(docx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    for (const [file, what] of [
      [pdf, 'is a PDF, not text'],
      [docx, "is a word processor's file"],
    ] as const) {
      const result = await runCli(['verify', file, '--index', tempDir()]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`${file} ${what}`);
    }
  });

  it('refuses a device, a pipe or a missing file at once with one line naming it, instead of reading forever', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'draft.fifo');
    execFileSync('mkfifo', [fifo]);
    const missing = path.join(dir, 'no-such-draft.md');
    for (const [args, line] of [
      [['/dev/zero'], 'error: /dev/zero is a device, not a regular file'],
      [[fifo], `error: ${fifo} is a pipe, not a regular file`],
      [[missing], `error: cannot read ${missing}: no such file`],
      [['-', '--references', missing], `error: cannot read ${missing}: no such file`],
    ] as const) {
      const result = await runCli(['verify', ...args, '--index', tempDir()], { input: 'A claim [1].' });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr.split('\n')[0], args.join(' ')).toBe(line);
    }
  }, 60_000);

  it('names the file whose text is longer than a check may be, in the words of the HTTP API', async () => {
    const draft = path.join(tempDir(), 'long-draft.txt');
    fs.writeFileSync(draft, 'word '.repeat(20_001));
    const result = await runCli(['verify', draft, '--index', index]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: The text of ${draft} must be at most 100000 characters long.\n`);
  });

  it('reads a draft saved as Windows-1252, saying so, with its accents intact', async () => {
    const draft = path.join(tempDir(), 'draft.txt');
    // "naïve" with ï as the byte 0xEF, and an en dash as 0x96: Windows-1252, not UTF-8.
    const line =
      'Caffeine increased short-term memory recall in adults (Lindqvist and Okafor, 2024) \u0096 na\u00efve.\n';
    fs.writeFileSync(draft, Buffer.from(line, 'latin1'));
    const result = await runCli(['verify', draft, '--index', index, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('read as Windows-1252');
    const response = JSON.parse(result.stdout) as VerifyResponse;
    expect(response.claims[0]!.text).toContain('naïve');
    expect(response.claims[0]!.citations.map((c) => c.paperId)).toEqual(['zotero-7QX2']);
  });

  it('names the words the cited paper never mentions when they decide the verdict', async () => {
    const draft = path.join(tempDir(), 'draft.md');
    fs.writeFileSync(draft, 'Caffeine intake raises heart rate [@zotero-7QX2].\n');
    const text = await runCli(['verify', draft, '--index', index]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('the paper never mentions: heart, rate');
    const json = await runCli(['verify', draft, '--index', index, '--json']);
    const [citation] = (JSON.parse(json.stdout) as VerifyResponse).claims[0]!.citations;
    expect(citation).toMatchObject({
      verdict: 'not_supported',
      unmentioned: ['heart', 'rate'],
    });
  });
});
