import type { Newsroom } from "../src/content/schema.ts";
import { newsSitemapXml } from "../src/seo/sitemaps.ts";

/** The Google News sitemap: articles of the last two days before the build. */
export const data = { permalink: "/news-sitemap.xml", eleventyExcludeFromCollections: true };

export function render({ newsroom }: { newsroom: Newsroom }): Promise<string> {
  return newsSitemapXml(newsroom);
}
