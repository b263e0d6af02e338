// The outbound links of a paper (DOI, arXiv, code, web page), only ever as http(s) URLs, so
// a `javascript:` URL in a paper record can never end up in an href.
import type { Paper } from '../../../../indexer/paper.schema.ts';

export type PaperLink = { label: string; href: string };

/** The URL if it is an absolute http(s) URL, otherwise undefined. */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const CODE_HOSTS = /(^|\.)(github\.com|gitlab\.com|codeberg\.org|bitbucket\.org|huggingface\.co)$/;

/** DOI, arXiv, code and web links for a paper, each at most once. */
export function paperLinks(paper: Paper): PaperLink[] {
  const links: PaperLink[] = [];
  const doi = paper.doi?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').trim();
  if (doi) links.push({ label: 'DOI', href: `https://doi.org/${encodeURI(doi)}` });
  const arxiv = paper.arxivId?.replace(/^arxiv:/i, '').trim();
  if (arxiv && /^[\w./-]+$/.test(arxiv)) links.push({ label: 'arXiv', href: `https://arxiv.org/abs/${arxiv}` });
  const metadata = paper.metadata as Record<string, unknown>;
  const url = safeHttpUrl(paper.url);
  const code =
    safeHttpUrl(metadata.code) ??
    safeHttpUrl(metadata.codeUrl) ??
    safeHttpUrl(metadata.code_url) ??
    (url && CODE_HOSTS.test(new URL(url).hostname) ? url : undefined);
  if (code) links.push({ label: 'Code', href: code });
  if (url && url !== code) links.push({ label: 'Web page', href: url });
  return links;
}
