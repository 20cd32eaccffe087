import type { SitemapPage } from "../src/seo/plugin.ts";

interface SitemapData {
  sitemap: SitemapPage;
}

/** /sitemap.xml (an index over /sitemap-<n>.xml once the site passes 50,000 pages). */
export const data = {
  pagination: { data: "sitemaps", size: 1, alias: "sitemap", addAllPagesToCollections: false },
  permalink: ({ sitemap }: SitemapData) => sitemap.url,
  eleventyExcludeFromCollections: true,
};

export function render({ sitemap }: SitemapData): Promise<string> {
  return sitemap.xml();
}
