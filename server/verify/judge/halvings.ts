// A change by half written in words ("halved", "fell by half", "cut the rate in half"), read as the
// relative change it states (50%), and the shares of change a text states in numbers ("by 25%", "30%
// lower"), both in the unit 'change': a claim that a thing was halved is compared only with the shares
// of change its evidence states ("25% lower" contradicts it, "by 50%" agrees), never with a rate or a
// share of people ("fell from 22% to 11%", "35% quit"). A halved dose or exposure ("halving the dose",
// "a halved dose", "the dose was halved") is what was given, not a change found, and is not read; nor
// is "in half the patients" or "by half an hour".
import type { Quantity } from './quantities.ts';

/** The unit of a relative change: a halving, or a share of change ("by 25%"). */
export const CHANGE_UNIT = 'change';

// "halved" as a verb (not "a halved dose"), or a verb of a fall with "by half"/"in half"
// after at most four words of its object ("cut the readmission rate in half"), not "in half of",
// "in half the patients", "in half all …" or "by half an hour" (a share of people, a length of time).
const HALVING =
  /(?<!\b(?:a|an|the)\s+)\bhalved\b|\b(?:cut|fell|fallen|dropped|decreased|reduced|declined|lowered)\b(?:\s+[\p{L}\d-]+){0,4}?\s+(?:by\s+(?:a\s+|one[-\s])?half|in\s+half)\b(?!\s+(?:of|the|all|an?\s+(?:hour|day|week|month|year)s?)\b)/giu;
// A dose or an exposure halved: the treatment given, not an outcome (in the match, within two
// words after it or three before it: "halved the dose", "halved insulin doses", "the dose was halved").
const GIVEN_WORD = '(?:doses?|dosages?|dosing|exposures?|regimens?)';
const GIVEN_IN = new RegExp(String.raw`\b${GIVEN_WORD}\b`, 'iu');
const GIVEN_AFTER = new RegExp(String.raw`^(?:\s+[\p{L}\d-]+){0,2}?\s+${GIVEN_WORD}\b`, 'iu');
const GIVEN_BEFORE = new RegExp(String.raw`\b${GIVEN_WORD}(?:\s+[\p{L}\d-]+){0,2}\s+$`, 'iu');
// Shares of change: "by 25%", "25% lower", "a 25% reduction".
const SHARE_OF_CHANGE =
  /\bby\s+(\d+(?:\.\d+)?)\s*(?:%|percent\b)|\b(\d+(?:\.\d+)?)\s*(?:%|percent\b)\s+(?:lower|less|fewer|smaller|reductions?|decreases?|declines?|drops?)\b/giu;
/** A value in words stands for the values near it ("halved" allows a fall of 40–60%). */
const SLACK = 0.2;

/** The changes by half a text states, each as the change 0.5 with its slack ("halved", "fell by half"). */
export function halvingsOf(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of text.matchAll(HALVING)) {
    const after = text.slice(match.index + match[0].length);
    if (
      GIVEN_IN.test(match[0]) ||
      GIVEN_AFTER.test(after) ||
      GIVEN_BEFORE.test(text.slice(Math.max(0, match.index - 80), match.index))
    )
      continue;
    found.push({ unit: CHANGE_UNIT, low: 0.5 * (1 - SLACK), high: 0.5 * (1 + SLACK), text: match[0], halving: true });
  }
  return found;
}

/** The shares of change a text states in numbers ("reduced falls by 25%": 0.25, "30% lower": 0.3). */
export function changeSharesOf(text: string): Quantity[] {
  return [...text.matchAll(SHARE_OF_CHANGE)].map((match) => {
    const value = Number(match[1] ?? match[2]) / 100;
    return { unit: CHANGE_UNIT, low: value, high: value, text: match[0] };
  });
}
