import { describe, expect, it } from 'vitest';
import { directionOf } from '../../../../server/verify/claim-cues.ts';
import { withoutDeniedAlternatives } from '../../../../server/verify/judge/alternatives.ts';

describe('alternatives', () => {
  it('blanks the word an alternative marker denies, past carrying words, keeping offsets', () => {
    const text = 'Greater depth lowers accuracy instead of raising it.';
    const kept = withoutDeniedAlternatives(text);
    expect(kept).toHaveLength(text.length);
    expect(kept).not.toContain('raising');
    expect(withoutDeniedAlternatives('It picks K dynamically instead of using a fixed K.')).not.toContain('fixed');
    expect(withoutDeniedAlternatives('It improves rather than impairs recall.')).not.toContain('impairs');
  });

  it('keeps a denied limit and an asked alternative, and a text without a marker as it is', () => {
    const limit = 'It grades the process rather than only the final answer.';
    expect(withoutDeniedAlternatives(limit)).toBe(limit);
    const asked = 'We ask whether recall is raised as opposed to lowered.';
    expect(withoutDeniedAlternatives(asked)).toBe(asked);
    expect(withoutDeniedAlternatives('Depth lowers accuracy.')).toBe('Depth lowers accuracy.');
  });

  it('lets the direction of effect of a text count only what it asserts ("lowers … instead of raising it")', () => {
    expect(directionOf('Search depth lowers citation accuracy instead of raising it.')).toBe(-1);
    expect(directionOf('Search depth lowers citation accuracy and raises cost.')).toBe(0);
  });
});
