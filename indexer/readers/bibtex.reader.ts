// BibTeX: a small tolerant parser for @entries, @string macros, @comment and @preamble, mapping each
// entry to a record (key → id, author → authors, keywords → tags) with the line it starts on, after crossref.
import { applyCrossrefs, type BibEntry } from './bibtex-crossref.ts';
import { keyless, MONTH_NAMES, toFields } from './bibtex-fields.ts';
import { lineOf, lineStarts, problemAt } from './locate.ts';
import type { InputProblem, RawRecord, Reader } from './reader.ts';

/** A syntax error at an offset; caught per entry, so one bad entry never hides the others. */
class BibSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** BibTeX's month macros: "jan" is "January". */
const MONTHS: [string, string][] = MONTH_NAMES.map((name) => [name.slice(0, 3).toLowerCase(), name]);

const ENTRY_HEAD = /@[ \t]*([A-Za-z][\w-]*)\s*([{(])/y;
const FIELD_NAME = /[A-Za-z_][\w:.+-]*/y;
/** A field's name and its "=": what follows a value whose comma was left out. */
const FIELD_START = /[A-Za-z_][\w:.+-]*[ \t\r\n]*=/y;
const NUMBER = /\d+/y;
// BibTeX ends a key only at white space, a comma or a brace: "Dobrovol'skii_1963" and "O'Hara:1999#2" are keys.
const KEY = /[^\s,{}]*/y;
const WHITESPACE = /\s*/y;
const NEXT_ENTRY = /\n[ \t]*@[ \t]*[A-Za-z][\w-]*\s*[{(]/g;

/** Reads a BibTeX or BibLaTeX file; text outside entries is ignored, as BibTeX does. */
export const readBibtex: Reader = (text, file) => {
  const parser = new BibParser(text, macrosInFile(text));
  const starts = lineStarts(text);
  const entries: BibEntry[] = [];
  const problems: InputProblem[] = [];
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
          const message = `@string "${use.name}" is defined nowhere in this file (is it in another .bib file?); its name was kept as the text`;
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
  // A crossref's parent usually stands after its children: fields are inherited once every entry is read.
  const { kept, notices } = applyCrossrefs(entries);
  const records = kept.map(({ type, key, fields, location, repairs }): RawRecord => {
    const mapped = toFields(type, key, fields);
    const keyRepair = key === '' ? [keyless(mapped, location)] : [];
    return { fields: mapped, location, repairs: [...keyRepair, ...repairs], latexCleaned: true };
  });
  return notices.length > 0 ? { records, problems, notices } : { records, problems };
};

/**
 * Every @string of the file by name (the first definition of each), so an entry may use one defined below it:
 * BibTeX wants a definition before its use, but biber and JabRef do not, and JabRef writes its @string block
 * at the end. A second round resolves a @string made of others defined after it.
 */
function macrosInFile(text: string): Map<string, string> {
  let known = new Map<string, string>();
  for (let round = 0; round < 2; round++) {
    const parser = new BibParser(text, known);
    const found = new Map<string, string>();
    for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
      ENTRY_HEAD.lastIndex = at;
      const head = ENTRY_HEAD.exec(text);
      if (head?.[1]?.toLowerCase() !== 'string') continue;
      parser.pos = ENTRY_HEAD.lastIndex;
      try {
        const [name, value] = parser.macro(head[2] === '{' ? '}' : ')');
        if (!found.has(name)) found.set(name, value);
      } catch (error) {
        // A broken @string is reported where the file is read in order.
        if (!(error instanceof BibSyntaxError)) throw error;
      }
    }
    known = found;
  }
  return known;
}

class BibParser {
  pos = 0;
  /** Macro names used by the entry being read that no @string of the file defines, with where each stands. */
  undefinedMacros: { name: string; field: string; offset: number }[] = [];
  /** Fields of the entry being read followed by the next field without a comma between them. */
  missingCommas: { field: string; offset: number }[] = [];
  private readonly macros: Map<string, string>;

  /** `fileMacros` are the file's @strings, known before their definitions; one defined again takes over from there. */
  constructor(
    private readonly text: string,
    fileMacros: ReadonlyMap<string, string> = new Map(),
  ) {
    this.macros = new Map([...MONTHS, ...fileMacros]);
  }

  entry(close: string, start: number): { key: string; fields: Map<string, string> } {
    this.skipSpace();
    const keyStart = this.pos;
    KEY.lastIndex = this.pos;
    let key = KEY.exec(this.text)?.[0] ?? '';
    if (close === ')' && key.endsWith(')')) key = key.slice(0, -1);
    this.pos = keyStart + key.length;
    const fields = new Map<string, string>();
    this.skipSpace();
    if (this.eat(close)) return { key, fields };
    if (this.text[this.pos] === '=' || (key.includes('=') && !this.text.startsWith(',', this.pos))) {
      // "@article{title = {…}, …}": no key at all, the fields start at once.
      key = '';
      this.pos = keyStart;
    } else if (!this.eat(',')) throw new BibSyntaxError(this.pos, `expected "," after the citation key "${key}"`);
    for (;;) {
      this.skipSpace();
      if (this.eat(close)) return { key, fields };
      if (this.pos >= this.text.length) {
        throw new BibSyntaxError(start, `entry "${key}" is not closed: missing "${close}" at the end of the file`);
      }
      this.failIfNextEntry(key);
      const name = this.match(FIELD_NAME);
      if (name === null) throw new BibSyntaxError(this.pos, `expected a field name in entry "${key}"`);
      this.skipSpace();
      if (!this.eat('=')) throw new BibSyntaxError(this.pos, `expected "=" after field "${name}" in entry "${key}"`);
      const value = this.value(name);
      let valueEnd = this.pos;
      while (valueEnd > 0 && /\s/.test(this.text[valueEnd - 1] ?? '')) valueEnd--;
      // BibTeX keeps the first of two fields with one name; so does this reader.
      if (!fields.has(name.toLowerCase())) fields.set(name.toLowerCase(), value);
      this.skipSpace();
      if (this.eat(',')) continue;
      if (this.eat(close)) return { key, fields };
      this.failIfNextEntry(key);
      FIELD_START.lastIndex = this.pos;
      if (FIELD_START.test(this.text)) {
        // "title = {…}\n  author = …": a comma left out by hand; the next field is read as if it were there.
        this.missingCommas.push({ field: name, offset: valueEnd });
        continue;
      }
      throw new BibSyntaxError(this.pos, `expected "," or "${close}" after the value of field "${name}"`);
    }
  }

  /** Reads a @string definition, defines it from here on, and gives its name (lower case) and value. */
  macro(close: string): [string, string] {
    this.skipSpace();
    const name = this.match(FIELD_NAME);
    if (name === null) throw new BibSyntaxError(this.pos, 'expected a name after @string');
    this.skipSpace();
    if (!this.eat('=')) throw new BibSyntaxError(this.pos, `expected "=" after @string name "${name}"`);
    const value = this.value(name);
    this.macros.set(name.toLowerCase(), value);
    this.skipSpace();
    if (!this.eat(close)) throw new BibSyntaxError(this.pos, `expected "${close}" to close @string "${name}"`);
    return [name.toLowerCase(), value];
  }

  preamble(close: string): void {
    this.value('@preamble');
    this.skipSpace();
    if (!this.eat(close)) throw new BibSyntaxError(this.pos, `expected "${close}" to close @preamble`);
  }

  /** A value: parts joined by "#", each braced, quoted, a number, or a macro name. */
  value(field: string): string {
    let result = '';
    for (;;) {
      this.skipSpace();
      const char = this.text[this.pos];
      if (char === '{') result += this.delimited('{', '}', field);
      else if (char === '"') result += this.delimited('"', '"', field);
      else {
        const offset = this.pos;
        const part = this.match(NUMBER) ?? this.match(FIELD_NAME);
        if (part === null) throw new BibSyntaxError(this.pos, `expected a value for field "${field}"`);
        // An undefined macro keeps its name rather than vanishing, so the text stays visible (and is reported).
        const expanded = /^\d/.test(part) ? part : this.macros.get(part.toLowerCase());
        if (expanded === undefined) this.undefinedMacros.push({ name: part, field, offset });
        result += expanded ?? part;
      }
      this.skipSpace();
      if (!this.eat('#')) return result;
    }
  }

  skipBalanced(close: string, start: number): void {
    let depth = 1;
    for (; this.pos < this.text.length; this.pos++) {
      const char = this.text[this.pos];
      if (char === '{' || (close === ')' && char === '(')) depth++;
      else if (char === '}' || (close === ')' && char === ')')) depth--;
      if (depth === 0) {
        this.pos++;
        return;
      }
    }
    throw new BibSyntaxError(start, `@comment is not closed: missing "${close}"`);
  }

  private delimited(open: string, close: string, field: string): string {
    const start = this.pos;
    let depth = 0;
    for (this.pos++; this.pos < this.text.length; this.pos++) {
      const char = this.text[this.pos];
      if (char === '\\') this.pos++;
      else if (char === '{') depth++;
      else if (char === '}' && depth > 0) depth--;
      else if (char === close && depth === 0) return this.text.slice(start + 1, this.pos++);
      else if (char === '}' && close === '"') {
        throw new BibSyntaxError(this.pos, `unbalanced "}" in the value of field "${field}"`);
      } else if (char === '\n' && this.startsEntry(this.pos)) break;
    }
    const what = open === '{' ? 'a "}"' : 'the closing quote';
    throw new BibSyntaxError(start, `the value of field "${field}" is missing ${what}`);
  }

  private failIfNextEntry(key: string): void {
    if (this.text[this.pos] !== '@') return;
    ENTRY_HEAD.lastIndex = this.pos;
    if (ENTRY_HEAD.test(this.text)) {
      throw new BibSyntaxError(this.pos, `entry "${key}" is not closed before the next entry starts`);
    }
  }

  /** An unclosed value would swallow the rest of the file; a line starting a new entry marks where it went wrong. */
  private startsEntry(newline: number): boolean {
    let at = newline + 1;
    while (this.text[at] === ' ' || this.text[at] === '\t') at++;
    if (this.text[at] !== '@') return false;
    ENTRY_HEAD.lastIndex = at;
    return ENTRY_HEAD.test(this.text);
  }

  private match(pattern: RegExp): string | null {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text);
    if (!found || found[0] === '') return null;
    this.pos = pattern.lastIndex;
    return found[0];
  }

  private eat(char: string): boolean {
    if (this.text[this.pos] !== char) return false;
    this.pos++;
    return true;
  }

  private skipSpace(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }
}
