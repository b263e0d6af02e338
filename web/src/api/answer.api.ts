// Asking a question: the answer streams in over server-sent events (POST /api/ask/stream) and is
// handed on as views; a server without the stream route gets a plain POST /api/ask.
import type { AnswerSource, AskEvent, AskRequest, AskResponse } from '../../../server/answer/answer.schema.ts';
import { type AnswerView, answerView, streamingView } from '../pages/ask/answer-model.ts';
import { ApiError } from './api-error.ts';
import { readEventStream } from './event-stream.ts';
import { postForStream, postJson } from './http.ts';

/** Called with the answer so far, and once more with `done` when it is complete. */
export type AnswerListener = (answer: AnswerView, done: boolean) => void;

function parse<T>(data: string): T {
  try {
    return JSON.parse(data) as T;
  } catch {
    throw new ApiError('BAD_RESPONSE', 'The answer stream sent an event that is not JSON.', 200);
  }
}

/** Asks `question` and reports the answer as it arrives; resolves when it is complete. */
export async function streamAnswer(question: string, onAnswer: AnswerListener, signal?: AbortSignal): Promise<void> {
  const request: AskRequest = { question };
  let response: Response;
  try {
    response = await postForStream('/ask/stream', request, signal);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'NOT_FOUND') throw error;
    onAnswer(answerView(await postJson<AskResponse>('/ask', request, signal)), true);
    return;
  }
  if (!response.body) throw new ApiError('BAD_RESPONSE', 'The answer stream had no body.', response.status);

  let sources: AnswerSource[] = [];
  let text = '';
  let done = false;
  await readEventStream(response.body, ({ event, data }) => {
    const message = { event, data: parse(data) } as AskEvent;
    switch (message.event) {
      case 'sources':
        sources = message.data.sources;
        onAnswer(streamingView(sources, text), false);
        break;
      case 'delta':
        text += message.data.text;
        onAnswer(streamingView(sources, text), false);
        break;
      case 'done':
        done = true;
        onAnswer(answerView(message.data), true);
        break;
      case 'error':
        throw new ApiError(message.data.code, message.data.message, 200, undefined, message.data.hint);
      default:
        // 'notice' events repeat in the final answer's notice; other events are for newer clients.
        break;
    }
  });
  if (!done) throw new ApiError('BAD_RESPONSE', 'The answer stream ended before the answer was complete.', 200);
}
