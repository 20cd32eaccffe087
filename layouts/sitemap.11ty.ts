import type { Newsroom } from "../src/content/schema.ts";
import { type SitemapFile, sitemapXml } from "../src/seo/sitemaps.ts";

interface SitemapData {
  newsroom: Newsroom;
  sitemap: SitemapFile;
}

/** /sitemap.xml (an index over /sitemap-<n>.xml once the site passes 50,000 pages). */
export const data = {
  pagination: { data: "sitemaps", size: 1, alias: "sitemap", addAllPagesToCollections: false },
  permalink: ({ sitemap }: SitemapData) => sitemap.url,
  eleventyExcludeFromCollections: true,
};

export function render({ newsroom, sitemap }: SitemapData): Promise<string> {
  return sitemapXml(sitemap, newsroom.publication.baseUrl);
}
