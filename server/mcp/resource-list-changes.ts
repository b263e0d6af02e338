// notifications/resources/list_changed for a client connected to one long-lived MCP server (stdio)
// whose index folder is watched: sent each time the holder starts serving another publish, for
// example when the first index is built after the client listed none, or when the index is deleted
// and built again from scratch (generation 1 again, so its number alone would not tell).
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { IndexHolder } from '../index-holder.ts';

/**
 * Tells `server`'s client each time `holder` starts serving another generation (or none). Listens
 * from the client's `initialized` until the server closes; handlers the server already had for
 * those two are kept and called first.
 */
export function announceResourceListChanges(server: Server, holder: IndexHolder): void {
  let stop: (() => void) | undefined;
  const stopListening = () => {
    stop?.();
    stop = undefined;
  };
  const previousInitialized = server.oninitialized;
  server.oninitialized = () => {
    previousInitialized?.();
    stopListening();
    // A client gone meanwhile is the transport's concern; the next change tries again.
    stop = holder.onChange(() => void server.sendResourceListChanged().catch(() => {}));
  };
  const previousClose = server.onclose;
  server.onclose = () => {
    previousClose?.();
    stopListening();
  };
}
