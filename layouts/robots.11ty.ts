import type { Newsroom } from "../src/content/schema.ts";
import { hasNewsSitemap } from "../src/seo/sitemaps.ts";
import { route } from "../src/site/routes.ts";
import { absoluteUrl } from "../src/site/urls.ts";

/**
 * /robots.txt: names the sitemap and, when it is written, the news sitemap; a preview build asks crawlers to stay out
 * entirely.
 */
export const data = { permalink: "/robots.txt", eleventyExcludeFromCollections: true };

export function render({ newsroom }: { newsroom: Newsroom }): string {
  const absolute = (path: string) => absoluteUrl(newsroom.publication.baseUrl, path);
  return [
    "User-agent: *",
    newsroom.preview ? "Disallow: /" : "Allow: /",
    "",
    `Sitemap: ${absolute(route.sitemap)}`,
    ...(hasNewsSitemap(newsroom) ? [`Sitemap: ${absolute(route.newsSitemap)}`] : []),
    "",
  ].join("\n");
}
