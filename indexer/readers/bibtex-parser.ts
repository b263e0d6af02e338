// BibTeX's syntax: a small tolerant parser of @entries' keys and fields, @string macros (with BibTeX's month
// macros), @comment and @preamble, and the @strings a file defines, read before its entries.
import { MONTH_NAMES } from './bibtex-fields.ts';

/** A syntax error at an offset; caught per entry, so one bad entry never hides the others. */
export class BibSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** BibTeX's month macros: "jan" is "January". */
const MONTHS: [string, string][] = MONTH_NAMES.map((name) => [name.slice(0, 3).toLowerCase(), name]);

/** "@type{" or "@type(": where an entry, @string, @comment or @preamble starts. */
export const ENTRY_HEAD = /@[ \t]*([A-Za-z][\w-]*)\s*([{(])/y;
const FIELD_NAME = /[A-Za-z_][\w:.+-]*/y;
/** A field's name and its "=": what follows a value whose comma was left out. */
const FIELD_START = /[A-Za-z_][\w:.+-]*[ \t\r\n]*=/y;
const NUMBER = /\d+/y;
// BibTeX ends a key only at white space, a comma or a brace: "Dobrovol'skii_1963" and "O'Hara:1999#2" are keys.
const KEY = /[^\s,{}]*/y;
/**
 * White space between an entry's tokens, and "%" comments to the end of a line, as biber reads them: a field
 * commented out by hand ("  % note = {old},") is passed over, not an error that loses the entry.
 */
const WHITESPACE = /(?:\s|%[^\n]*)*/y;
/** A line starting the next entry: where reading goes on after an entry that could not be read. */
export const NEXT_ENTRY = /\n[ \t]*@[ \t]*[A-Za-z][\w-]*\s*[{(]/g;

/**
 * Every @string of the file by name (the first definition of each), so an entry may use one defined below it:
 * BibTeX wants a definition before its use, but biber and JabRef do not, and JabRef writes its @string block
 * at the end. A second round resolves a @string made of others defined after it. `others` are the @strings of
 * the other .bib files read with this one, which a @string of this file may be made of.
 */
export function macrosInFile(text: string, others: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  let known = new Map<string, string>();
  for (let round = 0; round < 2; round++) {
    const parser = new BibParser(text, new Map([...others, ...known]));
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

/** Reads one construct at `pos` at a time; a syntax error throws BibSyntaxError with the offset at fault. */
export class BibParser {
  pos = 0;
  /** Macro names used by the entry being read that no @string defines, with where each stands. */
  undefinedMacros: { name: string; field: string; offset: number }[] = [];
  /** Fields of the entry being read followed by the next field without a comma between them. */
  missingCommas: { field: string; offset: number }[] = [];
  private readonly macros: Map<string, string>;

  /** `fileMacros` are the @strings known before their definitions; one defined again takes over from there. */
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
