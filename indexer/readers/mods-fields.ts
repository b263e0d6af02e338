// The parts of a MODS record read the same way wherever they stand (in the record, in its host, in a series): child
// elements of bare text or with attributes alike, a title with its subtitle, people with their roles, a part's volume,
// issue and pages, identifiers, the URL and the language.
import { arxivIdOf } from './arxiv-ids.ts';
import { invertName } from './values.ts';
import { listOf, textOf, type XmlNode } from './xml-document.ts';
import type { ZoteroCreator } from './zotero-fields.ts';

/** MARC relator codes and terms of the roles Zotero has, in lower case; a name with no role is an author. */
const ROLES: Readonly<Record<string, string>> = {
  aut: 'author',
  author: 'author',
  cre: 'author',
  creator: 'author',
  edt: 'editor',
  editor: 'editor',
  trl: 'translator',
  translator: 'translator',
  pbd: 'seriesEditor',
  ctb: 'contributor',
  contributor: 'contributor',
};

/** The child elements `name` of a node, each as an object (an element of bare text as {"#text": …}). */
export function elements(node: unknown, name: string): XmlNode[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [];
  return listOf((node as XmlNode)[name]).map((child) =>
    child !== null && typeof child === 'object' && !Array.isArray(child)
      ? (child as XmlNode)
      : { '#text': textOf(child) },
  );
}
/** The non-blank texts of the child elements `name` of a node, trimmed. */
export const texts = (node: unknown, name: string): string[] =>
  elements(node, name)
    .map((element) => textOf(element).trim())
    .filter((text) => text !== '');
/** The value of an attribute of an element, trimmed, or "". */
export const attribute = (node: XmlNode, name: string): string => textOf(node[`@_${name}`]).trim();

/**
 * The title of a record (or host): its first <titleInfo> of no type, else of any type but abbreviated, as nonSort,
 * title, ": " subTitle, ". " partNumber and partName; or, given a `type` ("abbreviated"), its first <titleInfo> of it.
 */
export function titleOf(node: XmlNode, type?: string): string {
  const infos = elements(node, 'titleInfo').filter((info) => texts(info, 'title').length > 0);
  const info =
    type === undefined
      ? (infos.find((candidate) => attribute(candidate, 'type') === '') ??
        infos.find((candidate) => attribute(candidate, 'type') !== 'abbreviated'))
      : infos.find((candidate) => attribute(candidate, 'type') === type);
  if (info === undefined) return '';
  const [title = ''] = texts(info, 'title');
  const [subtitle] = texts(info, 'subTitle');
  const [nonSort] = texts(info, 'nonSort');
  const part = [...texts(info, 'partNumber'), ...texts(info, 'partName')].join(': ');
  let whole = subtitle ? `${title.replace(/\s*:$/, '')}: ${subtitle}` : title;
  if (nonSort) whole = `${nonSort} ${whole}`;
  return part ? `${whole.replace(/\.$/, '')}. ${part}` : whole;
}

/**
 * The people (<name> of type personal, corporate, or none) of a record or host, each with its role: an author for a
 * relator code or term that says so or for none (`unroled` for a host's people), an editor, translator… as Zotero has
 * them, and a contributor for any other role (a thesis advisor, a degree grantor).
 */
export function modsCreators(node: XmlNode, unroled: string): ZoteroCreator[] {
  return elements(node, 'name').flatMap((name) => {
    const type = attribute(name, 'type');
    if (type === 'conference' || type === 'family') return [];
    // A catalogue's RDA relationship designator ends with a period ("author.", "editor.").
    const terms = elements(name, 'role').flatMap((role) =>
      texts(role, 'roleTerm').map((term) => term.toLowerCase().replace(/\s*\.$/, '')),
    );
    const creatorType =
      terms.length === 0 ? unroled : (terms.map((term) => ROLES[term]).find(Boolean) ?? 'contributor');
    const parts = elements(name, 'namePart');
    const part = (kind: string) =>
      parts
        .filter((one) => attribute(one, 'type') === kind)
        .map((one) => textOf(one).trim())
        .filter(Boolean)
        .join(' ');
    const lastName = part('family');
    const firstName = part('given');
    if (lastName !== '')
      return [{ creatorType, name: firstName === '' ? { literal: lastName } : { firstName, lastName } }];
    // A name in one part: "Ulmer, Fran" for a person, the whole name for a body; dates and titles are not the name.
    const whole = parts
      .filter((one) => attribute(one, 'type') === '')
      .map((one) => textOf(one).trim())
      .filter(Boolean)
      .join(type === 'personal' ? ' ' : '. ');
    // A person's dates written in the name ("Alleman, Tillie Pierce [1848-1914]") are dropped, as Zotero drops them.
    const written = whole || texts(name, 'displayForm')[0] || '';
    const display =
      type === 'corporate'
        ? written
        : written
            .replace(/[[(][^A-Za-z[\]()]*[\])]/g, '')
            .replace(/\s+/g, ' ')
            .trim();
    if (display === '') return [];
    return [{ creatorType, name: { literal: type === 'corporate' ? display : invertName(display) } }];
  });
}

/** Sets a Zotero field to a value unless it is blank or the field is already set. */
export type Setter = (field: string, value: string | undefined) => void;

/** <part>: volume and issue (<detail type="volume"><number>), pages (<extent unit="pages"> start and end, or list). */
export function readParts(parts: readonly XmlNode[], set: Setter): void {
  for (const part of parts) {
    for (const detail of elements(part, 'detail')) {
      const type = attribute(detail, 'type');
      if (type === 'volume' || type === 'issue' || type === 'section') {
        set(type, texts(detail, 'number')[0] ?? texts(detail, 'caption')[0]);
      }
    }
    for (const extent of elements(part, 'extent')) {
      if (!/^pages?$/.test(attribute(extent, 'unit'))) continue;
      const [start] = texts(extent, 'start');
      const [end] = texts(extent, 'end');
      set('pages', start && end && start !== end ? `${start}-${end}` : (start ?? end ?? texts(extent, 'list')[0]));
    }
  }
}

/**
 * <identifier type="doi|isbn|issn|arxiv">: the DOI, ISBN, ISSN and arXiv id (one marked invalid passed over); the URIs
 * are returned. The arXiv id is set as Zotero's Archive ID ("arXiv:2301.01234"), from which the item's arXiv id is read,
 * unless `ownArxiv` is false: a host's arXiv id (a proceedings volume's) is every paper's in it, none's own.
 */
export function readModsIdentifiers(node: XmlNode | undefined, set: Setter, ownArxiv = true): string[] {
  const fields: Readonly<Record<string, string>> = { doi: 'DOI', isbn: 'ISBN', issn: 'ISSN' };
  const uris: string[] = [];
  for (const identifier of elements(node, 'identifier')) {
    if (attribute(identifier, 'invalid') === 'yes') continue;
    const type = attribute(identifier, 'type').toLowerCase();
    if (type === 'uri') uris.push(textOf(identifier).trim());
    else if (type === 'arxiv') {
      if (ownArxiv) setArxiv(arxivIdOf(textOf(identifier)), set);
    } else if (fields[type] !== undefined) set(fields[type], textOf(identifier));
  }
  return uris.filter((uri) => uri !== '');
}

/** Sets the arXiv id, if any, as Zotero's Archive ID of a preprint. */
export function setArxiv(id: string | undefined, set: Setter): void {
  if (id !== undefined) set('archiveID', `arXiv:${id}`);
}

/** The record's <location><url>: the one for primary display when marked, never a preview; else its URI identifier. */
export function urlOf(mods: XmlNode): string | undefined {
  const urls = elements(mods, 'location')
    .flatMap((location) => elements(location, 'url'))
    .filter((url) => attribute(url, 'access') !== 'preview' && textOf(url).trim() !== '');
  const primary = urls.find((url) => attribute(url, 'usage').startsWith('primary')) ?? urls[0];
  return primary === undefined ? undefined : textOf(primary).trim();
}

/** The languages of a record by name (languageTerm type="text"), else by code, joined by "; ". */
export function languageOf(mods: XmlNode): string {
  return elements(mods, 'language')
    .map((language) => {
      const terms = elements(language, 'languageTerm');
      const named = terms.find((term) => attribute(term, 'type') === 'text') ?? terms[0];
      return named === undefined ? textOf(language).trim() : textOf(named).trim();
    })
    .filter(Boolean)
    .join('; ');
}
