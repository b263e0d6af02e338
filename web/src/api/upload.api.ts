// Adding paper files from the browser: open an upload, send each file's text in parts, then index
// it and follow the server-sent events (progress, then done or the located problems).
import type { UploadEvent } from '../../../server/library/upload.schema.ts';
import { readEventStream } from './event-stream.ts';
import { postForStream, postJson, postText } from './http.ts';

/** Characters per part (the server's UPLOAD_LIMITS.maxPartChars). */
export const PART_CHARS = 150_000;

/** Splits text into parts of at most `size` characters, never between the halves of a surrogate pair. */
export function splitParts(text: string, size = PART_CHARS): string[] {
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + size);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts.length > 0 ? parts : [''];
}

export async function startUpload(signal?: AbortSignal): Promise<string> {
  return (await postJson<{ id: string }>('/library/uploads', {}, signal)).id;
}

/** Sends a file's text in parts; `onSent` gets the characters sent so far. */
export async function sendFile(
  id: string,
  name: string,
  text: string,
  onSent: (chars: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  let sent = 0;
  const parts = splitParts(text);
  for (const [part, chunk] of parts.entries()) {
    await postText(`/library/uploads/${id}/files/${encodeURIComponent(name)}`, { part }, chunk, signal);
    sent += chunk.length;
    onSent(sent);
  }
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
