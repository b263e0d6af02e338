import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidInputError } from '../../core/input-issues.ts';

const schema = z.object({ k: z.number().int().min(1).max(100), filters: z.object({ yearFrom: z.number().int() }) });
const asOption = (field: string | null) => `--${field?.split('.').at(-1)}`;

describe('input-issues', () => {
  it('words an issue for any caller, who names the field as its users know it', () => {
    const input = { k: Number.NaN, filters: { yearFrom: 2020 } };
    const error = invalidInputError(schema.safeParse(input).error!, asOption);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe('--k must be a number.');
    expect(error.details).toMatchObject({ field: 'k', issues: [{ path: ['k'], code: 'invalid_type' }] });
  });

  it("names the schema's own bound of a whole number, not the safe-integer bound zod reports first", () => {
    const input = { k: 1e20, filters: { yearFrom: 2020 } };
    expect(invalidInputError(schema.safeParse(input).error!, asOption).message).toBe('--k must be at most 100.');
  });

  it('says a query-string name given as a list of values is given more than once, and only a query string', () => {
    const input = { k: [1, 2, 3, 4], filters: { yearFrom: 2020 } };
    const error = schema.safeParse(input).error!;
    expect(invalidInputError(error, asOption, { queryString: input }).message).toBe(
      '--k is given 4 times; give it once.',
    );
    expect(invalidInputError(error, asOption).message).toBe('--k must be a number.');
  });
});
