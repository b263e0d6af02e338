// A draft's two references as Zotero writes them in its MODS and Zotero RDF exports, for the tests that paste an
// export as a draft's reference list (verify's service, route and command). Values written here.

/** A draft citing its references by number and by author and year. */
export const DRAFT =
  'Caffeine increased short-term memory recall in adults [1]. Alpine glaciers lost mass faster between 2000 and 2020 (Meier, 2022).';

/** The references as a MODS collection (Zotero's MODS export, one record a line here), the first with a DOI. */
export const MODS_REFERENCES = `<?xml version="1.0"?>
<modsCollection xmlns="http://www.loc.gov/mods/v3" version="3.3">
<mods><titleInfo><title>Caffeine and working memory in adults</title></titleInfo><name type="personal"><namePart type="family">Lindqvist</namePart><namePart type="given">Maria</namePart><role><roleTerm type="code" authority="marcrelator">aut</roleTerm></role></name><name type="personal"><namePart type="family">Okafor</namePart><namePart type="given">Tom</namePart><role><roleTerm type="code" authority="marcrelator">aut</roleTerm></role></name><typeOfResource>text</typeOfResource><genre>journalArticle</genre><identifier type="doi">10.5555/caf.2024.001</identifier><originInfo><dateIssued>2024</dateIssued></originInfo></mods>
<mods><titleInfo><title>Glacier melt rates in the Alps</title></titleInfo><name type="personal"><namePart type="family">Meier</namePart><namePart type="given">Hans</namePart><role><roleTerm type="code" authority="marcrelator">aut</roleTerm></role></name><typeOfResource>text</typeOfResource><genre>journalArticle</genre><originInfo><dateIssued>2022</dateIssued></originInfo></mods>
</modsCollection>
`;

/** The same references as a Zotero RDF export. */
export const ZOTERO_RDF_REFERENCES = `<rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns:z="http://www.zotero.org/namespaces/export#"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:bib="http://purl.org/net/biblio#"
 xmlns:foaf="http://xmlns.com/foaf/0.1/">
    <bib:Article rdf:about="#item_1">
        <z:itemType>journalArticle</z:itemType>
        <bib:authors><rdf:Seq>
            <rdf:li><foaf:Person><foaf:surname>Lindqvist</foaf:surname><foaf:givenName>Maria</foaf:givenName></foaf:Person></rdf:li>
            <rdf:li><foaf:Person><foaf:surname>Okafor</foaf:surname><foaf:givenName>Tom</foaf:givenName></foaf:Person></rdf:li>
        </rdf:Seq></bib:authors>
        <dc:title>Caffeine and working memory in adults</dc:title>
        <dc:date>2024</dc:date>
        <dc:identifier>DOI 10.5555/caf.2024.001</dc:identifier>
    </bib:Article>
    <bib:Article rdf:about="#item_2">
        <z:itemType>journalArticle</z:itemType>
        <bib:authors><rdf:Seq>
            <rdf:li><foaf:Person><foaf:surname>Meier</foaf:surname><foaf:givenName>Hans</foaf:givenName></foaf:Person></rdf:li>
        </rdf:Seq></bib:authors>
        <dc:title>Glacier melt rates in the Alps</dc:title>
        <dc:date>2022</dc:date>
    </bib:Article>
</rdf:RDF>
`;
