// The numbers English writes in words: units ("one" … "nineteen"), tens ("twenty" … "ninety") and
// scales ("hundred" … "billion"), with their values. A leaf that imports nothing, so that
// number-forms.ts and judge/quantities.ts share it without a circular load through claim-cues.ts.

/** "one" … "nineteen", with their values. */
export const UNIT_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

/** "twenty" … "ninety", with their values. */
export const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** "hundred" … "billion": the words that scale the number before them ("3 million"). */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
};

/** The value of one number word in any case ("Twelve": 12, "thousand": 1000), or undefined. */
export function numberWordValue(word: string): number | undefined {
  const lower = word.toLowerCase();
  return UNIT_WORDS[lower] ?? TENS_WORDS[lower] ?? SCALE_WORDS[lower];
}
