// The acronyms an entry of a reference list is known by when it opens with a group's name:
// "World Health Organization (WHO). (2020). …" is cited "(WHO 2020)" as well as by its name.

// Words of a group's name that give its acronym no letter, "The" among them: "The Royal Society of
// Chemistry" is "RSC".
const GROUP_NAME_JOINERS = new Set(['of', 'for', 'the', 'and', 'on', 'in', '&']);
// A capitalized run of words, joiners between them, at the entry's start, then an optional "(WHO)".
const LEADING_GROUP =
  /^\s*(\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}'’-]*|of|for|the|and|on|in|&)){1,11})(?:[ \t]*\((\p{Lu}{2,})\))?/u;

/**
 * The acronyms a reference entry's leading group name goes by: the one in parentheses after it
 * ("World Health Organization (WHO)") and, for a name of three or more capitalized words, their
 * initials ("National Aeronautics and Space Administration" gives "NASA"). None for an entry that
 * opens with a surname and its initials ("Smith, J.") or a lone acronym ("WHO (2021).").
 */
export function groupAcronyms(entryText: string): string[] {
  const match = LEADING_GROUP.exec(entryText);
  if (!match) return [];
  const acronyms = match[2] ? [match[2]] : [];
  const words = match[1]!.split(/[ \t]+/u).filter((word) => !GROUP_NAME_JOINERS.has(word.toLowerCase()));
  // Two capitalized words may be a person ("Kai Lin"); three or more make a group's initials.
  const initials = words.map((word) => word[0]!).join('');
  if (words.length >= 3 && !acronyms.includes(initials)) acronyms.push(initials);
  return acronyms;
}
