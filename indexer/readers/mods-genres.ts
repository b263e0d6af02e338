// The Zotero item type of a MODS record, as Zotero's MODS importer tells it: Zotero's own genre (authority "local"),
// a MARC genre, a DCMI type, a genre's wording, the type of resource, its host's genre, an HTML media type, else what
// its host's issuance says; and which genres name a kind of record rather than a thesis's or report's own genre.
import { attribute, elements, texts } from './mods-fields.ts';
import { textOf, type XmlNode } from './xml-document.ts';
import { WORK_ITEM_TYPES } from './zotero-item-types.ts';

/** MARC genre terms (authority "marcgt") as Zotero item types, in lower case: Zotero's table, and other tools' words. */
const MARC_GENRES: Readonly<Record<string, string>> = {
  'art reproduction': 'artwork',
  article: 'journalArticle',
  autobiography: 'book',
  bibliography: 'book',
  biography: 'book',
  book: 'book',
  chart: 'artwork',
  'comic or graphic novel': 'book',
  comic: 'book',
  'graphic novel': 'book',
  'comic strip': 'artwork',
  'conference publication': 'conferencePaper',
  dictionary: 'dictionaryEntry',
  diorama: 'artwork',
  drama: 'book',
  encyclopedia: 'encyclopediaArticle',
  festschrift: 'book',
  fiction: 'book',
  filmstrip: 'videoRecording',
  folktale: 'book',
  'government publication': 'book',
  graphic: 'artwork',
  globe: 'map',
  handbook: 'book',
  history: 'book',
  hymnal: 'book',
  'humor,satire': 'book',
  humor: 'book',
  satire: 'book',
  journal: 'journalArticle',
  kit: 'artwork',
  'law report or digest': 'journalArticle',
  'law report': 'journalArticle',
  digest: 'journalArticle',
  'law digest': 'journalArticle',
  'legal article': 'journalArticle',
  'legal case and case notes': 'case',
  'legal case': 'case',
  'case notes': 'case',
  legislation: 'statute',
  'loose-leaf': 'manuscript',
  map: 'map',
  memoir: 'book',
  'microscope slide': 'artwork',
  model: 'artwork',
  novel: 'book',
  'online system or service': 'webpage',
  'online system': 'webpage',
  service: 'webpage',
  'online service': 'webpage',
  patent: 'patent',
  periodical: 'journalArticle',
  picture: 'artwork',
  realia: 'artwork',
  script: 'book',
  slide: 'artwork',
  sound: 'audioRecording',
  speech: 'audioRecording',
  'standard or specification': 'report',
  standard: 'report',
  'technical report': 'report',
  newspaper: 'newspaperArticle',
  theses: 'thesis',
  thesis: 'thesis',
  transparency: 'artwork',
  videorecording: 'videoRecording',
  letter: 'letter',
  'motion picture': 'film',
  'art original': 'artwork',
  'web site': 'webpage',
  yearbook: 'book',
  // Other tools' wording of the same kinds.
  'journal article': 'journalArticle',
  'book chapter': 'bookSection',
  'conference paper': 'conferencePaper',
  dissertation: 'thesis',
};
/** DCMI types (authority "dct"), spaces taken out and in lower case. */
const DCMI_TYPES: Readonly<Record<string, string>> = {
  image: 'artwork',
  interactiveresource: 'webpage',
  movingimage: 'videoRecording',
  software: 'computerProgram',
  sound: 'audioRecording',
  stillimage: 'artwork',
};
/** A genre's wording that names a kind ("Journal Article", "blog entry"). */
const WORDED_TYPES: readonly [RegExp, string][] = [
  [/\bblog/i, 'blogPost'],
  [/journal\s*article/i, 'journalArticle'],
  [/magazine\s*article/i, 'magazineArticle'],
  [/newspaper\s*article/i, 'newspaperArticle'],
];
/** <typeOfResource> values that name a kind; "text" names none. */
const RESOURCE_TYPES: Readonly<Record<string, string>> = {
  cartographic: 'map',
  'sound recording-musical': 'audioRecording',
  'sound recording-nonmusical': 'audioRecording',
  'sound recording': 'audioRecording',
  'still image': 'artwork',
  'moving image': 'videoRecording',
  'software, multimedia': 'computerProgram',
};

type Genre = { authority: string; text: string };

const genresOf = (node: XmlNode | undefined): Genre[] =>
  elements(node, 'genre').map((genre) => ({ authority: attribute(genre, 'authority'), text: textOf(genre).trim() }));
const marcType = (text: string) => MARC_GENRES[text.toLowerCase()];
const dcmiType = (text: string) => DCMI_TYPES[text.replace(/\s+/g, '').toLowerCase()];
const wordedType = (text: string) => WORDED_TYPES.find(([pattern]) => pattern.test(text))?.[1];

/** Whether a genre is Zotero's own item type, written as Zotero writes it ("journalArticle"). */
export const isZoteroType = (genre: Genre): boolean => genre.authority === 'local' && WORK_ITEM_TYPES.has(genre.text);

/** Whether a record's genre names a kind of record (a MARC genre, a DCMI type, a Zotero item type). */
export function namesKind(text: string): boolean {
  const plain = text.trim();
  return WORK_ITEM_TYPES.has(plain) || marcType(plain) !== undefined || dcmiType(plain) !== undefined;
}

/** Whether a record is Zotero's own export: it names its item type in a genre of authority "local". */
export const isZoteroRecord = (mods: XmlNode): boolean => genresOf(mods).some(isZoteroType);

/** The item type the genres of a record (or its host) name, tried in Zotero's order. */
function typeOfGenres(genres: readonly Genre[]): string | undefined {
  const marc = ({ authority }: Genre) => authority === 'marcgt' || authority === 'marc';
  return (
    genres.find(isZoteroType)?.text ??
    genres
      .filter(marc)
      .map(({ text }) => marcType(text))
      .find(Boolean) ??
    genres
      .filter(({ authority }) => authority === 'dct')
      .map(({ text }) => dcmiType(text))
      .find(Boolean) ??
    genres
      .map(({ text }) => (WORK_ITEM_TYPES.has(text) ? text : (marcType(text) ?? dcmiType(text) ?? wordedType(text))))
      .find(Boolean)
  );
}

/**
 * The item type of a record, as Zotero's importer tells it: its genres, its type of resource, its host's genres (a book
 * as host makes a book section), an HTML media type (a web page), else a journal article for a host issued continuing,
 * a book section for any other host, and a document for a record that names no kind and appears in nothing.
 */
export function itemTypeOf(mods: XmlNode, host: XmlNode | undefined): string {
  const own = typeOfGenres(genresOf(mods));
  if (own) return own;
  const resources = texts(mods, 'typeOfResource');
  const resource = resources.map((text) => RESOURCE_TYPES[text] ?? wordedType(text)).find(Boolean);
  if (resource) return resource;
  const fromHost = host === undefined ? undefined : typeOfGenres(genresOf(host));
  if (fromHost) return fromHost === 'book' ? 'bookSection' : fromHost;
  const media = elements(mods, 'physicalDescription').flatMap((description) => texts(description, 'internetMediaType'));
  if (media.includes('text/html')) return 'webpage';
  if (host === undefined) return 'document';
  const issuance = elements(host, 'originInfo').flatMap((origin) => texts(origin, 'issuance'));
  return issuance.some((text) => /^(?:continuing|serial)$/i.test(text)) ? 'journalArticle' : 'bookSection';
}
