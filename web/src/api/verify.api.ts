// Checking the citations of a pasted text: POST /api/verify, handed on as the verify table's view.
import type { VerifyRequest, VerifyResponse } from '../../../server/verify/verify.schema.ts';
import { type VerifyView, verifyView } from '../pages/verify/verify-model.ts';
import { postJson } from './http.ts';

export type VerifyInput = { text: string; references?: string | undefined };

/** The JSON body POST /api/verify is sent for `input`. */
export function verifyRequest(input: VerifyInput): VerifyRequest {
  return { text: input.text, ...(input.references ? { references: input.references } : {}) };
}

/** Verifies the citations in `text` (with an optional separate reference list). */
export async function verifyText(input: VerifyInput, signal?: AbortSignal): Promise<VerifyView> {
  return verifyView(await postJson<VerifyResponse>('/verify', verifyRequest(input), signal), input.text);
}
