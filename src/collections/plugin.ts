import { readdirSync } from "node:fs";
import type { EleventyConfig } from "@11ty/eleventy";
import type { Newsroom } from "../content/schema.ts";
import { ARTICLES_PER_PART, searchParts } from "../site/searchParts.ts";
import { type Listings, listings } from "./listings.ts";
import { type BuiltState, pagesToRebuild, type Rebuild, type RenderRun } from "./rebuild.ts";

/** The listings of the build in progress, computed once however many plugins ask. */
export type ListingsSource = () => Promise<{ newsroom: Newsroom; listings: Listings }>;

/** The folder of the layouts, as .eleventy.ts gives it to Eleventy. */
const LAYOUTS = "layouts";

/** What a run writes (see RenderRun; every page when it has none), with the articles in each part of search. */
export interface PagesWritten {
  renderRun?: RenderRun;
  searchPart: number;
}

// Each build loads a new newsroom object, so this cache never outlives its build; a build's runs of Eleventy are each
// handed the newsroom its first run loaded, and find its listings here.
const computed = new WeakMap<Newsroom, Listings>();

/**
 * Adds the global `listings`: topic, author and archive pages and the home page's parts; and `rebuild`, what the
 * paginated layouts write. A build's later run writes only its layout, and of the article pages only its part's.
 */
export function collectionsPlugin(
  eleventyConfig: EleventyConfig,
  newsroom: () => Promise<Newsroom>,
  written: PagesWritten = { searchPart: ARTICLES_PER_PART },
): ListingsSource {
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
  const { renderRun, searchPart } = written;
  eleventyConfig.addGlobalData("rebuild", async (): Promise<Rebuild> => {
    const current = await source();
    const parts = renderRun && searchParts(current.newsroom.articles, searchPart);
    const part = renderRun?.articlePart;
    const urls = part === undefined ? undefined : parts?.[part]?.urls;
    return {
      only: built && changedFiles.length > 0 ? pagesToRebuild(built, current, changedFiles) : undefined,
      articles: urls && new Set(urls),
      later: renderRun !== undefined && renderRun.layout === undefined && (parts?.length ?? 0) > 1,
    };
  });
  const layout = renderRun?.layout;
  if (layout !== undefined) {
    for (const name of readdirSync(LAYOUTS))
      if (/\.11ty\.tsx?$/.test(name) && name !== layout) eleventyConfig.ignores.add(`${LAYOUTS}/${name}`);
  }
  return source;
}
