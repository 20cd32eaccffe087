import type { EleventyConfig } from "@11ty/eleventy";
import type { ListingsSource } from "../collections/plugin.ts";
import { sitemapEntries, sitemapFiles } from "./sitemaps.ts";

/** Adds the global `sitemaps`: the files layouts/sitemap.11ty.ts writes. */
export function seoPlugin(eleventyConfig: EleventyConfig, listings: ListingsSource): void {
  eleventyConfig.addGlobalData("sitemaps", async () => {
    const { newsroom, listings: current } = await listings();
    return sitemapFiles(sitemapEntries(newsroom, current));
  });
}
