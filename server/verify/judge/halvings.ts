// A change by half written in words ("halved", "fell by half", "cut in half"), read as the share it
// states (50%), so that a claim that a thing was halved is compared with the share its evidence
// states ("25% lower" contradicts it, "50% lower" agrees), as quantities.ts compares written shares.
import type { Quantity } from './quantities.ts';

const HALVING =
  /\b(?:halved|halving|(?:cut|fell|fallen|falls?|dropped|drops?|decreased|reduced|declined|lowered)\s+(?:by\s+(?:a\s+|one[-\s])?half|in\s+half))\b/giu;
/** A value in words stands for the values near it, as quantitiesOf reads a single number ("about 50%"). */
const SLACK = 0.1;

/** The changes by half a text states, each as the share 0.5 with its slack ("halved", "fell by half"). */
export function halvingsOf(text: string): Quantity[] {
  return [...text.matchAll(HALVING)].map((match) => ({
    unit: 'fraction',
    low: 0.5 * (1 - SLACK),
    high: 0.5 * (1 + SLACK),
    text: match[0],
  }));
}
