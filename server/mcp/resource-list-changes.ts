// notifications/resources/list_changed for a client connected to one long-lived MCP server (stdio)
// whose index folder is watched: sent when the served generation changes, for example when the
// first index is built after the client listed none.
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { IndexHolder } from '../index-holder.ts';

export const RESOURCE_LIST_CHANGES_DEFAULTS = {
  /** How often the served generation is compared; the holder itself looks at the folder every 2 s. */
  everyMs: 1000,
} satisfies { everyMs: number };

/**
 * Tells `server`'s client each time `holder` starts serving another generation (or none). Starts
 * when the server connects and stops when it closes; never keeps the process alive.
 */
export function announceResourceListChanges(
  server: Server,
  holder: IndexHolder,
  everyMs: number = RESOURCE_LIST_CHANGES_DEFAULTS.everyMs,
): void {
  let served = holder.generation;
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  server.oninitialized = () => {
    served = holder.generation;
    stop();
    timer = setInterval(() => {
      const now = holder.generation;
      if (now === served) return;
      served = now;
      // A client gone meanwhile is the transport's concern; the next change tries again.
      server.sendResourceListChanged().catch(() => {});
    }, everyMs);
    timer.unref();
  };
  server.onclose = stop;
}
