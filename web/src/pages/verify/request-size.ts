// Whether a Verify request fits the server's request body, measured in UTF-8 bytes as sent: the
// boxes count characters, and a character takes up to 3 bytes (CJK) or 6 once escaped in JSON.
import { ApiError } from '../../api/api-error.ts';
import { type VerifyInput, verifyRequest } from '../../api/verify.api.ts';

/** The server's request body limit (server/app.ts, maxBodyBytes: 512 KB unless the server was started with another). */
export const MAX_BODY_BYTES = 512 * 1024;

const utf8Bytes = (value: string): number => new TextEncoder().encode(value).length;
const kb = (bytes: number): string => `${Math.ceil(bytes / 1024).toLocaleString()} KB`;

/** Null when `input` fits; otherwise the error to show, saying which box to shorten and by how much. */
export function oversizeRequest(input: VerifyInput, maxBytes = MAX_BODY_BYTES): ApiError | null {
  const request = verifyRequest(input);
  const bytes = utf8Bytes(JSON.stringify(request));
  if (bytes <= maxBytes) return null;
  const textBytes = utf8Bytes(JSON.stringify(request.text));
  const referencesBytes = request.references === undefined ? 0 : utf8Bytes(JSON.stringify(request.references));
  const over = kb(bytes - maxBytes);
  const hint =
    referencesBytes === 0
      ? `Shorten the text by at least ${over}.`
      : `Shorten the ${referencesBytes > textBytes ? 'reference list' : 'text'} (the text is ${kb(textBytes)}, the reference list ${kb(referencesBytes)}) by at least ${over} in all.`;
  return new ApiError(
    'PAYLOAD_TOO_LARGE',
    `The text and reference list come to ${kb(bytes)} in UTF-8, more than the ${kb(maxBytes)} one check takes.`,
    413,
    { bytes, maxBytes },
    hint,
  );
}
