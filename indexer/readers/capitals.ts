// Venues a database writes wholly in capitals, as Web of Science writes its source titles ("JOURNAL OF THE
// AMERICAN CHEMICAL SOCIETY"), turned into the title case a researcher writes ("Journal of the American
// Chemical Society"), acronyms kept in capitals. Text with any lower-case letter is left as written.

/** Short words written in lower case inside a title-cased venue (English, French, German, Spanish, Italian, Dutch). */
const MINOR_WORDS = new Set(
  'a an and as at by de del della der des di du en et for from fur für in into la le les of on or the to und van von with y'.split(
    ' ',
  ),
);

/** Words of venues that are acronyms though they hold a vowel; a word without one ("BMJ", "RSC", "NPJ") is taken for one anyway. */
const ACRONYMS =
  'AAAI ACL ACM ACS AI AIAA AIDS AIP AMA AMIA APA APL APS ASCE ASME ATP BBA CA CERN CHI CIKM CMOS COVID CRISPR CVPR DNA EBSCO ECCV EEG EMBO EMNLP EPJ EU FASEB FEBS FEMS GIS HIV HPLC IBM ICASSP ICCV ICLR ICML ICRA ICSE IEEE IET IFAC IFIP IJCAI IJCNN INFOCOM IOP IROS ISA ISME ISPRS IUCR JACS JAMA JMIR KDD LNCS MEMS MICCAI MIT NAACL NASA NATO NEJM NIH OSA PLOS PNAS QJM RNA SAE SIAM SIGIR SIGMOD SPIE UK UNESCO US USA VLDB VLSI WHO'.split(
    ' ',
  );
/** Venue words written in mixed case: "ELIFE" → "eLife". */
const MIXED_CASE =
  'eLife mBio mSystems mSphere iScience arXiv bioRxiv medRxiv ChemRxiv NeurIPS PeerJ ZooKeys AIChE ChemSusChem ChemBioChem ChemPhysChem ChemMedChem ChemCatChem ChemElectroChem ChemPlusChem ChemistrySelect'.split(
    ' ',
  );
const SPELLED = new Map([...ACRONYMS, ...MIXED_CASE].map((word) => [word.toUpperCase(), word]));
const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$/;
const VOWEL = /[AEIOUYÀ-ÖØ-Ý]/u;

/** Whether `text` holds letters and none of them in lower case. */
export function isWhollyCapitals(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/**
 * A venue written wholly in capitals in title case: "IEEE TRANSACTIONS ON PATTERN ANALYSIS AND MACHINE
 * INTELLIGENCE" → "IEEE Transactions on Pattern Analysis and Machine Intelligence", "BMJ-BRITISH MEDICAL
 * JOURNAL" → "BMJ-British Medical Journal". Acronyms, Roman numerals, words holding digits ("COVID-19") and
 * words in parentheses ("(CVPR 2019)") keep their capitals. A word that `casedAbbreviation` (WoS's JI, "BJU Int.")
 * holds is written as it writes it: "BJU INTERNATIONAL" → "BJU International". Any other text is returned as it is.
 */
export function titleCaseCapitals(text: string, casedAbbreviation?: string): string {
  if (!isWhollyCapitals(text)) return text;
  const known = wordCasings(casedAbbreviation);
  const words = text.split(/(\s+)/);
  const last = words.length - 1;
  return words
    .map((word, index) => {
      // Kept as written: a word in parentheses ("(CVPR 2019)") or holding a digit ("SARS-COV-2", "3D").
      if (/^\s*$/.test(word) || word.startsWith('(') || word.endsWith(')') || /\d/.test(word)) return word;
      // WoS writes a subtitle's colon as a hyphen ("CHEMIE-INTERNATIONAL EDITION"): each part starts afresh.
      const parts = word.split(/([-/:])/);
      return parts
        .map((part, at) => {
          if (at % 2 === 1) return part;
          const edge = (index === 0 && at === 0) || (index === last && at === parts.length - 1) || parts.length > 1;
          return caseWord(part, edge ? 'title' : 'inner', known);
        })
        .join('');
    })
    .join('');
}

/**
 * The words of a venue's abbreviation in mixed case, as WoS's JI writes it ("BJU Int.", "IUBMB Life"), by their
 * capitals: "BJU" → "BJU", "LIFE" → "Life" (a trailing period dropped).
 */
function wordCasings(abbreviation: string | undefined): Map<string, string> {
  const casings = new Map<string, string>();
  // Wholly in capitals it is trusted only as an ISO abbreviation, with a period ("AAPS J."), not as J9 writes
  // one ("J AM CHEM SOC") or as a title left whole ("NATURE").
  if (abbreviation === undefined || (isWhollyCapitals(abbreviation) && !abbreviation.includes('.'))) return casings;
  for (const token of abbreviation.split(/[\s\-/:]+/)) {
    const word = token.replace(/\.$/, '');
    if (/^\p{L}+$/u.test(word)) casings.set(word.toUpperCase(), word);
  }
  return casings;
}

function caseWord(word: string, mode: 'title' | 'inner', known: Map<string, string>): string {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters === '') return word;
  const spelled = SPELLED.get(letters);
  if (spelled !== undefined) return word.replace(letters, spelled);
  // As the venue's own mixed-case abbreviation writes the word ("BJU", "IUBMB"), but a short function word
  // inside the title in lower case ("Prog. In Lipid Res." holds no acronym).
  const cased = known.get(letters);
  if (cased !== undefined && !(mode === 'inner' && MINOR_WORDS.has(cased.toLowerCase()))) {
    return word.replace(letters, cased);
  }
  // Kept: a single letter ("PHYSICS B"), a Roman numeral, a word without a vowel ("BMJ"), a word with inner
  // punctuation ("U.S.A.").
  if (letters.length === 1 || ROMAN.test(letters) || !VOWEL.test(letters)) return word;
  if (/\p{L}[.&]\p{L}/u.test(word)) return word;
  const lower = word.toLowerCase();
  if (mode === 'inner' && MINOR_WORDS.has(lower)) return lower;
  const first = lower.search(/\p{L}/u);
  return lower.slice(0, first) + lower.charAt(first).toUpperCase() + lower.slice(first + 1);
}
