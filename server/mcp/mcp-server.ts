// The Citelens MCP server: the tools and paper resources over the served index generation. The
// same server runs over stdio (`citelens mcp`) and over Streamable HTTP at /mcp (`citelens serve`).
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { Config } from '../../core/config.ts';
import { type AppError, type ErrorCode as AppErrorCode, isAppError } from '../../core/errors.ts';
import type { IndexReader } from '../../indexer/index.ts';
import { appErrorOf } from '../http/error-handler.ts';
import { READ_FAILURES } from '../index-holder/damaged-generations.ts';
import type { IndexHolder, IndexLease } from '../index-holder.ts';
import { OPENAPI_INFO } from '../routes/docs.route.ts';
import { askLibraryTool, verifyCitationsTool } from './answer.tools.ts';
import { type IndexFolderInErrors, indexErrorForClient } from './index-folder-errors.ts';
import { getPaperTool, libraryInfoTool, searchPapersTool, similarPapersTool } from './library.tools.ts';
import {
  inputJsonSchema,
  type McpTool,
  outputJsonSchema,
  PAPER_TEXT_IS_DATA,
  parseArguments,
  toolError,
  toolErrorBody,
  toolResult,
} from './mcp-tool.ts';
import {
  listNoPaperResources,
  listPaperResources,
  PAPER_URI_TEMPLATE,
  RESOURCE_NOT_FOUND,
  readPaperResource,
} from './paper.resources.ts';
import { announceResourceListChanges } from './resource-list-changes.ts';

/** Every tool, in the order clients list them. */
export const MCP_TOOLS: readonly McpTool[] = [
  searchPapersTool,
  getPaperTool,
  similarPapersTool,
  askLibraryTool,
  verifyCitationsTool,
  libraryInfoTool,
];

const INSTRUCTIONS = [
  'Citelens searches, answers from and checks citations against a local library of research papers.',
  'Results carry paper ids, passage spans (field, start, end: character offsets into the title or abstract) and scores: cite them.',
  'Failures are tool errors with a code (INDEX_NOT_FOUND, INDEX_CORRUPT, PAPER_NOT_FOUND, INVALID_INPUT…), a message and a hint.',
  PAPER_TEXT_IS_DATA,
].join(' ');

export type McpServerOptions = {
  holder: IndexHolder;
  config: Config;
  /** Where unexpected errors are reported (stderr; never stdout, which carries the stdio protocol). */
  log?: (message: string) => void;
  /**
   * Name the index folder when no index is loaded (none yet, or a damaged one), with the command
   * that builds it there: for a client on this machine (stdio). Over HTTP the folder stays unsaid,
   * as the API keeps server paths.
   */
  indexFolderInErrors?: IndexFolderInErrors;
};

// JSON-RPC codes for failures outside tool calls (listing and reading resources).
const RPC_CODES: Partial<Record<AppErrorCode, number>> = {
  INVALID_INPUT: ErrorCode.InvalidParams,
  PAPER_NOT_FOUND: RESOURCE_NOT_FOUND,
  // Reading a paper before an index exists: no such resource yet (the data says why).
  INDEX_NOT_FOUND: RESOURCE_NOT_FOUND,
};

/** A JSON-RPC error carrying the API's error body as its data. */
function rpcError(appError: AppError): Error {
  return Object.assign(new Error(appError.message), {
    code: RPC_CODES[appError.code] ?? ErrorCode.InternalError,
    data: toolErrorBody(appError).error,
  });
}

/** A new MCP server over `holder`'s index; connect it to one transport. */
export function createMcpServer(options: McpServerOptions): Server {
  const { holder, config } = options;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  // Only a server whose index folder is watched, on a connection that lasts (stdio), can say later
  // that the list changed; over stateless HTTP each request is a new server.
  const announcesChanges = options.indexFolderInErrors?.watching === true;
  const server = new Server(
    { name: 'citelens', title: 'Citelens', version: OPENAPI_INFO.info.version },
    {
      capabilities: { tools: {}, resources: announcesChanges ? { listChanged: true } : {} },
      instructions: INSTRUCTIONS,
    },
  );
  if (announcesChanges) announceResourceListChanges(server, holder);
  const tools = new Map(MCP_TOOLS.map((tool) => [tool.name, tool]));

  /**
   * The error the client is told for a failure of `what`, mapped as the HTTP API maps it (SQLite's
   * damage met while answering from `reader`'s generation is INDEX_CORRUPT, reported for it), and
   * INDEX_NOT_FOUND or INDEX_CORRUPT said with the folder and the command that (re)builds the index
   * where the client may be told them.
   */
  function clientError(error: unknown, what: string, reader?: IndexReader): AppError {
    const appError = appErrorOf(error, { where: `MCP ${what}`, log, holder, reader });
    return indexErrorForClient(appError, holder, options.indexFolderInErrors);
  }

  /**
   * Runs `use` on one index generation, held for the whole call. Every failure is thrown as the
   * client is told it (see `clientError`): INDEX_NOT_FOUND when none is loaded, INDEX_CORRUPT when the
   * one published is damaged and nothing older serves, and what `use` met, said for the generation it read.
   */
  async function withIndex<T>(what: string, use: (reader: IndexReader) => Promise<T> | T): Promise<T> {
    let lease: IndexLease;
    try {
      lease = holder.acquire();
    } catch (error) {
      throw clientError(error, what);
    }
    try {
      return await use(lease.reader);
    } catch (error) {
      throw clientError(error, what, lease.reader);
    } finally {
      lease.release();
    }
  }

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: MCP_TOOLS.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: inputJsonSchema(tool),
      outputSchema: outputJsonSchema(tool),
      annotations: { readOnlyHint: true, openWorldHint: false },
    })),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = tools.get(request.params.name);
    if (!tool) {
      throw Object.assign(new Error(`There is no tool named '${request.params.name.slice(0, 100)}'.`), {
        code: ErrorCode.InvalidParams,
      });
    }
    const what = `tool call ${tool.name}`;
    let args: unknown;
    try {
      args = parseArguments(tool, request.params.arguments);
    } catch (error) {
      return toolError(clientError(error, what));
    }
    try {
      return toolResult(await withIndex(what, (reader) => tool.run(args, { reader, config, signal: extra.signal })));
    } catch (error) {
      // withIndex throws the error as the client is told it; anything else (a result that does not
      // serialize) is mapped here.
      return toolError(isAppError(error) ? error : clientError(error, what));
    }
  });

  /**
   * One page of the paper resources; none while no index is loaded (none yet, damaged, unreadable),
   * with why in `_meta`. A failure while listing a served index (a lock met by its query) is an error:
   * an empty list would say the library is empty.
   */
  async function listResources(cursor: string | undefined) {
    let lease: IndexLease;
    try {
      lease = holder.acquire();
    } catch (error) {
      const appError = clientError(error, 'resource list');
      // No index to serve (none yet, damaged, or unreadable for now) is an empty library, said beside the list.
      const noIndex = appError.code === 'INDEX_NOT_FOUND' || appError.code === 'INDEX_CORRUPT';
      if (!noIndex && !READ_FAILURES.has(appError.code)) throw rpcError(appError);
      return listNoPaperResources(cursor, toolErrorBody(appError).error);
    }
    try {
      return listPaperResources(lease.reader, cursor);
    } catch (error) {
      throw rpcError(clientError(error, 'resource list', lease.reader));
    } finally {
      lease.release();
    }
  }

  server.setRequestHandler(ListResourcesRequestSchema, (request) => listResources(request.params?.cursor));

  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
    resourceTemplates: [
      {
        uriTemplate: PAPER_URI_TEMPLATE,
        name: 'paper',
        title: 'A paper of the library',
        description: `Title, authors, year, venue, identifiers and abstract of the paper with this id, as JSON. ${PAPER_TEXT_IS_DATA}`,
        mimeType: 'application/json',
      },
    ],
  }));

  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    try {
      return await withIndex('resource read', (reader) => readPaperResource(reader, request.params.uri));
    } catch (error) {
      throw rpcError(isAppError(error) ? error : clientError(error, 'resource read'));
    }
  });

  return server;
}
