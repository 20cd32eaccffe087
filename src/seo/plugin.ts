import type { EleventyConfig } from "@11ty/eleventy";
import type { ListingsSource } from "../collections/plugin.ts";
import { type SitemapEntry, sameEntries, sitemapEntries, sitemapFiles, sitemapXml } from "./sitemaps.ts";

/** A sitemap file to write: its URL and its XML. */
export interface SitemapPage {
  url: string;
  xml: () => Promise<string>;
}

/**
 * Adds the global `sitemaps`: the files layouts/sitemap.11ty.ts writes. A file whose pages and dates are the ones it
 * last had keeps its XML: a dev-server save that changed no address or date does not write 10,000 URLs out again.
 */
export function seoPlugin(eleventyConfig: EleventyConfig, listings: ListingsSource): void {
  const made = new Map<string, { baseUrl: string; entries: SitemapEntry[]; xml: Promise<string> }>();
  eleventyConfig.addGlobalData("sitemaps", async (): Promise<SitemapPage[]> => {
    const { newsroom, listings: current } = await listings();
    const { baseUrl } = newsroom.publication;
    return sitemapFiles(sitemapEntries(newsroom, current)).map((file) => ({
      url: file.url,
      xml: () => {
        const last = made.get(file.url);
        if (last && last.baseUrl === baseUrl && sameEntries(last.entries, file.entries)) return last.xml;
        const xml = sitemapXml(file, baseUrl);
        made.set(file.url, { baseUrl, entries: file.entries, xml });
        xml.catch(() => {
          if (made.get(file.url)?.xml === xml) made.delete(file.url);
        });
        return xml;
      },
    }));
  });
}
