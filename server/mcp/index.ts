// The MCP server's public API: the /mcp endpoint of the HTTP app, and the stdio server's start,
// which is loaded on demand (the SDK adds to the start-up time of every command that does not use it).
export { MCP_PATH, mountMcp } from './mcp.route.ts';
export type { McpServerOptions } from './mcp-server.ts';

/** `citelens mcp`'s start (the MCP server over stdio, with its tools), loaded on first use. */
export function loadMcpStdio(): Promise<typeof import('./mcp-stdio.ts')> {
  return import('./mcp-stdio.ts');
}
