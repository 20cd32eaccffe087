import { absoluteUrl } from "../src/collections/collections.ts";
import type { Newsroom } from "../src/content/schema.ts";
import { hasNewsSitemap } from "../src/seo/sitemaps.ts";

/** /robots.txt: names the sitemap and, when it is written, the news sitemap; a preview build asks crawlers to stay out entirely. */
export const data = { permalink: "/robots.txt", eleventyExcludeFromCollections: true };

export function render({ newsroom }: { newsroom: Newsroom }): string {
  const absolute = (path: string) => absoluteUrl(newsroom.publication.baseUrl, path);
  return [
    "User-agent: *",
    newsroom.preview ? "Disallow: /" : "Allow: /",
    "",
    `Sitemap: ${absolute("/sitemap.xml")}`,
    ...(hasNewsSitemap(newsroom) ? [`Sitemap: ${absolute("/news-sitemap.xml")}`] : []),
    "",
  ].join("\n");
}
