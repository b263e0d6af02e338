// MeSH headings as reference managers keep them after importing from PubMed: EndNote (XML, RIS, tagged
// text) writes a record's MeSH terms as keywords the way MEDLINE's MH lines do, "Escherichia coli/*physiology",
// "*Alzheimer Disease". The descriptor is the tag, as the MEDLINE and PubMed XML readers read it.
import { GREEK_LETTERS } from './greek-letters.ts';

/**
 * MeSH's topical qualifiers (subheadings), as MEDLINE writes them after a descriptor's "/": the current ones, then
 * those retired (in 2016 for "diagnostic imaging", earlier for "contraindications") that older records still carry.
 */
const QUALIFIERS = new Set([
  'abnormalities',
  'administration & dosage',
  'adverse effects',
  'agonists',
  'analogs & derivatives',
  'analysis',
  'anatomy & histology',
  'antagonists & inhibitors',
  'biosynthesis',
  'blood',
  'blood supply',
  'cerebrospinal fluid',
  'chemical synthesis',
  'chemically induced',
  'chemistry',
  'classification',
  'complications',
  'congenital',
  'cytology',
  'deficiency',
  'diagnosis',
  'diagnostic imaging',
  'diagnostic use',
  'diet therapy',
  'drug effects',
  'drug therapy',
  'economics',
  'education',
  'embryology',
  'enzymology',
  'epidemiology',
  'ethics',
  'ethnology',
  'etiology',
  'genetics',
  'growth & development',
  'history',
  'immunology',
  'injuries',
  'innervation',
  'instrumentation',
  'isolation & purification',
  'legislation & jurisprudence',
  'manpower',
  'metabolism',
  'methods',
  'microbiology',
  'mortality',
  'nursing',
  'organization & administration',
  'parasitology',
  'pathogenicity',
  'pathology',
  'pharmacokinetics',
  'pharmacology',
  'physiology',
  'physiopathology',
  'poisoning',
  'prevention & control',
  'psychology',
  'radiation effects',
  'radiotherapy',
  'rehabilitation',
  'secondary',
  'secretion',
  'standards',
  'statistics & numerical data',
  'supply & distribution',
  'surgery',
  'therapeutic use',
  'therapy',
  'toxicity',
  'transmission',
  'transplantation',
  'trends',
  'ultrastructure',
  'urine',
  'utilization',
  'veterinary',
  'virology',
  // Retired: radiography, ultrasonography and radionuclide imaging in 2016, contraindications earlier.
  'contraindications',
  'radiography',
  'radionuclide imaging',
  'ultrasonography',
]);

const HEADING = /^\*?([^/*]*[^/*\s])((?:\s*\/\s*\*?[^/*]+)*)$/;

/**
 * The descriptor of a keyword written as a MeSH heading ("Neoplasms/*drug therapy" → "Neoplasms",
 * "*Alzheimer Disease" → "Alzheimer Disease"), or null for any other keyword: one is read as a heading only
 * when it marks a major topic with "*" or every part after a "/" is a MeSH qualifier, so "TCP/IP" and
 * "signal/noise" stay as written.
 */
export function meshDescriptor(keyword: string): string | null {
  const match = HEADING.exec(keyword.trim());
  if (!match?.[1]) return null;
  const qualifiers = (match[2] ?? '')
    .split('/')
    .slice(1)
    .map((part) => part.replace('*', '').trim());
  const starred = keyword.includes('*');
  if (qualifiers.length === 0 && !starred) return null;
  if (!starred && !qualifiers.every((qualifier) => QUALIFIERS.has(qualifier))) return null;
  return match[1].trim();
}

/** A word of a heading: capitalised or a number ("Non-Small-Cell", "T-Cell"), or a Greek letter ("alpha-beta"). */
const HEADING_WORD = new RegExp(
  `^(?:[\\p{Lu}\\d][\\p{L}\\p{N}'’-]*|(?:${Object.keys(GREEK_LETTERS).join('|')})(?:-[\\p{L}\\p{N}]+)*)$`,
  'u',
);
/** What may follow a qualifier's word: a number, Arabic or Roman, as in "Diabetes Mellitus, Type 2". */
const NUMERAL = /^(?:\d+|[IVX]+)$/u;

/**
 * Whether a keyword with commas is written as MeSH writes the inverted headings a list could be taken for,
 * "Leukemia, Myeloid, Acute" or "Carcinoma, Non-Small-Cell, Lung": a name of at most three capitalised words,
 * then after each comma one capitalised word (or Greek letter), a number allowed after it ("Type 2"). A list of
 * lower-case or several-word terms ("drought, soil carbon, microbes") is none; a list of single capitalised
 * words ("Drought, Soil, Microbes") cannot be told from a heading and is read as one.
 */
export function isInvertedHeading(keyword: string): boolean {
  const [name = '', ...modifiers] = keyword.trim().split(/\s*,\s+/u);
  const words = (part: string) => part.split(/\s+/u);
  const capitalised = (part: string) => words(part).every((word) => HEADING_WORD.test(word));
  if (modifiers.length === 0 || words(name).length > 3 || !capitalised(name)) return false;
  return modifiers.every((modifier) => {
    const [word = '', numeral, ...rest] = words(modifier);
    return rest.length === 0 && HEADING_WORD.test(word) && (numeral === undefined || NUMERAL.test(numeral));
  });
}

/**
 * Keywords with MeSH headings read as their descriptors (a paper's tags are made unique when it is validated), and the headings as written, without
 * their "*", for metadata `meshHeadings` (empty when no keyword is one).
 */
export function keywordsAndHeadings(keywords: readonly string[]): { tags: string[]; meshHeadings: string[] } {
  const tags: string[] = [];
  const meshHeadings: string[] = [];
  for (const keyword of keywords) {
    const descriptor = meshDescriptor(keyword);
    if (descriptor !== null) meshHeadings.push(keyword.replaceAll('*', '').trim());
    tags.push(descriptor ?? keyword);
  }
  return { tags, meshHeadings };
}
