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
  // Journal articles: BibTeX @article, Scopus and WoS "Article", RIS JOUR/EJOUR/ABST/INPR, EndNote "Journal
  // Article"/"Electronic Article", RefWorks "Journal, Electronic", Zotero journalArticle, CSL article-journal,
  // Crossref journal-article, Scopus "Article in press"; and what journals print besides (Scopus "Note", WoS
  // "Meeting Abstract", "Book Review", "Correction", CSL review-book).
  'article',
  'jour',
  'ejour',
  'abst',
  'inpr',
  'journalarticle',
  'electronicarticle',
  'journalelectronic',
  'articlejournal',
  'articleinpress',
  'review',
  'reviewbook',
  'bookreview',
  'editorial',
  'editorialmaterial',
  'letter',
  'note',
  'erratum',
  'correction',
  'shortsurvey',
  'datapaper',
  'meetingabstract',
  // Magazine and newspaper articles (WoS "News Item").
  'mgzn',
  'news',
  'newsitem',
  'magazinearticle',
  'articlemagazine',
  'newspaperarticle',
  'articlenewspaper',
  // Conference papers: BibTeX @inproceedings/@conference, RIS CONF/CPAPER, Zotero conferencePaper, CSL
  // paper-conference, Crossref proceedings-article, EndNote "Conference Proceedings"/"Conference Paper", WoS
  // "Proceedings Paper", Lens.org "conference proceedings article", Scopus "Conference review".
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
  'conferencereview',
  // Chapters and entries: their container is the book, whose publisher is not where the chapter appeared
  // (EndNote "Electronic Book Section", Crossref book-part and reference-entry among them).
  'incollection',
  'inbook',
  'inreference',
  'chap',
  'echap',
  'chapter',
  'booksection',
  'electronicbooksection',
  'bookchapter',
  'bookpart',
  'referenceentry',
  // Encyclopedia and dictionary entries: Zotero encyclopediaArticle/dictionaryEntry, RIS ENCYC/DICT (as Zotero writes
  // those), EndNote's "Encyclopedia" and "Dictionary" (an entry: its encyclopedia is the secondary title), CSL
  // entry-encyclopedia/entry-dictionary and "entry" (an entry in a database or directory, under "type").
  'encyclopediaarticle',
  'entryencyclopedia',
  'dictionaryentry',
  'entrydictionary',
  'encyc',
  'dict',
  'encyclopedia',
  'dictionary',
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
 * "type") is a preprint or working paper, which appears in nothing else; its "entry" is an entry in a database.
 */
export function appearsInside(kind: string, key = 'entryType'): boolean {
  const first = kind.split(';')[0] ?? '';
  const plain = first.toLowerCase().replace(/[^a-z]/g, '');
  if (plain === 'article' && key.toLowerCase() === 'type') return false;
  // CSL-JSON's "entry" is an entry in a database or directory; as BibTeX's or RIS's kind it means nothing.
  if (plain === 'entry') return key.toLowerCase() === 'type';
  return CONTAINED_KINDS.has(plain);
}

/**
 * Whether a record's publisher may stand as its venue: only for a kind with no other container (a book, a report,
 * a dataset, a preprint), or a record that names no kind. "Elsevier" is not where a journal article appeared.
 * A classic BibTeX @inbook without a booktitle is a book: its title is the book's, its chapter or pages the part
 * cited, and its publisher where it appeared (BibLaTeX's @inbook names its book in booktitle).
 */
export function publisherIsVenue(fields: Record<string, unknown>): boolean {
  const found = recordKind(fields);
  if (found === undefined) return true;
  if (found.kind.trim().toLowerCase() === 'inbook' && !namesBook(fields)) return true;
  return !appearsInside(found.kind, found.key);
}

/** Whether a record names the book it appeared in (a booktitle, in any case). */
function namesBook(fields: Record<string, unknown>): boolean {
  return Object.entries(fields).some(
    ([key, value]) => key.toLowerCase() === 'booktitle' && typeof value === 'string' && value.trim() !== '',
  );
}
