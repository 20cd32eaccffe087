import type { EleventyConfig } from "@11ty/eleventy";
import type { Newsroom } from "../content/schema.ts";
import { type Listings, listings } from "./listings.ts";
import { type BuiltState, pagesToRebuild, type Rebuild } from "./rebuild.ts";

/** The listings of the build in progress, computed once however many plugins ask. */
export type ListingsSource = () => Promise<{ newsroom: Newsroom; listings: Listings }>;

/** Adds the global `listings`: topic, author and archive pages and the home page's parts. */
export function collectionsPlugin(eleventyConfig: EleventyConfig, newsroom: () => Promise<Newsroom>): ListingsSource {
  // Each build loads a new newsroom object, so this cache never outlives its build.
  const computed = new WeakMap<Newsroom, Listings>();
  const source: ListingsSource = async () => {
    const current = await newsroom();
    let result = computed.get(current);
    if (!result) {
      result = listings(current);
      computed.set(current, result);
    }
    return { newsroom: current, listings: result };
  };
  eleventyConfig.addGlobalData("listings", async () => (await source()).listings);

  // On the dev server, a save that only touched articles rewrites only the pages showing them; the rest of the
  // last successful build stays on disk. Files saved during failed builds count until a build succeeds.
  let built: BuiltState | undefined;
  let changedFiles: string[] = [];
  eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
    changedFiles.push(...queue);
  });
  eleventyConfig.on("eleventy.after", async () => {
    built = await source();
    changedFiles = [];
  });
  eleventyConfig.addGlobalData("rebuild", async (): Promise<Rebuild> => {
    const current = await source();
    return { only: built && changedFiles.length > 0 ? pagesToRebuild(built, current, changedFiles) : undefined };
  });
  return source;
}
