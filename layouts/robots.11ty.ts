import { absoluteUrl } from "../src/collections/collections.ts";
import type { Newsroom } from "../src/content/schema.ts";

/** /robots.txt: names both sitemaps; a preview build asks crawlers to stay out entirely. */
export const data = { permalink: "/robots.txt", eleventyExcludeFromCollections: true };

export function render({ newsroom }: { newsroom: Newsroom }): string {
  const absolute = (path: string) => absoluteUrl(newsroom.publication.baseUrl, path);
  return [
    "User-agent: *",
    newsroom.preview ? "Disallow: /" : "Allow: /",
    "",
    `Sitemap: ${absolute("/sitemap.xml")}`,
    `Sitemap: ${absolute("/news-sitemap.xml")}`,
    "",
  ].join("\n");
}
