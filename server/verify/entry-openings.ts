// Where an unnumbered entry of a reference list begins when the list puts one entry on each line
// with no blank line between them (an APA, Harvard or Chicago list pasted out of a word processor),
// as against a long entry wrapped over several lines (copied out of a PDF). A line opens a new
// entry only when the entry so far is complete (it has a year and ends as an entry ends) and the
// line opens as an entry opens (with its first author, or a name and a year).

// "Rando, M.", "Lin, Yuping.", "van der Berg, J.-P.", "O’Neil, K." (APA, Harvard, Chicago, MLA).
const SURNAME_COMMA = /^[ \t]*(?:(?:van|von|de|der|den|del|di|da|du|la|le)[ \t]+)*\p{Lu}[\p{L}'’-]+,[ \t]+\p{Lu}/u;
// Vancouver's "Wang R, Lee K." and "Rathi S." (initials without stops after the surname).
const SURNAME_INITIALS = /^[ \t]*\p{Lu}[\p{L}'’-]+[ \t]+\p{Lu}{1,3}[,.][ \t]/u;
// Initials first: "M. Rando and S. Vaiter." or "Y. Lin,".
const INITIALS_SURNAME = /^[ \t]*(?:\p{Lu}\.[ \t-]*){1,3}\p{Lu}[\p{L}'’-]+(?:,|[ \t]+and[ \t]|\.)/u;
// A name and a year near the start: "World Health Organization. (2020).", "OpenAI (2024)".
const NAME_AND_YEAR = /^[ \t]*\p{Lu}[^\n]{0,120}?\((?:1[89]|20)\d{2}[a-z]?\)/u;
const OPENINGS = [SURNAME_COMMA, SURNAME_INITIALS, INITIALS_SURNAME, NAME_AND_YEAR];

/** Whether an entry opens with a person's name as authors write it ("Lin, Y.", "Lin Y,", "Y. Lin,"), not a title. */
export const opensWithAuthor = (entry: string) =>
  [SURNAME_COMMA, SURNAME_INITIALS, INITIALS_SURNAME].some((opening) => opening.test(entry));

const HAS_YEAR = /\b(?:1[89]|20)\d{2}[a-z]?\b|\bn\.d\./u;
// An entry ends with its full stop (after a title, a venue, a page range or an access date), a
// closing bracket, or an address or DOI.
const ENDS_ENTRY = /(?:[.?!)\]]["'”’*_]*|(?:https?:\/\/|doi:|\b10\.\d{4,9}\/)\S+)[ \t]*$/iu;

/** Whether a line of an entry gives a year (or says it has none, "n.d."). */
export const hasYear = (line: string) => HAS_YEAR.test(line);

/**
 * Whether `line` opens a new entry after an unnumbered entry that so far gives a year or not
 * (`dated`) and whose last line is `lastLine`.
 */
export function opensEntry(dated: boolean, lastLine: string, line: string): boolean {
  // Only the line's end is read (an address or a DOI is shorter), so a long line costs no more.
  return dated && ENDS_ENTRY.test(lastLine.slice(-300)) && OPENINGS.some((opening) => opening.test(line));
}
