// The one table of error codes: what each means, its HTTP status, and a hint for people.
// Every failure the product reports goes through AppError with one of these codes.

export const ERRORS = {
  INVALID_INPUT: { status: 400, hint: 'Check the named field or parameter and try again.' },
  INVALID_PAPERS: {
    status: 400,
    hint: 'Fix each record named with its file and line, or leave out --strict (or pass --skip-invalid) to index the usable ones; where no record was found, check that the file is an export of papers, or pass --format.',
  },
  UNKNOWN_FORMAT: {
    status: 400,
    hint: 'Pass --format (jsonl, json, csv, tsv, bibtex, csl-json, arxiv-atom, ris, medline, wos).',
  },
  UNREADABLE_FILE: { status: 400, hint: 'Check that the path exists and is a readable text file (UTF-8).' },
  NOT_TEXT: {
    status: 400,
    hint: 'Give text: copy it out of the document, or save it as plain text or Markdown; a library is exported from the reference manager (BibTeX, RIS, CSL JSON).',
  },
  FILE_TOO_LARGE: {
    status: 413,
    hint: 'Split the file, or convert it to JSON Lines, which is read one record at a time.',
  },
  DUPLICATE_ID: { status: 400, hint: 'Give every paper a unique id.' },
  PAPER_NOT_FOUND: { status: 404, hint: 'List papers with `citelens search` or GET /api/search.' },
  NOT_FOUND: { status: 404, hint: 'Check the URL.' },
  PAYLOAD_TOO_LARGE: { status: 413, hint: 'Send a smaller request body.' },
  HEADERS_TOO_LARGE: {
    status: 431,
    hint: 'Send a long query with POST /api/search, its parameters in a JSON body, and keep headers short.',
  },
  REQUEST_TIMEOUT: { status: 408, hint: 'Send the whole request at once; a stalled request is cut off.' },
  INDEX_NOT_FOUND: { status: 503, hint: 'Build one with `citelens index <files> --index <dir>`.' },
  INDEX_CORRUPT: { status: 503, hint: 'Rebuild it with `citelens index <files> --index <dir> --rebuild`.' },
  INDEX_LOCKED: {
    status: 409,
    hint: 'Another `citelens index` is writing this index; wait for it or remove the stale LOCK file.',
  },
  INDEX_WRITE_FAILED: {
    status: 500,
    hint: 'Check free disk space and write permission; the previous index is unchanged.',
  },
  EMBEDDER_MISMATCH: {
    status: 409,
    hint: 'Rebuild the index with the new embedder: `citelens index <files> --index <dir> --rebuild --embedder <kind>`.',
  },
  EMBEDDER_UNAVAILABLE: {
    status: 503,
    hint: 'Use --embedder builtin, or put the model in the cache folder (CITELENS_MODEL_DIR).',
  },
  JUDGE_UNAVAILABLE: {
    status: 503,
    hint: 'Set CITELENS_JUDGE=builtin, or put the NLI model (CITELENS_NLI_MODEL) in the model folder (CITELENS_MODEL_DIR).',
  },
  LLM_UNAVAILABLE: { status: 502, hint: 'Check CITELENS_LLM_BASE_URL and that the server is running.' },
  CROSS_ORIGIN: {
    status: 403,
    hint: 'Send it from the Citelens web UI, a client without an Origin header, or an origin listed in CITELENS_CORS_ORIGINS.',
  },
  UNAUTHORIZED: { status: 401, hint: 'Send the access token as `Authorization: Bearer <token>`.' },
  TIMEOUT: { status: 503, hint: 'Try again; the server is busy.' },
  OVERLOADED: { status: 503, hint: 'Too many requests at once; try again shortly.' },
  INVALID_CONFIG: { status: 500, hint: 'Fix or unset the named environment variable (see the README).' },
  INTERNAL: { status: 500, hint: 'This is a bug in Citelens; the server log has the details.' },
} as const satisfies Record<string, { status: number; hint: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** A failure with a code from the error table, a message saying what was wrong and where, and optional details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  get hint(): string {
    return ERRORS[this.code].hint;
  }
}

/** Shorthand for `new AppError(code, message, details)`. */
export function createError(code: ErrorCode, message: string, details?: unknown): AppError {
  return new AppError(code, message, details);
}

/**
 * PAPER_NOT_FOUND for an id the index does not hold, worded once for every surface (API, MCP):
 * clients read `details.id`.
 */
export function paperNotFound(id: string): AppError {
  return new AppError('PAPER_NOT_FOUND', `No paper has the id '${id}'.`, { id });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
