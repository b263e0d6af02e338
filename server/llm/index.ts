// The optional LLM: the client contract, the OpenAI-compatible implementation and the factory.
export { createLlmClient } from './create-llm-client.ts';
export type { ChatMessage, ChatRequest, LlmClient } from './llm-client.ts';
export {
  createOpenAiClient,
  type LlmFailureReason,
  OPENAI_CLIENT_DEFAULTS,
  type OpenAiClientOptions,
  sseData,
} from './openai-client.ts';
