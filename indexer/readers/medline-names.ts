// Names as PubMed writes them: "AU" short names ("Smith J", "Reynolds CF 3rd") in MEDLINE records and in
// PubMed's CSV export, and "FAU" full names with a suffix after the given names ("Smith, John Jr").
import { invertName } from './values.ts';

/** An "AU" name: family name, then initials without periods, then a suffix ("King ML Jr", "van der Berg AB"). */
const SHORT_NAME = /^(.+?)\s+([A-Z]{1,4})(?:\s+(Jr|Sr|2nd|3rd|4th|I{2,3}|IV))?$/;
/** Lower-case words a family name holds ("van der Berg", "de la Cruz"); other lower-case words make a group's name. */
const NAME_PARTICLES = new Set(['van', 'der', 'de', 'la', 'von', 'du', 'di', 'da', 'le', 'del', 'dos', 'ten', 'ter']);
/** An "FAU" name with a suffix after the given names: "Reynolds, Charles F 3rd", "Smith, John Jr". */
const FULL_NAME_SUFFIX = /^([^,]+),\s*(.+?)\s+(Jr|Sr|2nd|3rd|4th|I{2,3}|IV)\.?$/;

/**
 * "Smith, John Jr" (an "FAU" line; MEDLINE writes a suffix after the given names, without a comma) →
 * "John Smith Jr", as "King, Martin Luther, Jr." reads in the other formats.
 */
export function medlineFullName(value: string): string {
  const parts = FULL_NAME_SUFFIX.exec(value);
  return parts ? invertName(`${parts[1]}, ${parts[2]}, ${parts[3]}`) : invertName(value);
}

/**
 * "Smith J" (an "AU" line) → "J Smith", as "FAU - Smith, John" gives "John Smith"; a name that is not
 * family-then-initials (a group: "COVID-19 Genomics UK Consortium") is left as it is.
 */
export function medlineShortName(value: string): string {
  const parts = SHORT_NAME.exec(value);
  if (value.includes(',') || !parts || !familyName(parts[1] ?? '')) return invertName(value);
  return [parts[2], parts[1], parts[3]].filter((part) => part !== undefined).join(' ');
}

/** Whether the words before an "AU" name's initials can be a family name: "Writing Group of the" is a group's. */
function familyName(words: string): boolean {
  const parts = words.split(/\s+/);
  return parts.length <= 3 && parts.every((word) => !/^\p{Ll}/u.test(word) || NAME_PARTICLES.has(word));
}
