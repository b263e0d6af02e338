// Requests Node refuses before the app sees them (headers past the size limit, bytes that are not
// HTTP, a request that stalls) are answered with the API's JSON error body, not Node's empty one.
import type { Socket } from 'node:net';
import { AppError } from '../../core/errors.ts';
import { errorBody } from './error-response.ts';

/**
 * Longest request line and headers together, in bytes (Node's default is 16 KiB). A query of
 * SEARCH_LIMITS.maxQueryChars (20,000) characters percent-encodes to at most 60,000 bytes when every
 * character is ASCII (%XX); 64 KiB holds that and ordinary headers. Text outside ASCII takes 6–9
 * bytes a character encoded, so a long query of it is sent with POST. Each open connection may
 * buffer this much, at most SERVE_DEFAULTS.maxConnections of them.
 */
export const MAX_HEADER_BYTES = 64 * 1024;

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  431: 'Request Header Fields Too Large',
};

/** The error a client sees for a request Node refused with `code` (an llhttp HPE_* code or a timeout). */
export function clientErrorOf(code: string | undefined): AppError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new AppError(
        'HEADERS_TOO_LARGE',
        `The request line and headers are larger than ${MAX_HEADER_BYTES / 1024} KB; a GET query longer than that must be sent with POST.`,
        { limitBytes: MAX_HEADER_BYTES },
      );
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return new AppError('PAYLOAD_TOO_LARGE', 'The chunk extensions of the request body are too large.');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AppError('REQUEST_TIMEOUT', 'The request did not arrive in time.');
    default:
      return new AppError('INVALID_INPUT', 'The request is not valid HTTP/1.1.', { field: null });
  }
}

/**
 * The server's 'clientError' listener: does what Node does without one (answer unless a response
 * is already under way, then close the connection), but with a JSON body.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
    const appError = clientErrorOf(error.code);
    const body = JSON.stringify(errorBody(appError));
    socket.write(
      `HTTP/1.1 ${appError.status} ${REASONS[appError.status] ?? 'Error'}\r\n` +
        'Content-Type: application/json; charset=UTF-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
