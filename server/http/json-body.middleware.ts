// Refuses a body declared as JSON that does not parse, saying what is wrong and where (line and
// column), before a route's validator would answer only "Malformed JSON in request body".
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors.ts';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/** Where a character offset falls in `text`, as a 1-based line and column. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** What JSON.parse found wrong with `text`, with its place in the text when V8 gives one. */
export function describeJsonSyntaxError(text: string, error: SyntaxError): string {
  if (text.trim() === '') return 'The JSON body is empty; send a JSON object.';
  // V8 says "… in JSON at position 8", "Unexpected end of JSON input", or quotes the text back.
  const what = error.message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ at position \d+.*$/s, '');
  const position = /at position (\d+)/.exec(error.message);
  const offset = position ? Number(position[1]) : /end of JSON input/.test(what) ? text.length : undefined;
  if (offset === undefined) return `The JSON body is not valid JSON: ${what}.`;
  const { line, column } = lineAndColumn(text, offset);
  return `The JSON body is not valid JSON: ${what} at line ${line}, column ${column}.`;
}

/** 400 INVALID_INPUT naming the place of the syntax error, for a POST whose body is declared JSON and does not parse. */
export const requireWellFormedJson: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'POST' && JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    // The bytes were read (and checked as UTF-8) by requireUtf8; Hono keeps them for the route.
    const text = new TextDecoder().decode(await c.req.arrayBuffer());
    try {
      JSON.parse(text);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      throw new AppError('INVALID_INPUT', describeJsonSyntaxError(text, error), { field: null });
    }
  }
  await next();
};
