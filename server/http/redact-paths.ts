// Keeps the server's file system out of what clients see: a path under the index folder, the
// project, the home or the temp folder is shortened to its last segment.
import os from 'node:os';
import { PROJECT_ROOT } from '../../core/config.ts';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `text` with every path under one of the server's folders (the index folder `indexDir`, the
 * project, home, temp, working folder) replaced by `…/<last segment>`.
 */
export function redactServerPaths(text: string, indexDir?: string): string {
  const roots = [indexDir, PROJECT_ROOT, os.homedir(), os.tmpdir(), process.cwd()]
    .filter((root): root is string => Boolean(root) && root !== '/')
    .sort((a, b) => b.length - a.length);
  if (roots.length === 0) return text;
  const pattern = new RegExp(`(?:${roots.map(escapeRegExp).join('|')})[^\\s'"\`),;]*`, 'g');
  return text.replace(pattern, (found) => {
    const last = found
      .replace(/[/\\.]+$/, '')
      .split(/[/\\]/)
      .pop();
    return last ? `…/${last}` : '…';
  });
}
