/**
 * The publication's `baseUrl` as every part of the site uses it: the origin alone (`https://news.example`), no path
 * and no trailing slash. The schema refuses a `baseUrl` with a path (see `PublicationSchema`) and normalises the rest.
 */
export type SiteOrigin = string;

/** The origin of an absolute http(s) URL (`https://News.example/` → `https://news.example`). */
export function siteOrigin(url: string): SiteOrigin {
  return new URL(url).origin;
}

/** A site path as an absolute URL on the site, for feeds, sitemaps, emails and sharing tags. */
export function absoluteUrl(origin: SiteOrigin, path: string): string {
  return new URL(path, `${origin}/`).href;
}

/** The site path of a link when it points inside the site (root-relative, or absolute on `origin`), else undefined. */
export function sitePath(href: string, origin: SiteOrigin): string | undefined {
  if (href.startsWith(`${origin}/`)) return href.slice(origin.length);
  if (href.startsWith("/") && !href.startsWith("//")) return href;
  return undefined;
}

/** Whether `href` leaves the site: an absolute http(s) URL not on `origin`. */
export function isExternalUrl(href: string, origin?: SiteOrigin): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  return !(origin && href.startsWith(`${origin}/`));
}

/**
 * Makes every relative `href` and `src` of rendered Markdown absolute, resolved as a browser resolves it on the page
 * the HTML belongs to (`pageUrl`, absolute): `/news/a/` on the site, `#why-it-matters` on that page, for a feed reader
 * resolves what is left against the feed. A value with a scheme (`https:`, `mailto:`) is kept as written.
 */
export function absoluteHtml(html: string, pageUrl: string): string {
  return html.replace(/ (href|src)="([^"]*)"/g, (attribute, name: string, value: string) => {
    const url = value.replaceAll("&amp;", "&");
    if (/^[a-z][a-z\d+.-]*:/i.test(url) || !URL.canParse(url, pageUrl)) return attribute;
    return ` ${name}="${new URL(url, pageUrl).href.replaceAll("&", "&amp;")}"`;
  });
}

/**
 * Gives each root-relative link of rendered Markdown its absolute address in `data-print-url`, which the print
 * stylesheet writes after the link: on paper a reader needs an address to type, not a path.
 */
export function printableLinks(html: string, origin: SiteOrigin): string {
  return html.replace(/<a href="\/(?!\/)([^"]*)"/g, `<a href="/$1" data-print-url="${origin}/$1"`);
}
