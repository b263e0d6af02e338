import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSearchCommand } from '../../cli/commands/search.command.ts';
import { buildSearchIndex, HAND_PAPERS, type SearchFixture } from '../server/search/search-fixture.ts';
import { runCommand } from '../support/run-command.ts';

let fixture: SearchFixture;
let indexDir: string;

beforeAll(async () => {
  fixture = await buildSearchIndex(HAND_PAPERS);
  indexDir = path.join(fixture.dir, 'index');
});

afterAll(() => fixture?.close());

/** Runs `citelens search ...args` in this process and returns what it printed. */
function run(...args: string[]) {
  return runCommand(registerSearchCommand, ['search', ...args, '--index', indexDir]);
}

describe('search command', () => {
  it('prints the search response as JSON', async () => {
    const { stdout, exitCode } = await run('perovskite humidity', '--json');
    expect(exitCode).toBeUndefined();
    const response = JSON.parse(stdout);
    expect(response.mode).toBe('hybrid');
    expect(response.results[0].paper.id).toBe('perovskite-solar');
    expect(response.results[0].passages[0].highlights.length).toBeGreaterThan(0);
  });

  it('prints ranked titles with the matching words marked', async () => {
    const { stdout } = await run('perovskite', '--mode', 'keyword');
    expect(stdout).toContain('1. Perovskite Solar Cells under Humidity (2021)');
    expect(stdout).toContain('Marie Curie · Nature Energy · perovskite-solar');
    expect(stdout).toContain('*Perovskite* films degrade');
    expect(stdout).toMatch(/\n1 result of 1 matching paper \(keyword, [\d.]+ ms\)\n$/);
  });

  it('reads a quoted phrase and an exclusion, and marks the phrase', async () => {
    const quoted = await run('"sparse attention" -kernels', '--mode', 'keyword');
    expect(quoted.exitCode).toBeUndefined();
    expect(quoted.stdout).toContain('1. Sparse Attention Models for Long Documents (2019)');
    expect(quoted.stdout).not.toContain('Notes on Sparse Attention Kernels');
    expect(quoted.stdout).not.toContain('Protein Structure');
    expect(quoted.stdout).toContain('*sparse attention* models');
    expect(quoted.stdout).toMatch(/\n1 result of 1 matching paper \(keyword, [\d.]+ ms\)\n$/);
  });

  it('reads a query that opens with an exclusion as the query, not as an unknown option', async () => {
    const { stdout, stderr, exitCode } = await run('-kernels', '--k', '3', '--json');
    expect(stderr).toBe('');
    expect(exitCode).toBeUndefined();
    expect(JSON.parse(stdout).query).toBe('-kernels');
    const excluded = await run('-kernels sparse attention', '--mode', 'keyword', '--json');
    const ids = JSON.parse(excluded.stdout).results.map((r: { paper: { id: string } }) => r.paper.id);
    expect(ids).toContain('sparse-attention');
    expect(ids).not.toContain('undated-note');
  });

  it('names a mistyped option, and asks for quotes around a query the shell split', async () => {
    const mistyped = await run('attention', '--yaer-from', '2020');
    // 2: the command line is wrong (a failure to run is 1).
    expect(mistyped.exitCode).toBe(2);
    expect(mistyped.stderr).toContain('Unknown option --yaer-from');
    const oneMinus = await run('sparse attention', '-k', '3');
    expect(oneMinus.exitCode).toBe(2);
    expect(oneMinus.stderr).toContain('Unknown option -k: options take two minuses (--k)');
    // A query word that merely ends in an option's name does not hide the mistyped option after it.
    const hidden = await run('xmode', 'attention', '-mode', 'keyword');
    expect(hidden.exitCode).toBe(2);
    expect(hidden.stderr).toContain('Unknown option -mode: options take two minuses (--mode)');
    const split = await run('sparse attention', '-kernels');
    expect(split.exitCode).toBe(2);
    expect(split.stderr).toContain(`in quotes: citelens search '"sparse attention" -kernels'`);
  });

  it('explains the query operators in its help', () => {
    const program = new Command();
    registerSearchCommand(program);
    const help = program.commands
      .find((c) => c.name() === 'search')!
      .helpInformation()
      .replace(/\s+/g, ' ');
    expect(help).toContain('"a phrase" in double quotes');
    expect(help).toContain('-word or -"a phrase"');
  });

  it('passes paging and filters through to the search', async () => {
    const { stdout } = await run(
      'attention',
      '--mode',
      'keyword',
      '--k',
      '1',
      '--offset',
      '1',
      '--author',
      'lovelace',
      '--json',
    );
    const response = JSON.parse(stdout);
    expect(response.k).toBe(1);
    expect(response.offset).toBe(1);
    expect(response.results).toHaveLength(1);
    expect(response.results[0].paper.authors).toContain('Ada Lovelace');
    expect(response.hasMore).toBe(false);
  });

  it('keeps only the given years', async () => {
    const { stdout } = await run('attention', '--year-from', '2021', '--year-to', '2022', '--json');
    const ids = JSON.parse(stdout).results.map((r: { paper: { id: string } }) => r.paper.id);
    expect(ids.sort()).toEqual(['perovskite-solar', 'protein-structure']);
  });

  it('counts only the matching papers, and marks the results past them, closest in meaning, as no match', async () => {
    const { stdout } = await run('attention', '--k', '5');
    const response = JSON.parse((await run('attention', '--k', '5', '--json')).stdout);
    const matching = response.results.filter((r: { match: boolean }) => r.match).length;
    expect(matching).toBeLessThan(5);
    expect(stdout).toMatch(
      new RegExp(`\\nResults 1–5: ${response.total} matching papers? and those closest in meaning \\(hybrid`),
    );
    expect(stdout.match(/, not a match\]/g)).toHaveLength(5 - matching);
    const past = await run('attention', '--k', '2', '--offset', String(response.total));
    // As the web says it: not "Results 4–5 of 3 matching papers and those closest in meaning".
    const [first, last] = [response.total + 1, response.total + 2];
    expect(past.stdout).toMatch(
      new RegExp(
        `\\nResults ${first}–${last}: past the ${response.total} matching papers?, those closest in meaning \\(hybrid`,
      ),
    );
    expect(past.stdout.match(/, not a match\]/g)).toHaveLength(2);
  });

  it('says so when nothing matches', async () => {
    const { stdout } = await run('xylophone', '--mode', 'keyword');
    expect(stdout).toBe('No papers match "xylophone" (keyword search).\n');
  });

  it('says that nothing in a query of stop words, symbols or one letter can be searched for', async () => {
    expect((await run('the of and')).stdout).toBe(
      'Nothing in the query can be searched for: it holds only stop words (the, of, and), which are not indexed.\n',
    );
    expect((await run('a')).stdout).toBe(
      'Nothing in the query can be searched for: it holds only stop words (a), which are not indexed.\n',
    );
    expect((await run('🚀')).stdout).toBe('Nothing in the query can be searched for: it has no letters or digits.\n');
    expect((await run('-attention -sink')).stdout).toMatch(
      /^Nothing in the query can be searched for: it holds only exclusions \(-attention, -sink\)\. .*add a word or a "quoted phrase"/,
    );
    expect(JSON.parse((await run('🚀', '--json')).stdout).notice).toBe(
      'Nothing in the query can be searched for: it has no letters or digits.',
    );
  });

  it('fails with a message naming the bad option and the exit code of a usage error', async () => {
    const { stderr, exitCode } = await run('attention', '--k', 'many');
    expect(exitCode).toBe(2);
    expect(stderr).toBe('error: --k must be a number.\nhint: Check the named field or parameter and try again.\n');
  });

  it('words a bad option as the HTTP API words it, naming the option as typed', async () => {
    const cases: Array<[string[], string]> = [
      [['--year-from', 'abc'], '--year-from must be a number.'],
      [['--year-to', '1.5'], '--year-to must be a whole number.'],
      [['--k', '1000'], '--k must be at most 100.'],
      [['--offset', '-1'], '--offset must be at least 0.'],
      [['--ef', '5'], '--ef must be at least 10.'],
      [['--k', '5', '--offset', '998'], '--offset must be at most 995 when --k is 5 (offset + k may not pass 1000).'],
      [['--year-from', '2020', '--year-to', '2010'], '--year-from must not be after --year-to (2020 > 2010).'],
    ];
    for (const [options, message] of cases) {
      const { stderr, exitCode } = await run('attention', ...options);
      expect(exitCode, options.join(' ')).toBe(2);
      expect(stderr, options.join(' ')).toContain(`error: ${message}\n`);
    }
  });

  it('names the --file whose text is longer than a query may be', async () => {
    const file = path.join(fixture.dir, 'too-long.txt');
    fs.writeFileSync(file, 'a '.repeat(10_001));
    const { stderr, exitCode } = await run('--file', file);
    expect(exitCode).toBe(2);
    expect(stderr).toContain(`error: The text of --file ${file} must be at most 20000 characters long.\n`);
  });

  it('refuses a PDF given by --file, saying what it is', async () => {
    const file = path.join(fixture.dir, 'abstract.pdf');
    fs.writeFileSync(file, '%PDF-1.4\n1 0 obj\n<< >>\nendobj\n');
    const { stderr, exitCode } = await run('--file', file);
    expect(exitCode).not.toBe(0);
    expect(stderr).toContain(`${file} is a PDF, not text`);
  });

  it('searches with the text of a 20,000-character file given by --file', async () => {
    const perovskite = HAND_PAPERS.find((p) => p.id === 'perovskite-solar')!;
    let text = `${perovskite.title}. ${perovskite.abstract}\n`;
    for (let i = 0; text.length < 20_000; i++) text += `appendix${i.toString(36)} `;
    const file = path.join(fixture.dir, 'abstract.txt');
    fs.writeFileSync(file, text.slice(0, 20_000));
    const { stdout, exitCode } = await run('--file', file, '--json');
    expect(exitCode).toBeUndefined();
    const response = JSON.parse(stdout);
    expect(response.query).toHaveLength(20_000);
    expect(response.results[0].paper.id).toBe('perovskite-solar');
    const text2 = await run('--file', file);
    expect(text2.stdout).toContain('1. Perovskite Solar Cells under Humidity');
  });

  it('names the unreadable --file, and refuses a query given twice or not at all', async () => {
    const missing = path.join(fixture.dir, 'no-such-abstract.txt');
    const unreadable = await run('--file', missing);
    expect(unreadable.exitCode).toBe(1);
    expect(unreadable.stderr).toBe(
      `error: cannot read ${missing}: no such file\nhint: Check that the path exists and is a readable text file (UTF-8).\n`,
    );
    const both = await run('perovskite', '--file', missing);
    expect(both.stderr).toContain('not both');
    expect(both.exitCode).toBe(2);
    const neither = await run();
    expect(neither.stderr).toContain('--file <path>');
    expect(neither.exitCode).toBe(2);
  });

  it('refuses a device, a pipe or a folder given by --file at once, instead of reading it forever', async () => {
    const fifo = path.join(fixture.dir, 'query.fifo');
    execFileSync('mkfifo', [fifo]);
    for (const [file, what] of [
      ['/dev/zero', '/dev/zero is a device, not a regular file'],
      [fifo, `${fifo} is a pipe, not a regular file`],
      [fixture.dir, `${fixture.dir} is a directory, not a file`],
    ]) {
      const { stderr, exitCode } = await run('--file', file!);
      expect(exitCode, file).toBe(1);
      expect(stderr, file).toContain(`error: ${what}`);
    }
  }, 20_000);

  it('reports a missing index with its hint', async () => {
    const missing = await runCommand(registerSearchCommand, [
      'search',
      'x',
      '--index',
      path.join(fixture.dir, 'nowhere'),
    ]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('There is no index');
  });
});
