// A MODS record (<mods>) as the Zotero item Zotero's own MODS importer would make of it: its type (mods-genres.ts), a
// thesis's or report's own genre, its title with subtitle (an abbreviated or alternative title is none), its people by
// role, the title of the journal or book it appeared in (relatedItem type="host"; a series is no venue), its dates,
// publisher, identifiers, URL and subject topics; read by zoteroItemFields as the Zotero database's items are.
import { arxivIdOfLink } from './arxiv-ids.ts';
import {
  attribute,
  elements,
  languageOf,
  modsCreators,
  readModsIdentifiers,
  readParts,
  type Setter,
  setArxiv,
  texts,
  titleOf,
  urlOf,
} from './mods-fields.ts';
import { isZoteroRecord, itemTypeOf, namesKind } from './mods-genres.ts';
import { textOf, type XmlNode } from './xml-document.ts';
import type { ZoteroItem } from './zotero-fields.ts';
import { containerTitleField, publisherField, typeField } from './zotero-item-types.ts';

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
  // Zotero writes a thesis's or report's own genre ("PhD Thesis", "Technical Report") as a genre of no authority, after
  // the genres naming its type; in another tool's record, such a genre names a kind as often ("book", "Web site").
  const zotero = isZoteroRecord(mods);
  const genre = elements(mods, 'genre').find(
    (one) => attribute(one, 'authority') === '' && (zotero || !namesKind(textOf(one))),
  );
  set(typeField(itemType), genre === undefined ? undefined : textOf(genre));
  set('shortTitle', titleOf(mods, 'abbreviated'));
  set('abstractNote', texts(mods, 'abstract').join(' '));
  const creators = modsCreators(mods, 'author');
  // A host's editors are the book's; its other people are no author of the chapter.
  if (host) creators.push(...modsCreators(host, 'contributor').filter((creator) => creator.creatorType === 'editor'));
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
  // A place as text: a catalogue also writes it as a MARC country code ("nyu"), which is no place name.
  const places = origins.flatMap((origin) =>
    elements(origin, 'place').flatMap((place) => elements(place, 'placeTerm')),
  );
  const named = places.filter(
    (term) =>
      attribute(term, 'type') === 'text' || (attribute(term, 'type') === '' && attribute(term, 'authority') === ''),
  );
  set('place', named.map((term) => textOf(term))[0]);
  set('edition', origins.flatMap((origin) => texts(origin, 'edition'))[0]);
  readParts(parts, set);
  const ownUris = readModsIdentifiers(mods, set);
  const uris = [...ownUris, ...readModsIdentifiers(host, set, false)];
  const url = urlOf(mods);
  set('url', url ?? uris[0]);
  // A preprint without an arXiv identifier is known by its own arxiv.org address, as a RIS record is.
  setArxiv(
    [url ?? '', ...ownUris].map(arxivIdOfLink).find((id) => id !== undefined),
    set,
  );
  for (const series of [mods, host].flatMap((holder) => elements(holder, 'relatedItem'))) {
    if (attribute(series, 'type') === 'series') set('series', titleOf(series));
  }
  set('language', languageOf(mods));
  set('callNumber', texts(mods, 'classification')[0]);
  set('recordIdentifier', elements(mods, 'recordInfo').flatMap((info) => texts(info, 'recordIdentifier'))[0]);
  const tags = elements(mods, 'subject').flatMap((subject) => texts(subject, 'topic'));
  return { itemType, values, creators, tags };
}
