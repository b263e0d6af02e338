// A number written otherwise than the claim writes it: in words in the evidence ("Twenty-eight
// patients" for "28 patients", "Twenty-nine percent" for "29%"), or rounded by the claim ("about 2,
// 3 and 5.5 times" for 1.97, 3.01 and 5.55). The support features read both when they look for the
// claim's numbers in the evidence (support-features.ts).
import { numbersOf } from './claim-cues.ts';
import { TENS_WORDS, UNIT_WORDS } from './number-words.ts';

const SPELLED = new RegExp(
  String.raw`\b(?:(${Object.keys(TENS_WORDS).join('|')})(?:[-\s](${Object.keys(UNIT_WORDS).slice(0, 9).join('|')}))?|(${Object.keys(UNIT_WORDS).join('|')}))\b(\s+percent\b)?`,
  'giu',
);

/**
 * The numbers a text writes in words, as numbersOf (claim-cues.ts) writes them: "Twenty-eight" → "28",
 * "twenty nine percent" → "29%", "seven" → "7". Only from one to ninety-nine.
 */
export function spelledNumbersOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(SPELLED)) {
    const [, tens, unit, alone, percent] = match;
    const value = tens
      ? TENS_WORDS[tens.toLowerCase()]! + (unit ? UNIT_WORDS[unit.toLowerCase()]! : 0)
      : UNIT_WORDS[alone!.toLowerCase()]!;
    found.push(percent ? `${value}%` : String(value));
  }
  return found;
}

// A word that says the numbers after it are rounded, and the list it reaches ("about 2, 3 and 5.5").
const APPROXIMATE_LIST =
  /\b(?:about|approximately|around|roughly|nearly|almost|some)\s+(\d+(?:[.,]\d+)*(?:\s?%)?(?:(?:\s*,\s*|\s+(?:and|or|to)\s+|\s*,\s*and\s+)\d+(?:[.,]\d+)*(?:\s?%)?)*)|~\s*(\d+(?:[.,]\d+)*(?:\s?%)?)/giu;

/** The numbers a text says are rounded ("about 2, 3 and 5.5 times": 2, 3, 5.5), as numbersOf writes them. */
export function approximateNumbersOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(APPROXIMATE_LIST)) {
    for (const number of numbersOf(match[1] ?? match[2]!)) found.add(number);
  }
  return found;
}

/** The most a rounded number may stand off from the one it rounds, as a share of it ("about 2" for 1.9–2.1). */
const ROUNDING_SHARE = 0.05;

/**
 * Whether a number the claim says is rounded ("about 5.5") is one of the evidence's, rounded to the
 * claim's decimals ("5.55"; "1.97" for "about 2") and within ROUNDING_SHARE of it; shares and bare
 * numbers alike, as the number search ignores "%".
 */
export function roundsToOneOf(claimNumber: string, evidenceNumbers: readonly string[]): boolean {
  const bare = claimNumber.replace('%', '');
  const value = Number(bare);
  if (!Number.isFinite(value)) return false;
  const decimals = bare.split('.')[1]?.length ?? 0;
  const half = Math.min(0.5 * 10 ** -decimals, ROUNDING_SHARE * Math.abs(value)) + 1e-9;
  return evidenceNumbers.some((n) => Math.abs(Number(n.replace('%', '')) - value) <= half);
}
