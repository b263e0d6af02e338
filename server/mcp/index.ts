// The MCP server's public API: the /mcp endpoint of the HTTP app, and the server factory, which is
// loaded on demand (the SDK adds to the start-up time of every command that does not use it).
export { MCP_PATH, mountMcp } from './mcp.route.ts';
export type { McpServerOptions } from './mcp-server.ts';

/** The MCP server factory and its tools, loaded on first use. */
export function loadMcpServer(): Promise<typeof import('./mcp-server.ts')> {
  return import('./mcp-server.ts');
}
