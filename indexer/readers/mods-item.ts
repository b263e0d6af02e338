// A MODS record (<mods>) as the Zotero item Zotero's own MODS importer would make of it: its type (Zotero's genre, a
// MARC genre, or its host's), its title with subtitle (an abbreviated or alternative title is none), its people by role,
// the title of the journal or book it appeared in (relatedItem type="host"; a series is no venue), its dates, publisher,
// identifiers, URL and subject topics; read by zoteroItemFields as the Zotero database's items are.
import {
  attribute,
  elements,
  languageOf,
  peopleOf,
  readIdentifiers,
  readParts,
  type Setter,
  texts,
  titleOf,
  urlOf,
} from './mods-fields.ts';
import { textOf, type XmlNode } from './xml-document.ts';
import type { ZoteroItem } from './zotero-fields.ts';
import { containerTitleField, publisherField, typeField } from './zotero-item-types.ts';

/** MARC genres (authority "marcgt", as Zotero and catalogues write them) of a record itself, as Zotero item types. */
const MARC_GENRES: Readonly<Record<string, string>> = {
  journal: 'journalArticle',
  'journal article': 'journalArticle',
  'book chapter': 'bookSection',
  'conference paper': 'conferencePaper',
  dissertation: 'thesis',
  periodical: 'journalArticle',
  article: 'journalArticle',
  'conference publication': 'conferencePaper',
  book: 'book',
  thesis: 'thesis',
  theses: 'thesis',
  'technical report': 'report',
  'web site': 'webpage',
  encyclopedia: 'encyclopediaArticle',
  dictionary: 'dictionaryEntry',
  newspaper: 'newspaperArticle',
  patent: 'patent',
  letter: 'letter',
  map: 'map',
};
/** The genre of a host (the work a record appeared in) as the record's item type: a chapter of a book, a journal's article. */
const HOST_GENRES: Readonly<Record<string, string>> = {
  ...MARC_GENRES,
  book: 'bookSection',
  'conference publication': 'conferencePaper',
};
/** A Zotero item type as Zotero writes it in a genre of authority "local" ("journalArticle", "bookSection"). */
const ZOTERO_TYPE = /^[a-z]+(?:[A-Z][a-z]+)*$/;

/** The Zotero item a <mods> record describes. */
export function modsItem(mods: XmlNode): ZoteroItem {
  const hosts = elements(mods, 'relatedItem').filter((related) => attribute(related, 'type') === 'host');
  const host = hosts[0];
  const itemType = itemTypeOf(mods, host);
  const values = new Map<string, string>();
  const set: Setter = (field, value) => {
    const text = value?.trim() ?? '';
    if (text !== '' && !values.has(field)) values.set(field, text);
  };
  set('title', titleOf(mods));
  // Zotero writes a thesis's or report's own genre ("PhD Thesis") as a genre of no authority.
  const genre = elements(mods, 'genre').find((one) => attribute(one, 'authority') === '' && !knownGenre(textOf(one)));
  set(typeField(itemType), genre === undefined ? undefined : textOf(genre));
  set('shortTitle', titleOf(mods, 'abbreviated'));
  set('abstractNote', texts(mods, 'abstract').join(' '));
  const creators = peopleOf(mods, 'author');
  // A host's editors are the book's; its other people are no author of the chapter.
  if (host) creators.push(...peopleOf(host, 'contributor').filter((creator) => creator.creatorType === 'editor'));
  for (const name of elements(mods, 'name').filter((name) => attribute(name, 'type') === 'conference')) {
    set('conferenceName', texts(name, 'namePart').join(', '));
  }
  if (host) {
    set(containerTitleField(itemType), titleOf(host) || titleOf(host, 'abbreviated'));
    set('journalAbbreviation', titleOf(host, 'abbreviated'));
  }
  const origins = [...elements(mods, 'originInfo'), ...elements(host, 'originInfo')];
  const parts = [...elements(mods, 'part'), ...elements(host, 'part')];
  // A range's end ("point" end) is not the date it was issued; a date in a stated encoding ("2010") comes before the
  // date as printed ("c2010"), as Zotero's importer reads them.
  const firstDate = (name: string) => {
    const dates = origins
      .flatMap((origin) => elements(origin, name))
      .filter((date) => attribute(date, 'point') !== 'end' && textOf(date).trim() !== '');
    const date = dates.find((one) => attribute(one, 'encoding') !== '') ?? dates[0];
    return date === undefined ? undefined : textOf(date);
  };
  set('date', firstDate('dateIssued') ?? firstDate('copyrightDate') ?? firstDate('dateCreated'));
  set('date', parts.flatMap((part) => texts(part, 'date'))[0]);
  set(publisherField(itemType), origins.flatMap((origin) => texts(origin, 'publisher'))[0]);
  set('place', origins.flatMap((origin) => elements(origin, 'place').flatMap((place) => texts(place, 'placeTerm')))[0]);
  set('edition', origins.flatMap((origin) => texts(origin, 'edition'))[0]);
  readParts(parts, set);
  const uris = [mods, host].flatMap((holder) => readIdentifiers(holder, set));
  set('url', urlOf(mods) ?? uris[0]);
  for (const series of [mods, host].flatMap((holder) => elements(holder, 'relatedItem'))) {
    if (attribute(series, 'type') === 'series') set('series', titleOf(series));
  }
  set('language', languageOf(mods));
  set('callNumber', texts(mods, 'classification')[0]);
  set('recordIdentifier', elements(mods, 'recordInfo').flatMap((info) => texts(info, 'recordIdentifier'))[0]);
  const tags = elements(mods, 'subject').flatMap((subject) => texts(subject, 'topic'));
  return { itemType, values, creators, tags };
}

/** Whether a genre names a kind of record (a MARC genre, a Zotero item type) rather than a thesis's or report's genre. */
function knownGenre(text: string): boolean {
  const plain = text.trim();
  return MARC_GENRES[plain.toLowerCase()] !== undefined || ZOTERO_TYPE.test(plain);
}

/**
 * The item type: Zotero's own (a genre of authority "local"), else the record's MARC genre, else its host's (a book's
 * chapter, a journal's article), else a journal article for a host issued continuing, a book section for any other
 * host, and a document for a record that names no kind and appears in nothing.
 */
function itemTypeOf(mods: XmlNode, host: XmlNode | undefined): string {
  const genres = (node: XmlNode | undefined) =>
    elements(node, 'genre').map((genre) => ({ authority: attribute(genre, 'authority'), text: textOf(genre).trim() }));
  const own = genres(mods);
  const local = own.find(({ authority, text }) => authority === 'local' && ZOTERO_TYPE.test(text));
  if (local) return local.text;
  const marc = own.map(({ text }) => MARC_GENRES[text.toLowerCase()]).find(Boolean);
  if (marc) return marc;
  if (host === undefined) return 'document';
  const fromHost = genres(host)
    .map(({ text }) => HOST_GENRES[text.toLowerCase()])
    .find(Boolean);
  if (fromHost) return fromHost;
  const issuance = elements(host, 'originInfo').flatMap((origin) => texts(origin, 'issuance'));
  return issuance.some((text) => /^(?:continuing|serial)$/i.test(text)) ? 'journalArticle' : 'bookSection';
}
