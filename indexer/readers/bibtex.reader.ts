// BibTeX: reads each @entry of one or several .bib files (bibtex-parser.ts) and maps it to a record (key → id,
// author → authors, keywords → tags) with the line it starts on, after @strings and crossrefs are resolved.
import { applyCrossrefs, type BibEntry } from './bibtex-crossref.ts';
import { keyless, toFields } from './bibtex-fields.ts';
import { BibParser, BibSyntaxError, ENTRY_HEAD, macrosInFile, NEXT_ENTRY } from './bibtex-parser.ts';
import { lineOf, lineStarts, problemAt } from './locate.ts';
import type { InputProblem, RawRecord, Reader } from './reader.ts';

/** A .bib file's text and its name. */
export type BibtexInput = { text: string; file: string };

/** Reads a BibTeX or BibLaTeX file; text outside entries is ignored, as BibTeX does. */
export const readBibtex: Reader = (text, file) => readBibtexFiles([{ text, file }])[0]!;

/**
 * Reads the .bib files of one run as BibTeX reads the files of `\bibliography{strings,refs}`: an entry may use a
 * @string and cross-reference an entry of another of them (a proceedings file kept apart, as JabRef and biber users
 * keep one). A name is looked for in the entry's own file first, then in the others in order. Gives each file's
 * records, problems and notices, in the order of `inputs`; a notice stands with the file of the entry it is about.
 */
export function readBibtexFiles(inputs: readonly BibtexInput[]): ReturnType<Reader>[] {
  const fileMacros = inputs.map(({ text }) => macrosInFile(text));
  const read = inputs.map(({ text, file }, index) => {
    // Another file's @strings are known, the first definition of each name, under this file's own.
    const others = new Map<string, string>();
    for (const [other, macros] of fileMacros.entries()) {
      if (other === index) continue;
      for (const [name, value] of macros) if (!others.has(name)) others.set(name, value);
    }
    const own = others.size === 0 ? fileMacros[index]! : macrosInFile(text, others);
    return parseEntries(text, file, new Map([...others, ...own]), inputs.length > 1);
  });
  // A crossref's parent usually stands after its children: fields are inherited once every entry is read.
  const { kept, notices } = applyCrossrefs(read.map(({ entries }) => entries));
  return read.map(({ entries, problems }, index) => {
    const records = kept[index]!.map(toRecord);
    const own = notices[index]!;
    const strings = fileMacros[index]!.size;
    if (inputs.length > 1 && entries.length === 0 && problems.length === 0 && strings > 0) {
      // A strings file (\bibliography{strings,refs}) is given for the others' sake: said so, not "holds no entry".
      const count = strings === 1 ? '1 @string' : `${strings} @strings`;
      own.push(
        `${inputs[index]!.file}: holds no entry, only ${count}, which the entries of the other .bib files may use`,
      );
    }
    return own.length > 0 ? { records, problems, notices: own } : { records, problems };
  });
}

function toRecord({ type, key, fields, location, repairs }: BibEntry): RawRecord {
  const mapped = toFields(type, key, fields);
  const keyRepair = key === '' ? [keyless(mapped, location)] : [];
  return { fields: mapped, location, repairs: [...keyRepair, ...repairs], latexCleaned: true };
}

/** The entries of one file in order, and a located problem for each that could not be read. */
function parseEntries(
  text: string,
  file: string,
  macros: ReadonlyMap<string, string>,
  severalFiles: boolean,
): { entries: BibEntry[]; problems: InputProblem[] } {
  const parser = new BibParser(text, macros);
  const starts = lineStarts(text);
  const entries: BibEntry[] = [];
  const problems: InputProblem[] = [];
  const nowhere = severalFiles
    ? 'in none of the .bib files read'
    : 'nowhere in this file (is it in another .bib file?)';
  let record = 0;
  for (;;) {
    const at = text.indexOf('@', parser.pos);
    if (at === -1) break;
    ENTRY_HEAD.lastIndex = at;
    const head = ENTRY_HEAD.exec(text);
    if (!head) {
      parser.pos = at + 1;
      continue;
    }
    const type = (head[1] ?? '').toLowerCase();
    const close = head[2] === '{' ? '}' : ')';
    const isEntry = type !== 'comment' && type !== 'string' && type !== 'preamble';
    if (isEntry) record += 1;
    const line = lineOf(starts, at);
    parser.pos = ENTRY_HEAD.lastIndex;
    try {
      if (type === 'comment') parser.skipBalanced(close, at);
      else if (type === 'preamble') parser.preamble(close);
      else if (type === 'string') parser.macro(close);
      else {
        parser.undefinedMacros = [];
        parser.missingCommas = [];
        const { key, fields } = parser.entry(close, at);
        const repairs: InputProblem[] = [];
        for (const use of parser.undefinedMacros) {
          const message = `@string "${use.name}" is defined ${nowhere}; its name was kept as the text`;
          repairs.push(problemAt(file, lineOf(starts, use.offset), record, use.field.toLowerCase(), message));
        }
        for (const gap of parser.missingCommas) {
          const message = `a "," is missing after this field's value, before the next field; it was read as if it were there`;
          repairs.push(problemAt(file, lineOf(starts, gap.offset), record, gap.field.toLowerCase(), message));
        }
        entries.push({ type, key, fields, location: { file, line, record }, repairs });
      }
    } catch (error) {
      if (!(error instanceof BibSyntaxError)) throw error;
      const where = lineOf(starts, error.offset);
      const message = where === line ? error.message : `${error.message} (at line ${where})`;
      problems.push(problemAt(file, line, isEntry ? record : null, null, message));
      NEXT_ENTRY.lastIndex = at + 1;
      parser.pos = NEXT_ENTRY.exec(text)?.index ?? text.length;
    }
  }
  return { entries, problems };
}
