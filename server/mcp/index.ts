// The MCP server's public API: the server factory, its tools, and the /mcp endpoint of the HTTP app.

export { mountMcp } from './mcp.route.ts';
export { createMcpServer, MCP_TOOLS, type McpServerOptions } from './mcp-server.ts';
