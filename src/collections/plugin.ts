import type { EleventyConfig } from "@11ty/eleventy";
import type { NewsroomSource } from "../content/plugin.ts";
import { listings } from "./listings.ts";

/** Adds the global `listings`: topic, author and archive pages and the home page's parts. */
export function collectionsPlugin(eleventyConfig: EleventyConfig, newsroom: NewsroomSource): void {
  eleventyConfig.addGlobalData("listings", async () => listings(await newsroom()));
}
