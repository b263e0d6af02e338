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

/** A capitalised word, hyphenated parts allowed ("Leukemia", "Non-Small-Cell", "T-Cell"); no digits. */
const CAPITALISED = /^\p{Lu}[\p{L}'’]*(?:-\p{L}+)*$/u;
/** An acronym ("NLP", "RAG"): a keyword of its own, never a word of an inverted heading. */
const ACRONYM = /^\p{Lu}{2,}$/u;
/** A Greek letter, or letters joined by "-", as MeSH spells them out ("alpha-beta", "gamma-delta"). */
const GREEK_NAME = `(?:${Object.keys(GREEK_LETTERS).join('|')})`;
const GREEK = new RegExp(`^${GREEK_NAME}(?:-${GREEK_NAME})*$`, 'u');
/** English adjective endings: "Bacterial", "Chronic", "Cultured", "Myeloid", "Cutaneous", "Pulmonary". */
const ADJECTIVE = /(?:al|ic|ed|oid|ous|ive|ary)$/u;
/**
 * The English nouns with an adjective's "-ic" ending that a list of topics may hold ("Graph Theory, Logic, Music"):
 * a closed handful, unlike the "-ic" adjectives MeSH's modifiers are ("Chronic", "Hemolytic", "Lymphocytic").
 */
const IC_NOUNS = new Set([
  'Arithmetic',
  'Clinic',
  'Critic',
  'Fabric',
  'Logic',
  'Magic',
  'Mechanic',
  'Mosaic',
  'Music',
  'Panic',
  'Relic',
  'Republic',
  'Rhetoric',
  'Topic',
]);
/** What may follow a modifier's word: a number, Arabic or Roman, as in "Diabetes Mellitus, Type 2". */
const NUMERAL = /^(?:\d+|[IVX]+)$/u;
/**
 * The few modifiers of MeSH's inverted headings with commas that have no adjective ending, each from headings a
 * list could be taken for: "Leukemia, Myeloid, Acute", "Drug Resistance, Multiple, Bacterial", "Hepatitis, Viral,
 * Human", "Anemia, Hemolytic, Autoimmune", "Carcinoma, Non-Small-Cell, Lung", "Receptors, Antigen, T-Cell, alpha-beta".
 */
const PLAIN_MODIFIERS = new Set(['Acute', 'Multiple', 'Human', 'Autoimmune', 'Lung', 'Antigen']);

/**
 * Whether one word qualifies a heading as MeSH writes its modifiers: an adjective ("Bacterial", "Cultured"), a
 * Greek letter ("alpha-beta"), a compound with a one-letter part or "Non-" ("T-Cell", "Non-Small-Cell") or ending
 * in an adjective ("Computer-Assisted"), or one of PLAIN_MODIFIERS. Nouns ("Attention", "Ethics", "Soil", and the
 * IC_NOUNS "Logic", "Music") are not.
 */
function isModifierWord(word: string): boolean {
  if (GREEK.test(word)) return true;
  if (!CAPITALISED.test(word) || ACRONYM.test(word)) return false;
  const parts = word.split('-');
  if (parts.length > 1 && (parts[0] === 'Non' || parts.some((part) => part.length === 1))) return true;
  const last = parts.at(-1) ?? '';
  return (ADJECTIVE.test(last) && !IC_NOUNS.has(last)) || PLAIN_MODIFIERS.has(word);
}

/**
 * Whether a keyword with commas is written as MeSH writes the inverted headings a list could be taken for,
 * "Leukemia, Myeloid, Acute" or "Carcinoma, Non-Small-Cell, Lung": a name of one or two capitalised words, then
 * one to three modifiers, each one word as isModifierWord reads it (a number allowed after it: "Type 2"). MeSH
 * puts the noun first and its adjectives after; a list's terms are nouns, so "Deep Learning, Transformers,
 * Attention", "Ecology, Climate, Drought, Soil, Microbes", "NLP, LLM, RAG" (acronyms) and "COVID-19, SARS-CoV-2,
 * Vaccination" (digits) are none, nor is a list of lower-case or several-word terms.
 */
export function isInvertedHeading(keyword: string): boolean {
  const [name = '', ...modifiers] = keyword.trim().split(/\s*,\s+/u);
  const nameWords = name.split(/\s+/u);
  // The longest inverted headings have four parts: "Leukemia, Lymphocytic, Chronic, B-Cell".
  if (modifiers.length === 0 || modifiers.length > 3 || nameWords.length > 2) return false;
  if (!nameWords.every((word) => CAPITALISED.test(word) && !ACRONYM.test(word))) return false;
  return modifiers.every((modifier) => {
    const [word = '', numeral, ...rest] = modifier.split(/\s+/u);
    if (rest.length > 0) return false;
    return numeral === undefined ? isModifierWord(word) : CAPITALISED.test(word) && NUMERAL.test(numeral);
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
