// Checking the citations of a pasted text: POST /api/verify, handed on as the verify table's view.
import type { VerifyRequest, VerifyResponse } from '../../../server/verify/verify.schema.ts';
import { type VerifyView, verifyView } from '../pages/verify/verify-model.ts';
import { postJson } from './http.ts';

/** Verifies the citations in `text` (with an optional separate reference list). */
export async function verifyText(
  input: { text: string; references?: string | undefined },
  signal?: AbortSignal,
): Promise<VerifyView> {
  const request: VerifyRequest = { text: input.text, ...(input.references ? { references: input.references } : {}) };
  return verifyView(await postJson<VerifyResponse>('/verify', request, signal), input.text);
}
