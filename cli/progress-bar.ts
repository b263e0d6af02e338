// Draws indexing progress: a bar with rate and ETA on a terminal, a plain line every few
// seconds otherwise (logs, CI), nothing in --json mode.
import type { ProgressEvent } from '../indexer/index.ts';

const PLAIN_INTERVAL_MS = 5_000;
const BAR_WIDTH = 28;

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}

/** A progress listener writing to `stream` (stderr by default). */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): {
  update: (event: ProgressEvent) => void;
  done: () => void;
} {
  const tty = Boolean(stream.isTTY);
  let started = 0;
  let lastPlain = 0;
  let drawn = false;
  return {
    update(event) {
      if (event.stage !== 'embed' || event.total === 0) return;
      const now = performance.now();
      if (event.done === 0 || started === 0) started = now;
      const elapsed = (now - started) / 1000;
      const rate = elapsed > 0 ? event.done / elapsed : 0;
      const eta = rate > 0 ? (event.total - event.done) / rate : Number.POSITIVE_INFINITY;
      const fraction = event.done / event.total;
      const text = `${event.done}/${event.total} papers  ${rate.toFixed(0)}/s  ETA ${formatSeconds(eta)}`;
      if (tty) {
        const filled = Math.round(fraction * BAR_WIDTH);
        stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${text}\u001b[K`);
        drawn = true;
      } else if (now - lastPlain >= PLAIN_INTERVAL_MS || event.done === event.total) {
        lastPlain = now;
        stream.write(`indexing: ${text}\n`);
      }
    },
    done() {
      if (tty && drawn) stream.write('\n');
    },
  };
}
