// Query strings carry text; these helpers let a route reuse a noun's number schema as it is
// (limits, defaults and OpenAPI docs included) by turning numeric text into a number first.
import { z } from '@hono/zod-openapi';

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

/** `schema` applied to a query parameter, after numeric text such as "10" becomes 10. */
export function numberParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === 'string' && NUMERIC.test(value) ? Number(value) : value), schema);
}
