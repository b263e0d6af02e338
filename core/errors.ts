// The one table of error codes: what each means, its HTTP status, and a hint for people (with
// its own wording where a surface lacks what the hint names). Every failure goes through AppError.

/** Where an error is shown: the command line, the HTTP API and the web UI on it, or an MCP client (an agent). */
export type Surface = 'cli' | 'http' | 'mcp';

type ErrorRow = {
  status: number;
  /** What to do about it, said on every surface without a hint of its own in `hints`. */
  hint: string;
  /** A surface's own hint, where `hint` names what it does not have (a command-line flag in the web upload). */
  hints?: Partial<Record<Surface, string>>;
};

/**
 * The extensions that tell a file's format (detectFormat's table in indexer/readers/detect-format.ts,
 * which core cannot import; a test checks that every one of them is here), as the web upload's hints name them.
 */
export const FORMAT_EXTENSIONS = [
  // The common ones first, then other spellings and rarer exports.
  '.jsonl',
  '.json',
  '.csv',
  '.tsv',
  '.bib',
  '.ris',
  '.nbib',
  '.xml',
  '.atom',
  '.ndjson',
  '.csljson',
  '.tab',
  '.bibtex',
  '.medline',
  '.enw',
  '.sqlite',
  '.rdf',
] as const;

const FORMAT_EXTENSION_LIST = `${FORMAT_EXTENSIONS.slice(0, -1).join(', ')} or ${FORMAT_EXTENSIONS.at(-1)}`;

export const ERRORS = {
  INVALID_INPUT: { status: 400, hint: 'Check the named field or parameter and try again.' },
  INVALID_PAPERS: {
    status: 400,
    hint: 'Fix each record named with its file and line, or leave out --strict (or pass --skip-invalid) to index the usable ones; where no record was found, check that the file is an export of papers, or pass --format.',
    hints: {
      http: `Fix each record named with its file and line, then add the file again; where no record was found, check that the file is an export of papers and that its name ends in its format's extension (${FORMAT_EXTENSION_LIST}).`,
    },
  },
  UNKNOWN_FORMAT: {
    status: 400,
    hint: 'Pass --format (jsonl, json, csv, tsv, bibtex, csl-json, arxiv-atom, ris, medline, wos).',
    hints: {
      http: `Give the file its format's extension (${FORMAT_EXTENSION_LIST}) and add it again, or export the library from the reference manager as BibTeX, RIS or CSL JSON.`,
    },
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
  PAPER_NOT_FOUND: {
    status: 404,
    hint: 'List papers with `citelens search` or GET /api/search.',
    hints: {
      mcp: 'Use a paperId that search_papers, ask_library or similar_papers returned (ids are exact, case included).',
    },
  },
  NOT_FOUND: { status: 404, hint: 'Check the URL.' },
  PAYLOAD_TOO_LARGE: { status: 413, hint: 'Send a smaller request body.' },
  HEADERS_TOO_LARGE: {
    status: 431,
    hint: 'Send a long query with POST /api/search, its parameters in a JSON body, and keep headers short.',
  },
  REQUEST_TIMEOUT: { status: 408, hint: 'Send the whole request at once; a stalled request is cut off.' },
  INDEX_NOT_FOUND: { status: 503, hint: 'Build one with `citelens index <files> --index <dir>`.' },
  INDEX_CORRUPT: { status: 503, hint: 'Rebuild it with `citelens index <files> --index <dir> --rebuild`.' },
  // Failures to open an index that say nothing of its pages: none of them calls for a rebuild.
  INDEX_ACCESS_DENIED: {
    status: 503,
    hint: 'Give the user running Citelens read access to the named file and the folders above it (or run Citelens as their owner), then try again. Nothing says the index is damaged: do not rebuild it for this.',
  },
  INDEX_BUSY: {
    status: 503,
    hint: 'Another process holds a lock on the named database (a sqlite3 shell, a backup or sync tool); let it finish, then try again. Nothing says the index is damaged: do not rebuild it for this.',
  },
  RESOURCES_EXHAUSTED: {
    status: 503,
    hint: 'The system ran out of open files or memory: raise the open-files limit (`ulimit -n`), close other programs or run fewer server processes, then try again. Nothing says the index is damaged: do not rebuild it for this.',
  },
  DISK_FULL: {
    status: 503,
    hint: 'Free space on the disk that holds the index, or on the one that holds the temporary folder (TMPDIR), which SQLite and uploads write to, then try again. Nothing says the index is damaged: do not rebuild it for this.',
  },
  UPLOADS_UNAVAILABLE: {
    status: 503,
    hint: "Uploads wait in a folder of the temporary folder (TMPDIR) that only the user running Citelens owns: remove the named folder if it is not that user's (another user's folder, a symbolic link, a file), or start the server with TMPDIR set to a folder that user may write to, then try again.",
  },
  INDEX_UNREADABLE: {
    status: 503,
    hint: 'Check that the named file is in place and the disk is sound (the system log names I/O errors), then try again; if a file of the index was deleted, rebuild it with `citelens index <files> --index <dir> --rebuild`.',
  },
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
} as const satisfies Record<string, ErrorRow>;

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

  /** The table's hint, as every surface without a hint of its own says it (the command line's). */
  get hint(): string {
    return ERRORS[this.code].hint;
  }

  /** The hint as `surface` shows it: its own where the table gives one, else `hint`. */
  hintOn(surface: Surface): string {
    const row: ErrorRow = ERRORS[this.code];
    return row.hints?.[surface] ?? row.hint;
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

/**
 * Whether `error` is SQLite's word that a database file is damaged (better-sqlite3 sets `code`):
 * SQLITE_CORRUPT and its extended codes, or SQLITE_NOTADB. Failures to open or read it for other
 * reasons (SQLITE_CANTOPEN, SQLITE_BUSY, SQLITE_IOERR, EMFILE…) say nothing about its pages.
 */
export function isDatabaseDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || /^SQLITE_CORRUPT(?:_[A-Z]+)?$/.test(code));
}

/**
 * INDEX_CORRUPT for damage SQLite met while answering (pages that went bad after the index was
 * opened: "database disk image is malformed"), worded once for every surface; undefined when
 * `error` is not such damage.
 */
export function databaseDamage(error: unknown): AppError | undefined {
  if (!isDatabaseDamage(error)) return undefined;
  return new AppError(
    'INDEX_CORRUPT',
    'The index database is damaged; this request could not be answered.',
    undefined,
    {
      cause: error,
    },
  );
}
