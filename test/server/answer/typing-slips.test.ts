import { describe, expect, it } from 'vitest';
import { neighbouringKeys, typingSlips } from '../../../server/answer/typing-slips.ts';

describe('typing-slips', () => {
  it('counts a letter left out, two letters swapped, a letter doubled or struck beside the one meant', () => {
    expect(typingSlips('decodng', 'decoding', 1)).toBe(1);
    expect(typingSlips('transfomer', 'transformer', 1)).toBe(1);
    expect(typingSlips('atention', 'attention', 1)).toBe(1);
    expect(typingSlips('attnetion', 'attention', 1)).toBe(1);
    expect(typingSlips('compuyter', 'computer', 1)).toBe(1);
    expect(typingSlips('atetnion', 'attention', 2)).toBe(2);
    expect(typingSlips('atteniton', 'attention', 1)).toBe(1);
  });

  it('stops counting past the number of slips asked for', () => {
    expect(typingSlips('zorblax', 'attention', 2)).toBe(3);
    expect(typingSlips('decoding', 'decoder', 0)).toBe(1);
    // Three edits apart, and no slip at all: no slip changes the first letter.
    expect(typingSlips('kitten', 'sitting', 3)).toBe(4);
  });

  it('does not read one word as another that no slip makes', () => {
    // A letter no key beside it would strike, a first letter, a last two letters: other words.
    expect(typingSlips('renal', 'real', 1)).toBe(2);
    expect(typingSlips('women', 'woven', 1)).toBe(2);
    expect(typingSlips('blood', 'flood', 1)).toBe(2);
    expect(typingSlips('heart', 'heat', 1)).toBe(2);
    expect(typingSlips('laminar', 'lamina', 1)).toBe(2);
    expect(typingSlips('marker', 'marked', 1)).toBe(2);
    expect(typingSlips('zorblax', 'zorbing', 2)).toBe(3);
    // A neighbouring key struck instead: a slip, but on the eval sets always another word ("layer", "later").
    expect(typingSlips('attemtion', 'attention', 1)).toBe(2);
    expect(typingSlips('hearing', 'heating', 1)).toBe(2);
  });

  it('knows the neighbouring keys of a QWERTY keyboard', () => {
    expect(neighbouringKeys('o', 'i')).toBe(true);
    expect(neighbouringKeys('n', 'h')).toBe(true);
    expect(neighbouringKeys('e', 'a')).toBe(false);
    expect(neighbouringKeys('m', 'v')).toBe(false);
  });
});
