// Adding paper files from the browser: open an upload, send each file's bytes in parts (as they are
// on disk, so the indexer detects the encoding and reads a Zotero database too), then index it and
// follow the server-sent events (progress, then done or the located problems).
import type { UploadEvent } from '../../../server/library/upload.schema.ts';
import { readEventStream } from './event-stream.ts';
import { postBytes, postForStream, postJson } from './http.ts';

/** Bytes per part (the server's UPLOAD_LIMITS.maxPartBytes). */
export const PART_BYTES = 384 * 1024;

export async function startUpload(signal?: AbortSignal): Promise<string> {
  return (await postJson<{ id: string }>('/library/uploads', {}, signal)).id;
}

/** Sends a file's bytes in parts; `onSent` gets the bytes sent so far. */
export async function sendFile(
  id: string,
  file: File,
  onSent: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const path = `/library/uploads/${id}/files/${encodeURIComponent(file.name)}`;
  let part = 0;
  let at = 0;
  do {
    const chunk = file.slice(at, at + PART_BYTES);
    await postBytes(path, { part }, chunk, signal);
    at += chunk.size;
    part++;
    onSent(at);
  } while (at < file.size);
}

/** Indexes the upload, calling `onEvent` for each event until the stream ends. */
export async function indexUpload(
  id: string,
  onEvent: (event: UploadEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const response = await postForStream(`/library/uploads/${id}/index`, {}, signal);
  if (!response.body) throw new Error('The server sent no events.');
  await readEventStream(response.body, (event) => onEvent(JSON.parse(event.data) as UploadEvent));
}
