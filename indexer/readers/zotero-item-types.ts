// Zotero's item types, and its own field names for what its RDF and MODS exports write by role: the container's
// title (a journal, a book, proceedings), the publisher (a thesis's university, a preprint's repository) and the
// item's genre, by item type, so that an item read from either export is read by zoteroItemFields as the Zotero
// database's items are.

/** The item types of Zotero's schema (Zotero 7) holding a work: a genre naming one is Zotero's own ("bookSection"). */
export const WORK_ITEM_TYPES: ReadonlySet<string> = new Set([
  'artwork',
  'audioRecording',
  'bill',
  'blogPost',
  'book',
  'bookSection',
  'case',
  'computerProgram',
  'conferencePaper',
  'dataset',
  'dictionaryEntry',
  'document',
  'email',
  'encyclopediaArticle',
  'film',
  'forumPost',
  'hearing',
  'instantMessage',
  'interview',
  'journalArticle',
  'letter',
  'magazineArticle',
  'manuscript',
  'map',
  'newspaperArticle',
  'patent',
  'podcast',
  'preprint',
  'presentation',
  'radioBroadcast',
  'report',
  'standard',
  'statute',
  'thesis',
  'tvBroadcast',
  'videoRecording',
  'webpage',
]);

/** The field a container's title fills, by item type (Zotero's schema); any other type's is its publicationTitle. */
const CONTAINER_TITLE_FIELDS: Readonly<Record<string, string>> = {
  conferencePaper: 'proceedingsTitle',
  bookSection: 'bookTitle',
  encyclopediaArticle: 'encyclopediaTitle',
  dictionaryEntry: 'dictionaryTitle',
  webpage: 'websiteTitle',
  blogPost: 'blogTitle',
  forumPost: 'forumTitle',
  case: 'reporter',
};

/** The field the publisher fills, by item type (Zotero maps each to its base field "publisher"). */
const PUBLISHER_FIELDS: Readonly<Record<string, string>> = {
  thesis: 'university',
  report: 'institution',
  computerProgram: 'company',
  preprint: 'repository',
  film: 'distributor',
  audioRecording: 'label',
};

/** The field a genre ("PhD Thesis", "Technical report") fills, by item type; any other type's is "type". */
const TYPE_FIELDS: Readonly<Record<string, string>> = {
  thesis: 'thesisType',
  report: 'reportType',
  webpage: 'websiteType',
  presentation: 'presentationType',
  manuscript: 'manuscriptType',
  letter: 'letterType',
  map: 'mapType',
  blogPost: 'postType',
  forumPost: 'postType',
};

/** The Zotero field an item type keeps its container's title in (a conference paper's proceedingsTitle). */
export function containerTitleField(itemType: string): string {
  return CONTAINER_TITLE_FIELDS[itemType] ?? 'publicationTitle';
}

/** The Zotero field an item type keeps its publisher in (a thesis's university, a preprint's repository). */
export function publisherField(itemType: string): string {
  return PUBLISHER_FIELDS[itemType] ?? 'publisher';
}

/** The Zotero field an item type keeps its genre in (a thesis's thesisType). */
export function typeField(itemType: string): string {
  return TYPE_FIELDS[itemType] ?? 'type';
}
