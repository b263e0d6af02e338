import { describe, expect, it } from 'vitest';
import { errorResponses, errorResponsesFor } from '../../../server/http/error-response.ts';

describe('error-response', () => {
  it('documents the codes a route answers under the status the error table gives each, naming them', () => {
    const responses = errorResponsesFor('INVALID_INPUT', 'DISK_FULL', 'RESOURCES_EXHAUSTED', 'OVERLOADED');
    expect(Object.keys(responses)).toEqual(['400', '503']);
    expect(responses[400].description).toBe("The error's code is `INVALID_INPUT`; its hint says what to do");
    expect(responses[503].description).toBe(
      "The error's code is `DISK_FULL`, `RESOURCES_EXHAUSTED` or `OVERLOADED`; its hint says what to do",
    );
    expect(responses[503].content['application/json'].schema).toBe(
      errorResponses(503)[503].content['application/json'].schema,
    );
  });
});
