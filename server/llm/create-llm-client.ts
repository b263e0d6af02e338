// Chooses the LLM client from the configuration: none unless a base URL and a model are set.
import type { Config } from '../../core/config.ts';
import type { LlmClient } from './llm-client.ts';
import { createOpenAiClient } from './openai-client.ts';

/** The configured LLM client, or undefined when no LLM is configured (answers stay extractive). */
export function createLlmClient(llm: Config['llm']): LlmClient | undefined {
  if (!llm) return undefined;
  return createOpenAiClient({ baseUrl: llm.baseUrl, model: llm.model, apiKey: llm.apiKey, timeoutMs: llm.timeoutMs });
}
