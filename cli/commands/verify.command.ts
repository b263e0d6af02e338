// `citelens verify <file|->`: checks every citation of a text against the library and prints a
// verdict, score and evidence sentence per citation (or JSON); --strict exits 3 on any doubt.
import fs from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { invalidInputError } from '../../core/input-issues.ts';
import { decodeDocument, ENCODINGS, type Encoding, openIndex } from '../../indexer/index.ts';
import {
  bibliographyNames,
  libraryOfIndex,
  type VerifyResponse,
  verifyTextWith,
  zVerifyRequest,
} from '../../server/verify/index.ts';
import { createJudge } from '../../server/verify/judge/index.ts';
import { action, EXIT_CODES, printJson, printNotice } from '../output.ts';
import { inputName, readInputBytes } from '../read-input.ts';

type VerifyCommandOptions = {
  index: string;
  references?: string;
  encoding?: Encoding;
  json?: boolean;
  strict?: boolean;
};

// A text file (or standard input) as text: UTF-8, or UTF-16 or Windows-1252 with a notice; a PDF,
// a word processor's file or another binary file is refused, naming it.
async function readInput(file: string, encoding?: Encoding): Promise<string> {
  const bytes = await readInputBytes(file);
  const { text, notice } = decodeDocument(inputName(file), bytes, encoding);
  if (notice) printNotice(notice);
  return text;
}

/**
 * The bibliography a draft names (a LaTeX \bibliography, or a Pandoc front matter's bibliography
 * field), when its file lies beside the draft: the references its keys point into.
 */
function bibliographyBeside(file: string, text: string): string | undefined {
  if (file === '-') return undefined;
  for (const name of bibliographyNames(text)) {
    const candidate = path.resolve(path.dirname(file), name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

// One line per quote: a claim copied out of a PDF keeps its line breaks in the response, not here.
const shorten = (text: string, max = 100) => {
  const line = text.replace(/\s+/gu, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

function formatReport(response: VerifyResponse): string {
  const lines: string[] = [];
  for (const claim of response.claims) {
    if (claim.citations.length === 0 && claim.suggestions.length === 0) continue;
    lines.push(`“${shorten(claim.text)}”`);
    for (const c of claim.citations) {
      const target = c.paperId ? `${c.paperId}` : 'not in library';
      const odds = c.judge
        ? `, support ${c.support.toFixed(2)}, contradiction ${c.contradiction.toFixed(2)}, ${c.judge} judge`
        : '';
      lines.push(`  ${c.marker} → ${target}: ${c.verdict.replaceAll('_', ' ')} (${c.score.toFixed(2)}${odds})`);
      if (c.part) lines.push(`      judged for: “${shorten(c.part.text, 140)}”`);
      if (c.evidence) lines.push(`      evidence: “${shorten(c.evidence.text, 140)}”`);
      if (c.conflicts.length > 0) lines.push(`      conflicts: ${c.conflicts.join(', ')}`);
      if (c.unmentioned) lines.push(`      the paper never mentions: ${c.unmentioned.join(', ')}`);
      if (c.note) lines.push(`      note: ${c.note}`);
    }
    for (const s of claim.suggestions)
      lines.push(`  better backed by ${s.paperId} (${s.score.toFixed(2)}): “${shorten(s.evidence.text, 120)}”`);
    lines.push('');
  }
  const citations = response.claims.flatMap((c) => c.citations);
  const count = (verdict: string) => citations.filter((c) => c.verdict === verdict).length;
  lines.push(
    `${response.claims.length} claims, ${citations.length} citations: ${count('supported')} supported, ${count('partially_supported')} partially, ${count('contradicted')} contradicted, ${count('not_supported')} not supported, ${count('not_in_library')} not in the library.`,
  );
  return `${lines.join('\n')}\n`;
}

export function registerVerifyCommand(program: Command): void {
  const config = loadConfig();
  program
    .command('verify')
    .description(
      'Check the citations of a text (numeric with or without a pinpoint, ref. 3, author–year, arXiv, DOI, paper id, LaTeX \\cite, Pandoc @key) against the library',
    )
    .argument('<file>', 'text file to check, or - for standard input')
    .option('--index <dir>', 'index folder', config.indexDir)
    .option(
      '--references <file>',
      'reference list in its own file: plain, or an export (BibTeX, RIS, CSL JSON, MEDLINE, EndNote, RefWorks, PubMed XML, MODS, Zotero RDF) (default: the list at the end of the text, or the bibliography a LaTeX or Pandoc draft names)',
    )
    .addOption(
      new Option('--encoding <encoding>', 'text encoding of the text and references (default: detected)').choices(
        ENCODINGS,
      ),
    )
    .option(
      '--strict',
      `exit with status ${EXIT_CODES.citationsInDoubt} unless every citation is supported (${EXIT_CODES.failure} stays a failure to check)`,
    )
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      [
        '',
        `Exit status: 0 checked (with --strict: every citation supported; a text with no`,
        'citations is 0 too, with a notice that nothing was checked);',
        `${EXIT_CODES.failure} the check failed (no index, an unreadable file);`,
        `${EXIT_CODES.usage} the command line is wrong;`,
        `${EXIT_CODES.citationsInDoubt} --strict and a citation is not supported (partially supported,`,
        'contradicted, not supported or not in the library); the report is printed all the same.',
      ].join('\n'),
    )
    .action(
      action(async (file: string, options: VerifyCommandOptions) => {
        const text = await readInput(file, options.encoding);
        const bibliography = options.references ? undefined : bibliographyBeside(file, text);
        if (bibliography) printNotice(`Reading the references from ${bibliography}, which the draft names.`);
        const references = options.references ?? bibliography;
        const parsed = zVerifyRequest.safeParse({
          text,
          ...(references ? { references: await readInput(references, options.encoding) } : {}),
        });
        if (!parsed.success) {
          // The API's wording ("must be at most 100000 characters long"), naming the file at fault.
          const nameField = (field: string | null) =>
            field?.startsWith('references') && references
              ? `The references in ${inputName(references)}`
              : `The text of ${inputName(file)}`;
          throw invalidInputError(parsed.error, nameField);
        }
        const reader = await openIndex(options.index, {
          modelDir: config.modelDir,
          offline: true,
          onNotice: printNotice,
        });
        try {
          const library = libraryOfIndex(reader);
          const { judge, notice } = await createJudge(library.statistics, config);
          if (notice) printNotice(notice);
          const response = await verifyTextWith(library, parsed.data, judge);
          if (options.json) printJson(response);
          else process.stdout.write(formatReport(response));
          // Vacuously "every citation supported" under --strict (status 0), but said, so a check
          // that found nothing to check (a draft citing in a style not read) is not taken for a pass.
          if (!response.claims.some((c) => c.citations.length > 0))
            printNotice(`no citations found in ${inputName(file)}; nothing was checked.`);
          const doubtful = response.claims.some((c) => c.citations.some((x) => x.verdict !== 'supported'));
          // An outcome of the check, told apart from a failure to check (1) by its own status.
          if (options.strict && doubtful) process.exitCode = EXIT_CODES.citationsInDoubt;
        } finally {
          reader.close();
        }
      }),
    );
}
