import type { EleventyConfig } from "@11ty/eleventy";
import type { ListingsSource } from "../collections/plugin.ts";
import { feedSpecs } from "./feeds.ts";

/** Adds the global `feeds`: the site, topic and author feeds that layouts/feed*.11ty.ts write. */
export function feedsPlugin(eleventyConfig: EleventyConfig, listings: ListingsSource): void {
  eleventyConfig.addGlobalData("feeds", async () => {
    const { newsroom, listings: current } = await listings();
    return feedSpecs(newsroom, current);
  });
}
