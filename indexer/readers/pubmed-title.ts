// PubMed's titles as NLM writes them, in every PubMed export (MEDLINE, XML, CSV): each title ends with a
// period ("Aspirin and stroke."), and the title of an article not written in English is its English
// translation in brackets ("[Aspirin and stroke in the elderly]."), the original kept apart (XML's
// VernacularTitle, MEDLINE's TT); with no translation the title is "[Not Available].". A researcher writes
// the title without that period and without the brackets, as the journal printed it.

/** The last word of a title when its period ends an abbreviation NLM does not double: "spp.", "et al.", "Inc.". */
const ABBREVIATION = /^(?:al|etc|spp|sp|ssp|subsp|var|vs|cf|Inc|Ltd|Co|Corp|Jr|Sr|St)$/;
/** A word with a period inside it: "U.S", "e.g", "Ph.D" (its final period ends the abbreviation). */
const DOTTED = /\p{L}\.\p{L}{1,3}$/u;
const NOT_AVAILABLE = /^not available$/i;

/** A PubMed title as a researcher writes it, and whether it is PubMed's English translation of the title. */
export type PubmedTitle = { title: string | undefined; translated: boolean };

/**
 * "Aspirin and stroke." → "Aspirin and stroke"; "Is aspirin safe?" stays; "Outbreaks in the U.S." keeps the
 * period that ends "U.S."; "[Aspirin and stroke]." → "Aspirin and stroke", marked translated; "[Not
 * Available]." → no title (the original-language title, when given, stands in).
 */
export function pubmedTitle(raw: string | undefined): PubmedTitle {
  let title = (raw ?? '').trim();
  if (title.endsWith('.') && !title.endsWith('..')) {
    const lastWord = /(\S+)\.$/.exec(title)?.[1] ?? '';
    if (!ABBREVIATION.test(lastWord) && !DOTTED.test(lastWord)) title = title.slice(0, -1).trimEnd();
  }
  const inner = wholeBracketed(title);
  if (inner === null) return { title: title === '' ? undefined : title, translated: false };
  if (NOT_AVAILABLE.test(inner.trim())) return { title: undefined, translated: false };
  return { title: inner.trim(), translated: true };
}

/** The text inside "[…]" when the brackets enclose the whole title (not "[A] and [B]"), else null. */
function wholeBracketed(title: string): string | null {
  if (!title.startsWith('[') || !title.endsWith(']')) return null;
  let depth = 0;
  for (let at = 0; at < title.length; at++) {
    if (title[at] === '[') depth++;
    else if (title[at] === ']') {
      depth--;
      if (depth === 0 && at !== title.length - 1) return null;
    }
  }
  return depth === 0 ? title.slice(1, -1) : null;
}
