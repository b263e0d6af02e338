// MeSH headings as reference managers keep them after importing from PubMed: EndNote (XML, RIS, tagged
// text) writes a record's MeSH terms as keywords the way MEDLINE's MH lines do, "Escherichia coli/*physiology",
// "*Alzheimer Disease". The descriptor is the tag, as the MEDLINE and PubMed XML readers read it.

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
