import type { Newsroom } from "../src/content/schema.ts";
import { hasNewsSitemap, newsSitemapXml } from "../src/seo/sitemaps.ts";
import { route } from "../src/site/routes.ts";

/** The Google News sitemap: articles of the last two days before the build; not written when there are none. */
export const data = {
  permalink: ({ newsroom }: { newsroom: Newsroom }) => (hasNewsSitemap(newsroom) ? route.newsSitemap : false),
  eleventyExcludeFromCollections: true,
};

export async function render({ newsroom }: { newsroom: Newsroom }): Promise<string> {
  // Eleventy renders a template whose permalink is false all the same, and then writes nothing.
  return hasNewsSitemap(newsroom) ? newsSitemapXml(newsroom) : "";
}
