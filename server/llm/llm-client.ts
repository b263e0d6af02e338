// The LlmClient contract: a chat model that answers a list of messages, whole or as a stream of
// text pieces. One implementation speaks the OpenAI-compatible protocol (openai-client.ts).

/** One chat message. */
export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

/** What one completion asks for. */
export type ChatRequest = {
  messages: readonly ChatMessage[];
  /** Sampling temperature; answers from sources want little creativity. */
  temperature?: number;
  maxTokens?: number;
  /** Cancels the request (the client also cancels it on its own timeout). */
  signal?: AbortSignal;
};

export interface LlmClient {
  /** The model the client asks for. */
  readonly model: string;
  /**
   * The whole reply text. Throws AppError LLM_UNAVAILABLE when the server is unreachable, answers an
   * HTTP error or a malformed reply, or does not answer in time (details.reason says which).
   */
  complete(request: ChatRequest): Promise<string>;
  /** The reply as text pieces, in order, as the server produces them; fails like complete(). */
  stream(request: ChatRequest): AsyncIterable<string>;
}
