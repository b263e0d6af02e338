// What kind of work a record is, as far as its venue goes: its exporter's name for the kind (BibTeX's entry type,
// RIS's TY, EndNote's and RefWorks' reference type, Zotero's item type, CSL-JSON's and Crossref's type, Scopus's and
// Web of Science's document type), and whether that kind appears inside another work (a journal, proceedings, book).

/**
 * The keys a record's kind is found under, first found wins: BibTeX, RIS, EndNote and RefWorks (entryType), Zotero's
 * CSV ("Item Type", before its "Type", which is the item's genre), Scopus's CSV and Web of Science ("Document Type",
 * documentType), Lens.org ("Publication Type"), CSL-JSON and Crossref (type).
 */
const KIND_KEYS = ['entrytype', 'itemtype', 'item type', 'document type', 'documenttype', 'publication type', 'type'];

/**
 * The kinds that appear inside another work, each written as its exporters do with case, spaces and punctuation
 * taken off: journal, magazine and newspaper articles (and a journal's reviews and editorials), conference papers
 * and book chapters, in BibTeX and BibLaTeX, RIS, EndNote, RefWorks, Zotero, CSL, Crossref, Scopus, Web of
 * Science and Lens.org.
 */
const CONTAINED_KINDS = new Set([
  // Journal articles: BibTeX @article, Scopus and WoS "Article", RIS JOUR/EJOUR/ABST, EndNote "Journal Article",
  // Zotero journalArticle, CSL article-journal, Crossref journal-article; and what journals print besides.
  'article',
  'jour',
  'ejour',
  'abst',
  'journalarticle',
  'articlejournal',
  'review',
  'editorial',
  'editorialmaterial',
  'letter',
  'erratum',
  'shortsurvey',
  'datapaper',
  // Magazine and newspaper articles.
  'mgzn',
  'news',
  'magazinearticle',
  'articlemagazine',
  'newspaperarticle',
  'articlenewspaper',
  // Conference papers: BibTeX @inproceedings/@conference, RIS CONF/CPAPER, Zotero conferencePaper, CSL
  // paper-conference, Crossref proceedings-article, EndNote "Conference Proceedings"/"Conference Paper", WoS
  // "Proceedings Paper", Lens.org "conference proceedings article".
  'inproceedings',
  'conference',
  'conf',
  'cpaper',
  'conferencepaper',
  'paperconference',
  'proceedingsarticle',
  'proceedingspaper',
  'conferenceproceedings',
  'conferenceproceedingsarticle',
  // Chapters and entries: their container is the book, whose publisher is not where the chapter appeared.
  'incollection',
  'inbook',
  'inreference',
  'chap',
  'echap',
  'chapter',
  'booksection',
  'bookchapter',
  'encyclopediaarticle',
  'entryencyclopedia',
  'dictionaryentry',
  'entrydictionary',
]);

/** A record's kind as its exporter wrote it, and the key it stood under; undefined when the record names none. */
export function recordKind(fields: Record<string, unknown>): { key: string; kind: string } | undefined {
  const byKey = new Map<string, { key: string; value: unknown }>();
  for (const [key, value] of Object.entries(fields)) {
    const lower = key.toLowerCase();
    if (!byKey.has(lower)) byKey.set(lower, { key, value });
  }
  for (const name of KIND_KEYS) {
    const found = byKey.get(name);
    if (typeof found?.value === 'string' && found.value.trim() !== '') return { key: found.key, kind: found.value };
  }
  return undefined;
}

/**
 * Whether a kind appears inside another work ("Journal Article", "article-journal", "inproceedings", "CONF",
 * "bookSection", "Book, Section"), so that its journal, proceedings or book is where it appeared, never its
 * publisher. Web of Science's "Article; Early Access" reads as its first kind. CSL-JSON's "article" (under its
 * "type") is a preprint or working paper, which appears in nothing else.
 */
export function appearsInside(kind: string, key = 'entryType'): boolean {
  const first = kind.split(';')[0] ?? '';
  const plain = first.toLowerCase().replace(/[^a-z]/g, '');
  if (plain === 'article' && key.toLowerCase() === 'type') return false;
  return CONTAINED_KINDS.has(plain);
}

/**
 * Whether a record's publisher may stand as its venue: only for a kind with no other container (a book, a report,
 * a dataset, a preprint), or a record that names no kind. "Elsevier" is not where a journal article appeared.
 */
export function publisherIsVenue(fields: Record<string, unknown>): boolean {
  const found = recordKind(fields);
  return found === undefined || !appearsInside(found.kind, found.key);
}
